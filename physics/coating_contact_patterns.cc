// Contact patterns of a coating with the solid electrolyte
// (physics/coating_contact.h).

#include <deal.II/base/numbers.h>

#include <physics/coating_contact.h>
#include <physics/parameter_checks.h>

#include <cmath>

namespace ssbcell
{
  namespace
  {
    // The coating touches the electrolyte everywhere.
    class FullContact : public CoatingContact
    {
    public:
      double
      fraction(double) const override
      {
        return 1.;
      }
      double
      mean_fraction() const override
      {
        return 1.;
      }
      bool
      is_full() const override
      {
        return true;
      }
    };

    // Contact on polar caps of half-angle t_c around the pressing axis: the
    // pole facing the collector, or both poles. A cap is a fraction
    // sin^2(t_c/2) of the sphere.
    class PolarCaps : public CoatingContact
    {
    public:
      static void
      declare_parameters(dealii::ParameterHandler &prm)
      {
        prm.enter_subsection("Polar caps");
        prm.declare_entry("Cap half-angle [deg]", "30", dealii::Patterns::Double(),
                          "Half-angle t_c of a contact cap around the pressing axis "
                          "[degrees], in (0, 180]; a cap is a fraction sin^2(t_c/2) of "
                          "the particle surface.");
        prm.declare_entry("Number of caps", "1", dealii::Patterns::Integer(1, 2),
                          "1: the cap at the pole facing the current collector; 2: both "
                          "poles.");
        prm.leave_subsection();
      }

      void
      parse_parameters(dealii::ParameterHandler &prm) override
      {
        const std::string section = "Materials/Coating/Electrolyte contact/Polar caps";
        prm.enter_subsection("Polar caps");
        const double degrees =
          get_checked(prm, section, "Cap half-angle [deg]", 0., 180., true);
        n_caps = prm.get_integer("Number of caps");
        prm.leave_subsection();
        cos_half_angle = std::cos(degrees * dealii::numbers::PI / 180.);
        if (n_caps == 2 && degrees > 90.)
          throw InputError("two caps of half-angle " + std::to_string(degrees) +
                             " degrees overlap",
                           "use at most 90 degrees with two caps", "", 0,
                           section + "/Cap half-angle [deg]");
      }

      double
      fraction(double cos_angle) const override
      {
        const double c = n_caps == 2 ? std::abs(cos_angle) : cos_angle;
        return c >= cos_half_angle ? 1. : 0.;
      }

      double
      mean_fraction() const override
      {
        return n_caps * 0.5 * (1. - cos_half_angle);
      }

    private:
      double       cos_half_angle = 1.;
      unsigned int n_caps         = 1;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::CoatingContact,
                       ssbcell::FullContact,
                       "full",
                       "the coating touches the electrolyte everywhere.")
SSBCELL_REGISTER_MODEL(ssbcell::CoatingContact,
                       ssbcell::PolarCaps,
                       "polar caps",
                       "contact on caps of a given half-angle around the pressing axis "
                       "(subsection 'Polar caps'), none elsewhere.")
