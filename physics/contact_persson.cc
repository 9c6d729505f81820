#include <physics/contact_law.h>

#include <algorithm>
#include <cmath>

namespace ssbcell
{
  namespace
  {
    // Persson's contact mechanics theory (J. Chem. Phys. 115, 3840, 2001;
    // Surf. Sci. Rep. 61, 201, 2006): the stress distribution diffuses with
    // magnification and A / A_0 = erf( sqrt(2) p / (E* h') ), h' the rms
    // slope of the combined surface roughness. Linear at small load
    // (slope sqrt(8/pi) / (E* h')), full contact only asymptotically.
    class PerssonContact : public ContactLaw
    {
    public:
      static void
      declare_parameters(dealii::ParameterHandler &prm)
      {
        prm.enter_subsection("Persson");
        prm.declare_entry("RMS surface slope h'", "0.1", dealii::Patterns::Double(),
                          "h' [-] > 0: rms slope of the combined roughness "
                          "of the two surfaces, for contact law 'persson'.");
        declare_tension_fraction(prm);
        prm.leave_subsection();
      }

      void
      parse_parameters(dealii::ParameterHandler &prm) override
      {
        const std::string section = "Mechanics/Contact/Persson";
        prm.enter_subsection("Persson");
        rms_slope = get_positive(prm, section, "RMS surface slope h'");
        parse_tension_fraction(prm, section, std::nullopt);
        prm.leave_subsection();
      }

    protected:
      double
      compression(double t_n) const override
      {
        return std::max(tension_fraction, std::erf(scale() * t_n));
      }

      double
      compression_derivative(double t_n) const override
      {
        const double x = scale() * t_n;
        if (std::erf(x) < tension_fraction)
          return 0.;
        return scale() * 2. / std::sqrt(M_PI) * std::exp(-x * x);
      }

    private:
      double rms_slope = 0.1;

      // sqrt(2) / (E* h') [1/Pa].
      double
      scale() const
      {
        return std::sqrt(2.) / (materials.effective_modulus() * rms_slope);
      }
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::ContactLaw,
                       ssbcell::PerssonContact,
                       "persson",
                       "a_c = max(a_min, erf( sqrt(2) t_n / (E* h') )) [-], "
                       "t_n the compressive normal traction [Pa], E* [Pa] the "
                       "contact modulus and h' [-] the rms surface slope "
                       "(Persson, J. Chem. Phys. 115, 2001; Surf. Sci. Rep. "
                       "61, 2006); a_min in tension (subsection 'Persson').")
