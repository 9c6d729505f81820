#include <physics/compacted_layers.h>

namespace ssbcell
{
  CompactedLayers
  compact_layers(double phi,
                 double phi0,
                 double se_share,
                 double loose_separator_thickness,
                 double loose_composite_thickness)
  {
    // Per unit volume of solids: s of electrolyte carrying its pores
    // s phi/(1 - phi), and 1 - s of rigid active material and carbon.
    const double    s                = se_share;
    const auto      composite_phi_at = [s](double p) { return s * p / (1. - p + s * p); };
    CompactedLayers layers;
    layers.separator_porosity  = phi;
    layers.separator_fraction  = 1. - phi;
    layers.separator_thickness = loose_separator_thickness * (1. - phi0) / (1. - phi);
    layers.composite_porosity  = composite_phi_at(phi);
    layers.composite_fraction  = s * (1. - phi) / (1. - phi + s * phi);
    layers.composite_thickness =
      loose_composite_thickness * (1. - composite_phi_at(phi0)) / (1. - composite_phi_at(phi));
    return layers;
  }
} // namespace ssbcell
