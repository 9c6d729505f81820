#pragma once
// Open-circuit potential of an electrode material, U(theta) [V vs Li/Li+],
// as a named model.

#include <physics/registry.h>

namespace ssbcell
{
  class OpenCircuitPotential
  {
  public:
    virtual ~OpenCircuitPotential() = default;

    // Called inside subsection `Materials/Active material`.
    virtual void
    parse_parameters(dealii::ParameterHandler &)
    {
    }

    virtual double
    value(double theta) const = 0;

    // dU/dtheta [V].
    virtual double
    derivative(double theta) const = 0;
  };

  using OpenCircuitPotentialRegistry = Registry<OpenCircuitPotential>;
} // namespace ssbcell
