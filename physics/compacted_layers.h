#pragma once
// The lumped separator and composite of 1D particle models at the porosity
// phi of their electrolyte powder (docs/physics.md, "Compaction of the lumped
// layers"): the separator is all electrolyte; in the composite the pores
// belong to the electrolyte share s of the solids, while active material and
// carbon do not densify. Both layers keep their solids, so thicknesses given
// for the loose powder (porosity phi0) shrink by their solid fractions.

namespace ssbcell
{
  struct CompactedLayers
  {
    double separator_porosity = 0., separator_fraction = 1., separator_thickness = 0.;
    double composite_porosity = 0., composite_fraction = 1., composite_thickness = 0.;
  };

  CompactedLayers
  compact_layers(double phi,
                 double phi0,
                 double se_share,
                 double loose_separator_thickness,
                 double loose_composite_thickness);
} // namespace ssbcell
