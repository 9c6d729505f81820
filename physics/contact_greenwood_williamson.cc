#include <physics/contact_law.h>

#include <algorithm>

namespace ssbcell
{
  namespace
  {
    // Greenwood & Williamson (Proc. R. Soc. A 295, 300, 1966): elastic
    // Hertzian asperities with exponentially distributed heights give a real
    // contact area exactly proportional to the load,
    //   A / A_0 = sqrt(pi) (beta / sigma)^(1/2) p / E*,
    // with beta the asperity tip radius and sigma the height scale of the
    // distribution. k_gw lumps sqrt(pi) (beta/sigma)^(1/2), an inverse
    // asperity slope; in the form kappa p / (E* h') of later theories
    // (kappa = sqrt(2 pi) for Bush, Gibson & Thomas, Wear 35, 87, 1975;
    // h' the rms slope), k_gw = kappa / h'.
    class GreenwoodWilliamsonContact : public LinearContactLaw
    {
    public:
      static void
      declare_parameters(dealii::ParameterHandler &prm)
      {
        prm.enter_subsection("Greenwood-Williamson");
        prm.declare_entry("Initial contact fraction", "0.3", dealii::Patterns::Double(),
                          "a_0 [-], in [0, 1]: contact fraction at zero "
                          "traction, for contact law 'greenwood-williamson'.");
        prm.declare_entry("Slope k_gw", "25", dealii::Patterns::Double(),
                          "k_gw [-] > 0: d a_c / d(t_n / E*). For exponential "
                          "asperity heights (Greenwood & Williamson 1966) "
                          "k_gw = sqrt(pi beta / sigma), beta the asperity tip "
                          "radius [m] and sigma the height scale [m]; in terms "
                          "of the rms surface slope h' [-], k_gw = kappa / h' "
                          "with kappa = sqrt(2 pi) (Bush, Gibson & Thomas, Wear "
                          "35, 1975). The default 25 is h' = 0.1, the default "
                          "of 'persson'.");
        declare_tension_fraction(prm);
        prm.leave_subsection();
      }

      void
      parse_parameters(dealii::ParameterHandler &prm) override
      {
        const std::string section = "Mechanics/Contact/Greenwood-Williamson";
        prm.enter_subsection("Greenwood-Williamson");
        initial    = get_checked(prm, section, "Initial contact fraction", 0., 1.);
        slope_k_gw = get_positive(prm, section, "Slope k_gw");
        parse_tension_fraction(prm, section, initial);
        prm.leave_subsection();
      }

    protected:
      double
      slope() const override
      {
        return slope_k_gw / materials.effective_modulus();
      }

    private:
      double slope_k_gw = 25.;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::ContactLaw,
                       ssbcell::GreenwoodWilliamsonContact,
                       "greenwood-williamson",
                       "a_c = min(1, a_0 + k_gw t_n / E*) [-], t_n the "
                       "compressive normal traction [Pa], E* [Pa] the contact "
                       "modulus, 1/E* = (1-nu1^2)/E1 + (1-nu2^2)/E2: elastic "
                       "asperities with exponentially distributed heights "
                       "(Greenwood & Williamson, Proc. R. Soc. A 295, 1966); "
                       "a_min in tension (subsection 'Greenwood-Williamson').")
