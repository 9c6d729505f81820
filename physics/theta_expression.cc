#include <physics/input_error.h>
#include <physics/theta_expression.h>

#include <cmath>

namespace ssbcell
{
  void
  ThetaExpression::initialize(const std::string                   &expression,
                              const std::map<std::string, double> &constants,
                              const std::string                   &parameter_path)
  {
    function = std::make_unique<dealii::FunctionParser<1>>();
    try
      {
        function->initialize("theta", expression, constants);
        // muparser only reports some errors on evaluation.
        function->value(dealii::Point<1>(0.5));
      }
    catch (const std::exception &)
      {
        throw InputError("cannot parse the expression '" + expression + "'",
                         "a function of theta in muparser syntax, e.g. "
                         "'D_ref*(1+theta)'",
                         "", 0, parameter_path);
      }
    for (unsigned int i = 0; i <= 100; ++i)
      if (!std::isfinite(value(i / 100.)))
        throw InputError("the expression '" + expression +
                           "' is not finite at theta = " + std::to_string(i / 100.),
                         "it must be defined on 0 <= theta <= 1", "", 0, parameter_path);
  }

  double
  ThetaExpression::value(double theta) const
  {
    return function->value(dealii::Point<1>(theta));
  }

  double
  ThetaExpression::derivative(double theta) const
  {
    // Central difference: the expressions are smooth and cheap, and the
    // Jacobian test checks the result against finite differences anyway.
    const double h = 1e-6;
    return (value(theta + h) - value(theta - h)) / (2. * h);
  }
} // namespace ssbcell
