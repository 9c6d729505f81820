#pragma once
// A user expression f(theta) (muparser syntax) with named constants, its
// derivative by central differences, and a check that it is finite on [0, 1].
// Shared by the expression-based models (diffusivity, open-circuit potential).

#include <deal.II/base/function_parser.h>

#include <map>
#include <memory>
#include <string>

namespace ssbcell
{
  class ThetaExpression
  {
  public:
    // Throws InputError (naming parameter_path) if the expression does not
    // parse or is not finite for theta in [0, 1].
    void
    initialize(const std::string                   &expression,
               const std::map<std::string, double> &constants,
               const std::string                   &parameter_path);

    double
    value(double theta) const;

    double
    derivative(double theta) const;

  private:
    std::unique_ptr<dealii::FunctionParser<1>> function;
  };
} // namespace ssbcell
