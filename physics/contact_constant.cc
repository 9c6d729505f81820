#include <physics/contact_law.h>

namespace ssbcell
{
  namespace
  {
    // a_c = a_0 under compression, independent of the traction.
    class ConstantContact : public ContactLaw
    {
    public:
      static void
      declare_parameters(dealii::ParameterHandler &prm)
      {
        prm.enter_subsection("Constant");
        prm.declare_entry("Contact fraction",
                          "1",
                          dealii::Patterns::Double(),
                          "a_0 [-], in [0, 1]: contact fraction for "
                          "t_n >= 0, for contact law 'constant'.");
        prm.declare_entry("Contact fraction in tension",
                          "-1",
                          dealii::Patterns::Double(),
                          "a_min [-], in [0, Contact fraction]: contact fraction "
                          "where the normal traction is tensile (t_n < 0). -1 "
                          "(default): the Contact fraction, i.e. no delamination, so "
                          "that 'constant' with a_0 = 1 is the uncoupled model.");
        prm.leave_subsection();
      }

      void
      parse_parameters(dealii::ParameterHandler &prm) override
      {
        const std::string section = "Mechanics/Contact/Constant";
        prm.enter_subsection("Constant");
        fraction = get_checked(prm, section, "Contact fraction", 0., 1.);
        if (prm.get_double("Contact fraction in tension") == -1.)
          tension_fraction = fraction;
        else
          parse_tension_fraction(prm, section);
        prm.leave_subsection();
        check_tension_fraction(section, fraction, "Contact fraction");
      }

      double
      contact_fraction(double t_n) const override
      {
        return t_n >= 0. ? fraction : tension_fraction;
      }

      double
      derivative(double) const override
      {
        return 0.;
      }

    private:
      double fraction = 1.;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::ContactLaw,
                       ssbcell::ConstantContact,
                       "constant",
                       "a_c = a_0 [-] for t_n >= 0 and a_min (default a_0) in tension, "
                       "independent of the traction t_n [Pa] (subsection "
                       "'Constant').")
