#include <physics/contact_law.h>

#include <algorithm>

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
        declare_tension_fraction(prm);
        prm.leave_subsection();
      }

      void
      parse_parameters(dealii::ParameterHandler &prm) override
      {
        const std::string section = "Mechanics/Contact/Plastic";
        prm.enter_subsection("Plastic");
        initial  = get_checked(prm, section, "Initial contact fraction", 0., 1.);
        hardness = get_positive(prm, section, "Hardness [Pa]");
        parse_tension_fraction(prm, section, initial);
        prm.leave_subsection();
      }

    protected:
      double
      slope() const override
      {
        return 1. / hardness;
      }

    private:
      double hardness = 1e9;
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
                       "1950); a_min in tension (subsection 'Plastic').")
