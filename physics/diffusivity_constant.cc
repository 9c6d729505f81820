#include <physics/diffusivity_model.h>

namespace ssbcell
{
  namespace
  {
    class ConstantDiffusivity : public DiffusivityModel
    {
    public:
      void
      parse_parameters(dealii::ParameterHandler &, double reference) override
      {
        diffusivity = reference;
      }
      double
      value(double) const override
      {
        return diffusivity;
      }
      double
      derivative(double) const override
      {
        return 0.;
      }
      bool
      is_constant() const override
      {
        return true;
      }

    private:
      double diffusivity = 0.;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::DiffusivityModel,
                       ssbcell::ConstantDiffusivity,
                       "constant",
                       "D = 'Diffusivity [m^2/s]', independent of theta.")
