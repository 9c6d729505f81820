#include <physics/open_circuit_potential.h>
#include <physics/theta_expression.h>

namespace ssbcell
{
  namespace
  {
    class ExpressionOCP : public OpenCircuitPotential
    {
    public:
      static void
      declare_parameters(dealii::ParameterHandler &prm)
      {
        prm.enter_subsection("Open-circuit potential expression");
        prm.declare_entry("Function of theta [V]", "4.2 - 0.8*theta",
                          dealii::Patterns::Anything(),
                          "U(theta) [V vs Li/Li+] for model 'expression', in "
                          "muparser syntax; theta is the stoichiometry c/c_max.");
        prm.leave_subsection();
      }

      void
      parse_parameters(dealii::ParameterHandler &prm) override
      {
        prm.enter_subsection("Open-circuit potential expression");
        expression.initialize(prm.get("Function of theta [V]"), {},
                              "Materials/Active material/Open-circuit potential "
                              "expression/Function of theta [V]");
        prm.leave_subsection();
      }
      double
      value(double theta) const override
      {
        return expression.value(theta);
      }
      double
      derivative(double theta) const override
      {
        return expression.derivative(theta);
      }

    private:
      ThetaExpression expression;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::OpenCircuitPotential,
                       ssbcell::ExpressionOCP,
                       "expression",
                       "U(theta) from the expression in subsection "
                       "'Open-circuit potential expression'.")
