#pragma once
// Random sequential addition of non-overlapping spheres (circles in 2D) into
// the composite layer of a cell: pure geometry, no meshing. The box is
// [0, W]^(dim-1) laterally; along the last axis the separator fills
// [0, h_sep] and the composite layer [h_sep, h_sep + H]. Every sphere lies
// inside the composite layer and keeps a gap to the other spheres and to the
// layer's faces, so that a mesher never sees touching surfaces.

#include <array>
#include <ostream>
#include <string>
#include <vector>

namespace ssbcell
{
  struct PackingParameters
  {
    unsigned int dim                 = 3;
    double       box_width           = 0.; // W [m]
    double       composite_thickness = 0.; // H [m]
    double       separator_thickness = 0.; // h_sep [m]
    double       mean_radius         = 0.; // [m]
    // Standard deviation over mean of the log-normal radii, which are
    // truncated to [0.5, 1.5] x mean_radius.
    double radius_spread   = 0.;
    double active_fraction = 0.; // of the composite layer's volume
    double void_fraction   = 0.; // of the composite layer's volume
    double void_radius     = 0.; // [m], one size
    // Carbon (conductive additive, material id 5), as spheres of one size:
    // agglomerates of the primary particles.
    double carbon_fraction = 0.; // of the composite layer's volume
    double carbon_radius   = 0.; // [m]
    // Smallest distance between two surfaces, as a fraction of their mean
    // radius; between a surface and a face of the layer, of its radius.
    double       min_gap = 0.1;
    unsigned int seed    = 1;
    // Random positions tried for a sphere before it is dropped, and the
    // number of dropped spheres that ends the packing with an error.
    unsigned int max_attempts = 5000;
    unsigned int max_failures = 200;
    // Where to point an InputError, e.g. "Geometry/Random packing".
    std::string parameter_section = "Geometry/Random packing";
  };

  enum class SphereKind
  {
    active_material,
    void_region,
    carbon
  };

  struct Sphere
  {
    std::array<double, 3> centre; // z = 0 in 2D
    double                radius;
    SphereKind            kind;
  };

  struct SpherePacking
  {
    std::vector<Sphere> spheres;
    double              layer_volume = 0.; // W^(dim-1) H
    // Placed volume over layer volume, per kind.
    double active_fraction = 0., void_fraction = 0., carbon_fraction = 0.;
  };

  // Volume of a ball (area of a disc in 2D).
  double
  ball_volume(double radius, unsigned int dim);

  // Throws InputError (path parameter_section/...) for an impossible layer
  // or a target fraction that is not reached (max_failures dropped spheres).
  // The result depends on the parameters and the seed only: the random
  // numbers come from std::mt19937 and hand-written transformations.
  SpherePacking
  pack_spheres(const PackingParameters &p);

  // One line per sphere: x,y,z,radius,kind.
  void
  write_packing_csv(const SpherePacking &packing, std::ostream &out);
} // namespace ssbcell
