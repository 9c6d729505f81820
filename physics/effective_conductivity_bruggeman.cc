#include <physics/effective_conductivity.h>
#include <physics/parameter_checks.h>

#include <cmath>

namespace ssbcell
{
  namespace
  {
    // Bruggeman: sigma_eff = sigma phi^b (b = 1.5 for spheres); b = 1 is the
    // parallel-path bound, b = 0 a dense electrolyte.
    class Bruggeman : public EffectiveConductivityModel
    {
    public:
      static void
      declare_parameters(dealii::ParameterHandler &prm)
      {
        prm.declare_entry("Bruggeman exponent", "1.5", dealii::Patterns::Double(),
                          "b in sigma_eff = sigma phi^b of the 'bruggeman' model.");
      }
      void
      parse_parameters(dealii::ParameterHandler &prm) override
      {
        exponent = get_checked(prm, "Cell", "Bruggeman exponent", 0., 10.);
      }
      double
      factor(double volume_fraction) const override
      {
        return std::pow(volume_fraction, exponent);
      }

    private:
      double exponent = 1.5;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::EffectiveConductivityModel,
                       ssbcell::Bruggeman,
                       "bruggeman",
                       "sigma_eff = sigma phi^b ('Bruggeman exponent' b).")
