#include <physics/exchange_current.h>

namespace ssbcell
{
  namespace
  {
    // For verification against closed forms and for fits that ignore the
    // stoichiometry dependence.
    class ConstantExchangeCurrent : public ExchangeCurrentModel
    {
    public:
      double
      value(double i0_ref, double, double, double) const override
      {
        return i0_ref;
      }
      double
      derivative(double, double, double, double) const override
      {
        return 0.;
      }
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::ExchangeCurrentModel,
                       ssbcell::ConstantExchangeCurrent,
                       "constant",
                       "i0 = i0_ref at every stoichiometry.")
