#pragma once
// The void a pressed powder leaves at the surface of a hard particle, where
// it does not touch it, as a named model (`Mechanics/Contact/Surface gap`).
// The contact law says how much of the surface the powder touches (a_c); the
// rest faces a gap whose depth is set by the powder's grains, which a
// continuum mesh does not resolve. A model gives that gap as a volume per
// unit of particle surface, in excess of the pores the bulk powder has
// anyway, so that it adds to the porosity of the composite
// (docs/physics.md, "Gaps at the particle surfaces").

#include <physics/registry.h>

namespace ssbcell
{
  class SurfaceGapModel
  {
  public:
    virtual ~SurfaceGapModel() = default;

    // Called inside subsection `Mechanics/Contact`; each model reads its own
    // subsection.
    virtual void
    parse_parameters(dealii::ParameterHandler &)
    {
    }

    // False for the model without gaps (nothing to report).
    virtual bool
    has_gaps() const = 0;

    // Void per unit of nominal particle surface [m] beyond the bulk powder's
    // own pores, where the powder across the surface has porosity
    // `porosity` and touches the fraction `contact_fraction` of it.
    virtual double
    excess_void(double contact_fraction, double porosity) const = 0;
  };

  using SurfaceGapRegistry = Registry<SurfaceGapModel>;
} // namespace ssbcell
