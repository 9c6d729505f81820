#include <physics/butler_volmer.h>
#include <physics/exchange_current.h>

namespace ssbcell
{
  namespace
  {
    class StoichiometryDependentExchangeCurrent : public ExchangeCurrentModel
    {
    public:
      double
      value(double i0_ref, double theta, double alpha_a, double alpha_c) const override
      {
        return exchange_current_density(i0_ref, theta, alpha_a, alpha_c);
      }
      double
      derivative(double i0_ref, double theta, double alpha_a, double alpha_c) const override
      {
        return exchange_current_density_derivative(i0_ref, theta, alpha_a, alpha_c);
      }
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::ExchangeCurrentModel,
                       ssbcell::StoichiometryDependentExchangeCurrent,
                       "stoichiometry-dependent",
                       "i0 = i0_ref (theta/0.5)^alpha_c ((1-theta)/0.5)^alpha_a: "
                       "vanishes on an empty or full surface.")
