#pragma once
// The exchange current density of the particle reaction, i0(theta_s)
// [A/m^2], as a named model (`Materials/Active material/Exchange current
// model`). For a binary electrolyte the reaction multiplies it by
// (c_e/c_e,ref)^alpha_a (docs/physics.md).

#include <physics/registry.h>

namespace ssbcell
{
  class ExchangeCurrentModel
  {
  public:
    virtual ~ExchangeCurrentModel() = default;

    // i0 [A/m^2] and di0/dtheta for the reference value i0_ref (at theta =
    // 0.5) and the transfer coefficients.
    virtual double
    value(double i0_ref, double theta, double alpha_a, double alpha_c) const = 0;
    virtual double
    derivative(double i0_ref, double theta, double alpha_a, double alpha_c) const = 0;
  };

  using ExchangeCurrentRegistry = Registry<ExchangeCurrentModel>;
} // namespace ssbcell
