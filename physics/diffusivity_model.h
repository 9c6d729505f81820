#pragma once
// Li diffusivity in the active material, D(theta) [m^2/s], as a named model.

#include <physics/registry.h>

namespace ssbcell
{
  class DiffusivityModel
  {
  public:
    virtual ~DiffusivityModel() = default;

    // Called inside subsection `Materials/Active material`. `reference` is
    // `Diffusivity [m^2/s]`, which every model may use as its scale.
    virtual void
    parse_parameters(dealii::ParameterHandler &prm, double reference) = 0;

    virtual double
    value(double theta) const = 0;

    // dD/dtheta, for the Newton Jacobian.
    virtual double
    derivative(double theta) const = 0;

    // True if D does not depend on theta (exact solutions need that).
    virtual bool
    is_constant() const
    {
      return false;
    }
  };

  using DiffusivityRegistry = Registry<DiffusivityModel>;
} // namespace ssbcell
