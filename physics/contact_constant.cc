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
        prm.declare_entry("Contact fraction", "1", dealii::Patterns::Double(),
                          "a_0 [-], in [0, 1]: contact fraction for "
                          "t_n >= 0, for contact law 'constant'.");
        declare_tension_fraction(prm);
        prm.leave_subsection();
      }

      void
      parse_parameters(dealii::ParameterHandler &prm) override
      {
        const std::string section = "Mechanics/Contact/Constant";
        prm.enter_subsection("Constant");
        fraction = get_checked(prm, section, "Contact fraction", 0., 1.);
        parse_tension_fraction(prm, section, fraction);
        prm.leave_subsection();
      }

    protected:
      double
      compression(double) const override
      {
        return fraction;
      }

      double
      compression_derivative(double) const override
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
