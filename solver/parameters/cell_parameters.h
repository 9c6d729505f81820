#pragma once
// Subsection `Cell`: what turns C-rates into currents and charge into mAh/g.

#include <deal.II/base/parameter_handler.h>

#include <physics/compaction_law.h>
#include <physics/effective_conductivity.h>

#include <memory>

namespace ssbcell
{
  struct CellParameters
  {
    double nominal_capacity_mAh_g = 0.; // defines 1C
    double loading_kg_m2          = 0.; // active-material mass per cell area
    double temperature_K          = 0.;
    double electrode_area_m2      = 1e-4; // converts ohm m^2 into ohm
    double separator_thickness    = 0.;   // [m], lumped in 1D particle models
    double separator_fraction     = 1.;   // electrolyte volume fraction in it
    double composite_thickness    = 0.;   // [m], lumped in 1D particle models
    double composite_fraction     = 1.;   // electrolyte volume fraction in it
    std::shared_ptr<const EffectiveConductivityModel> effective_conductivity;

    // With a compaction law (null: none) the two electrolyte fractions follow
    // from the stack pressure (apply_compaction) instead of being given.
    std::shared_ptr<const CompactionLaw> compaction;
    double initial_porosity   = 0.5; // of the electrolyte powder, before pressing
    double composite_se_share = 0.5; // electrolyte volume share of the composite's solids
    double separator_porosity = 0.;  // set by apply_compaction
    double composite_porosity = 0.;  // set by apply_compaction

    // Sets the porosities and electrolyte fractions of the separator (all
    // electrolyte) and of the composite (the electrolyte's pores among rigid
    // active material and carbon) at the stack pressure [Pa].
    void
    apply_compaction(double stack_pressure, const YieldLaw &electrolyte);

    // Area-specific resistance [ohm m^2] of the lumped separator and
    // composite electrolyte of conductivity sigma (1D particle models).
    // A layer of zero thickness adds nothing (even if it would not conduct).
    double
    lumped_electrolyte_resistance(double sigma) const
    {
      double r = 0.;
      if (separator_thickness > 0.)
        r +=
          separator_thickness / (sigma * effective_conductivity->factor(separator_fraction));
      if (composite_thickness > 0.)
        r += 0.5 * composite_thickness /
             (sigma * effective_conductivity->factor(composite_fraction));
      return r;
    }

    // Throws InputError if a lumped layer of nonzero thickness does not
    // conduct at its electrolyte fraction (a percolation law below its
    // threshold): its resistance would be infinite.
    void
    check_lumped_layers_conduct() const;

    // The current density [A/m^2] that passes the nominal capacity in 1 h.
    double
    one_c_current() const
    {
      // mAh/g * 3.6 C/mAh * 1000 g/kg * kg/m^2 / 3600 s
      return nominal_capacity_mAh_g * loading_kg_m2;
    }

    static void
    declare_parameters(dealii::ParameterHandler &prm);
    void
    parse_parameters(dealii::ParameterHandler &prm);
  };
} // namespace ssbcell
