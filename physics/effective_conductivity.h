#pragma once
// The conductivity of a porous or composite region through which Li+ passes
// in a homogenised (lumped) model, sigma_eff = sigma f(phi) for the volume
// fraction phi of electrolyte, as a named model (`Cell/Effective
// conductivity model`).

#include <physics/registry.h>

namespace ssbcell
{
  class EffectiveConductivityModel
  {
  public:
    virtual ~EffectiveConductivityModel() = default;

    // Called inside subsection `Cell`.
    virtual void
    parse_parameters(dealii::ParameterHandler &)
    {
    }

    // f(phi) in sigma_eff = sigma f(phi), phi in (0, 1].
    virtual double
    factor(double volume_fraction) const = 0;
  };

  using EffectiveConductivityRegistry = Registry<EffectiveConductivityModel>;
} // namespace ssbcell
