#include <physics/constants.h>
#include <physics/electrolyte_model.h>

namespace ssbcell
{
  namespace
  {
    // Transference number 1 and a fixed anion framework: c_e is uniform, so
    // Nernst-Planck reduces to Ohm's law, i = F N+ = -sigma grad phi_e.
    class SingleIonConductor : public ElectrolyteModel
    {
    public:
      void
      parse_parameters(dealii::ParameterHandler &,
                       const std::string &,
                       double conductivity,
                       double,
                       double) override
      {
        sigma = conductivity;
      }
      bool
      has_concentration() const override
      {
        return false;
      }
      TransportCoefficients
      coefficients(const ADNumber &) const override
      {
        return {0., sigma / constants::faraday, 0., sigma};
      }

    private:
      double sigma = 0.;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::ElectrolyteModel,
                       ssbcell::SingleIonConductor,
                       "single-ion",
                       "transference number 1 (inorganic solid electrolytes and "
                       "coatings): i = -sigma grad phi_e, c_e constant.")
