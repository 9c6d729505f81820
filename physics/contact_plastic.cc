#include <physics/contact_law.h>

#include <algorithm>
#include <cmath>

namespace ssbcell
{
  namespace
  {
    // Bowden & Tabor: the asperities of the softer solid yield, so the real
    // contact area carries the load at the indentation hardness H, i.e. the
    // contact grows by t_n / H.
    class PlasticContact : public LinearContactLaw
    {
    public:
      static void
      declare_parameters(dealii::ParameterHandler &prm)
      {
        prm.enter_subsection("Plastic");
        prm.declare_entry("Initial contact fraction", "0.3", dealii::Patterns::Double(),
                          "a_0 [-], in [0, 1]: contact fraction at zero "
                          "traction, for contact law 'plastic'.");
        prm.declare_entry("Hardness [Pa]", "1e9", dealii::Patterns::Double(),
                          "H [Pa] > 0: indentation hardness of the softer of "
                          "the two solids (for sulfide electrolytes of order "
                          "0.1-2 GPa), for contact law 'plastic'.");
        prm.declare_entry("Unloading", "reversible",
                          dealii::Patterns::Selection("reversible|elastic"),
                          "How the contact of contact law 'plastic' follows a "
                          "falling traction. 'reversible': back down the "
                          "loading line, a_0 + t_n / H. 'elastic': the "
                          "flattened asperities unload elastically and keep "
                          "most of their area, a_0 + (t_max / H) (t_n / "
                          "t_max)^(2/3), t_max the largest traction the "
                          "surface held (docs/contact-laws.md).");
        declare_tension_fraction(prm);
        prm.leave_subsection();
      }

      void
      parse_parameters(dealii::ParameterHandler &prm) override
      {
        const std::string section = "Mechanics/Contact/Plastic";
        prm.enter_subsection("Plastic");
        initial           = get_checked(prm, section, "Initial contact fraction", 0., 1.);
        hardness          = get_positive(prm, section, "Hardness [Pa]");
        elastic_unloading = prm.get("Unloading") == "elastic";
        parse_tension_fraction(prm, section, initial);
        prm.leave_subsection();
      }

    protected:
      double
      slope() const override
      {
        return 1. / hardness;
      }

      // A plastically flattened asperity unloads elastically, as a Hertz
      // contact of the flattened shape: its contact radius goes as the
      // load^(1/3), its area as the load^(2/3) (Johnson, Contact Mechanics,
      // 1985, sec. 6.2). Every asperity unloading in proportion, the real
      // contact does the same from t_max / H.
      double
      unloaded(double t_n, double t_held) const override
      {
        if (!elastic_unloading)
          return compression(t_n);
        return std::min(1.,
                        initial + t_held / hardness * std::cbrt(std::pow(t_n / t_held, 2)));
      }

    private:
      double hardness          = 1e9;
      bool   elastic_unloading = false;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::ContactLaw,
                       ssbcell::PlasticContact,
                       "plastic",
                       "a_c = min(1, a_0 + t_n / H) [-], t_n the compressive "
                       "normal traction [Pa] and H the hardness [Pa] of the "
                       "softer solid: plastically yielding asperities (Bowden "
                       "& Tabor, The Friction and Lubrication of Solids, "
                       "1950); a_min in tension; with Unloading = elastic, a "
                       "falling traction keeps (t_max / H) (t_n / t_max)^(2/3) "
                       "(subsection 'Plastic').")
