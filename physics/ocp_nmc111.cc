#include <physics/open_circuit_potential.h>

#include <cmath>

namespace ssbcell
{
  namespace
  {
    // LiNi1/3Mn1/3Co1/3O2 (NCM111) vs Li: cubic plus an exponential that drops
    // the potential as the host fills (theta -> 1). Coefficients, source and
    // the checks they passed are in docs/physics.md ("NCM111").
    constexpr double a0 = 6.0826, a1 = -6.9922, a2 = 7.1062, a3 = -2.5947;
    constexpr double b = 0.54549e-4, k = 124.23, x0 = 114.2593;

    class NMC111 : public OpenCircuitPotential
    {
    public:
      double
      value(double th) const override
      {
        return a0 + th * (a1 + th * (a2 + th * a3)) - b * std::exp(k * th - x0);
      }

      double
      derivative(double th) const override
      {
        return a1 + th * (2. * a2 + 3. * a3 * th) - b * k * std::exp(k * th - x0);
      }
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::OpenCircuitPotential,
                       ssbcell::NMC111,
                       "nmc111",
                       "NCM111 (LiNi1/3Mn1/3Co1/3O2) vs Li: 6.0826 - 6.9922 th + "
                       "7.1062 th^2 - 2.5947 th^3 - 0.54549e-4 exp(124.23 th - "
                       "114.2593); strictly decreasing on [0, 1], used for "
                       "0.3 <= th <= 1.")
