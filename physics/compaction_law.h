#pragma once
// How a layer of solid-electrolyte powder densifies under the stack pressure:
// its porosity as a function of the pressure, as a named model
// (`Cell/Compaction law`). It sets the electrolyte fractions of the lumped
// separator and composite of 1D particle models (docs/physics.md,
// "Compaction").

#include <physics/elastic_properties.h>
#include <physics/registry.h>

namespace ssbcell
{
  class CompactionLaw
  {
  public:
    virtual ~CompactionLaw() = default;

    // Called inside subsection `Cell`.
    virtual void
    parse_parameters(dealii::ParameterHandler &)
    {
    }

    // The porosity of the powder held at the pressure p >= 0 [Pa] (uniaxial
    // die, monotone loading), from `initial_porosity` before pressing;
    // `solid` is the yield law of the electrolyte.
    virtual double
    porosity(double pressure, double initial_porosity, const YieldLaw &solid) const = 0;
  };

  using CompactionLawRegistry = Registry<CompactionLaw>;
} // namespace ssbcell
