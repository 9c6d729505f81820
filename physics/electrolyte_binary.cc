#include <physics/constants.h>
#include <physics/electrolyte_model.h>
#include <physics/parameter_checks.h>

namespace ssbcell
{
  namespace
  {
    // An electroneutral binary salt (polymer or hybrid electrolytes):
    //   N+ = -D+ (grad c + f c grad phi),  N- = -D- (grad c - f c grad phi),
    // f = F/RT, i = F (N+ - N-). The diffusivities follow from the
    // conductivity at c_ref and the transference number t+ = D+/(D+ + D-):
    // sigma = F f c_ref (D+ + D-).
    class BinaryElectrolyte : public ElectrolyteModel
    {
    public:
      static void
      declare_parameters(dealii::ParameterHandler &prm)
      {
        prm.declare_entry("Transference number", "0.5", dealii::Patterns::Double(),
                          "Li+ transference number t+ of the 'binary' model, in (0, "
                          "1); with the conductivity it sets D+ and D-.");
      }

      void
      parse_parameters(dealii::ParameterHandler &prm,
                       const std::string        &section,
                       double                    conductivity,
                       double                    reference_concentration,
                       double                    temperature) override
      {
        const double t_plus = get_checked(prm, section, "Transference number", 0., 1., true,
                                          "t+ = 1 is the single-ion model");
        if (t_plus >= 1.)
          throw InputError("'" + section + "/Transference number' must be below 1",
                           "use Model = single-ion for t+ = 1", "", 0,
                           section + "/Transference number");
        f                  = constants::faraday / (constants::gas * temperature);
        const double d_sum = conductivity / (constants::faraday * f * reference_concentration);
        d_plus             = t_plus * d_sum;
        d_minus            = (1. - t_plus) * d_sum;
      }
      bool
      has_concentration() const override
      {
        return true;
      }
      TransportCoefficients
      coefficients(const ADNumber &c) const override
      {
        const double F = constants::faraday;
        return {d_plus, d_plus * f * c, F * (d_plus - d_minus),
                F * f * c * (d_plus + d_minus)};
      }

    private:
      double f = 0., d_plus = 0., d_minus = 0.;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::ElectrolyteModel,
                       ssbcell::BinaryElectrolyte,
                       "binary",
                       "electroneutral binary salt with t+ < 1 (polymer or hybrid "
                       "electrolytes): Li+ and anion Nernst-Planck fluxes, c_e a "
                       "field, anions blocked at electrodes.")
