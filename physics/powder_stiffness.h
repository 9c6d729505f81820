#pragma once
// The Young's modulus of a pressed electrolyte powder relative to the dense
// solid, E_eff / E at the porosity its pressing left, as a named model
// (`Mechanics/Powder stiffness`). docs/physics.md, "Stiffness of a pressed
// powder".

#include <physics/effective_conductivity.h>
#include <physics/registry.h>

namespace ssbcell
{
  class PowderStiffnessModel
  {
  public:
    virtual ~PowderStiffnessModel() = default;

    // Called inside subsection `Mechanics`.
    virtual void
    parse_parameters(dealii::ParameterHandler &)
    {
    }

    // False if E_eff / E is 1 at every porosity (nothing to press for).
    virtual bool
    varies_with_porosity() const = 0;

    // True if `factor` reads the cell's effective-conductivity model (which
    // must then be set: Cell/Effective conductivity model).
    virtual bool
    needs_effective_conductivity() const
    {
      return false;
    }

    // E_eff / E in (0, 1] of powder of porosity phi, whose contact network
    // conducts `conductivity.factor(1 - phi)` of the dense solid.
    virtual double
    factor(double porosity, const EffectiveConductivityModel &conductivity) const = 0;
  };

  using PowderStiffnessRegistry = Registry<PowderStiffnessModel>;
} // namespace ssbcell
