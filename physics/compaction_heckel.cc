#include <physics/compaction_law.h>
#include <physics/parameter_checks.h>

#include <algorithm>
#include <cmath>

namespace ssbcell
{
  namespace
  {
    // Heckel's empirical compaction law, ln(1/phi) = p / P_y + A: the form in
    // which powder-compression measurements are usually reported (the mean
    // yield pressure P_y = 1/K and the intercept A of the linear part of the
    // Heckel plot). Its parameters are the powder's, not the solid's: they
    // come from a measured compression curve.
    class HeckelCompaction : public CompactionLaw
    {
    public:
      static void
      declare_parameters(dealii::ParameterHandler &prm)
      {
        prm.declare_entry("Heckel mean yield pressure [Pa]", "1e8", dealii::Patterns::Double(),
                          "P_y = 1/K in ln(1/phi) = p/P_y + A of the 'heckel' "
                          "compaction law [Pa].");
        prm.declare_entry("Heckel intercept", "0.5", dealii::Patterns::Double(),
                          "A in ln(1/phi) = p/P_y + A of the 'heckel' compaction law "
                          "(>= 0; ln(1/phi) of the powder extrapolated to p = 0).");
      }
      void
      parse_parameters(dealii::ParameterHandler &prm) override
      {
        mean_yield_pressure = get_positive(prm, "Cell", "Heckel mean yield pressure [Pa]");
        intercept           = get_checked(prm, "Cell", "Heckel intercept", 0., 20.);
      }
      double
      porosity(double pressure, double initial_porosity, const YieldLaw &) const override
      {
        return std::min(initial_porosity,
                        std::exp(-(pressure / mean_yield_pressure + intercept)));
      }

    private:
      double mean_yield_pressure = 1e8;
      double intercept           = 0.5;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::CompactionLaw,
                       ssbcell::HeckelCompaction,
                       "heckel",
                       "Heckel's law ln(1/phi) = p / P_y + A ('Heckel mean yield "
                       "pressure [Pa]', 'Heckel intercept'), at most the porosity "
                       "before pressing.")
