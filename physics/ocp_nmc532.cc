#include <physics/open_circuit_potential.h>

#include <cmath>

namespace ssbcell
{
  namespace
  {
    // Published polynomial-plus-exponential fit of NMC532 vs Li, valid for
    // theta < 0.97 (docs/physics.md lists the coefficients and source).
    class NMC532 : public OpenCircuitPotential
    {
    public:
      double
      value(double th) const override
      {
        return 4.3452 - 1.6518 * th + 1.6225 * th * th - 2.0843 * std::pow(th, 3) +
               3.5146 * std::pow(th, 4) - 2.2166 * std::pow(th, 5) -
               0.5623e-4 * std::exp(109.451 * th - 100.006);
      }

      double
      derivative(double th) const override
      {
        return -1.6518 + 2. * 1.6225 * th - 3. * 2.0843 * th * th +
               4. * 3.5146 * std::pow(th, 3) - 5. * 2.2166 * std::pow(th, 4) -
               0.5623e-4 * 109.451 * std::exp(109.451 * th - 100.006);
      }
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::OpenCircuitPotential,
                       ssbcell::NMC532,
                       "nmc532",
                       "NMC532 vs Li: 4.3452 - 1.6518 th + 1.6225 th^2 - "
                       "2.0843 th^3 + 3.5146 th^4 - 2.2166 th^5 - "
                       "0.5623e-4 exp(109.451 th - 100.006); valid for th < 0.97.")
