#pragma once
// The forward-mode automatic-differentiation number used to assemble Newton
// Jacobians (Sacado, through deal.II's Trilinos support). Local residuals are
// written once in ADNumber; their derivatives are the Jacobian entries.

#include <deal.II/differentiation/ad/sacado_math.h>
#include <deal.II/differentiation/ad/sacado_number_types.h>

namespace ssbcell
{
  using ADNumber = Sacado::Fad::DFad<double>;

  // f(x) for a model known by its value f(x.val()) and slope f'(x.val()):
  // the chain rule carries x's derivatives through models written in double.
  inline ADNumber
  compose(const ADNumber &x, double value, double slope)
  {
    return value + slope * (x - x.val());
  }

  inline double
  value_of(const ADNumber &x)
  {
    return x.val();
  }
  inline double
  value_of(double x)
  {
    return x;
  }
} // namespace ssbcell
