#pragma once
// How a layer of solid-electrolyte powder densifies under the stack pressure:
// its porosity as a function of the pressure, as a named model
// (`Cell/Compaction law`). It sets the electrolyte fractions of the lumped
// separator and composite of 1D particle models, and the porosity of every
// electrolyte cell of a resolved mesh at its local stress (docs/physics.md,
// "Compaction of the lumped layers", "... of a resolved electrolyte").

#include <physics/elastic_properties.h>
#include <physics/registry.h>

#include <algorithm>

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

    // Throws InputError if the law cannot work with this electrolyte (called
    // when the parameters are read, so a run never fails at its end).
    virtual void
    check(const YieldLaw &) const
    {
    }

    // The porosity of the powder held at the pressure p >= 0 [Pa] (monotone
    // loading), from `initial_porosity` before pressing; `solid` is the
    // yield law of the electrolyte, one that check() accepted.
    virtual double
    porosity(double pressure, double initial_porosity, const YieldLaw &solid) const = 0;
  };

  // The contact fraction of a particle face against pressed powder of
  // porosity phi, from a contact law's value for the face's normal traction.
  // The traction is the powder's force per nominal area, and the laws give
  // the real contact that force makes (for yielding asperities by force
  // balance, t_n / H, whatever the porosity behind them): the porosity does
  // not scale it again. It only caps it: no more of the face can touch than
  // the powder's solid part, whose areal fraction is its volume fraction
  // 1 - phi (Delesse).
  inline double
  contact_with_powder(double dense_contact_fraction, double porosity)
  {
    return std::min(dense_contact_fraction, 1. - porosity);
  }

  using CompactionLawRegistry = Registry<CompactionLaw>;
} // namespace ssbcell
