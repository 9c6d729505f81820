#include <physics/diffusivity_model.h>
#include <physics/theta_expression.h>

namespace ssbcell
{
  namespace
  {
    class ExpressionDiffusivity : public DiffusivityModel
    {
    public:
      static void
      declare_parameters(dealii::ParameterHandler &prm)
      {
        prm.enter_subsection("Diffusivity expression");
        prm.declare_entry("Function of theta [m^2/s]", "D_ref", dealii::Patterns::Anything(),
                          "D(theta) [m^2/s] for model 'expression', in muparser "
                          "syntax; theta is the stoichiometry c/c_max and D_ref "
                          "is 'Diffusivity [m^2/s]'. Must be positive on [0, 1].");
        prm.leave_subsection();
      }

      void
      parse_parameters(dealii::ParameterHandler &prm, double reference) override
      {
        const std::string path =
          "Materials/Active material/Diffusivity expression/Function of theta [m^2/s]";
        prm.enter_subsection("Diffusivity expression");
        expression.initialize(prm.get("Function of theta [m^2/s]"), {{"D_ref", reference}},
                              path);
        prm.leave_subsection();
        for (unsigned int i = 0; i <= 100; ++i)
          if (!(expression.value(i / 100.) > 0.))
            throw InputError("the diffusivity expression is not positive at "
                             "theta = " +
                               std::to_string(i / 100.),
                             "D(theta) must be > 0 on 0 <= theta <= 1", "", 0, path);
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

SSBCELL_REGISTER_MODEL(ssbcell::DiffusivityModel,
                       ssbcell::ExpressionDiffusivity,
                       "expression",
                       "D(theta) from the expression in subsection "
                       "'Diffusivity expression'.")
