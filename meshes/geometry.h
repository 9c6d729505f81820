#pragma once
// Subsection `Geometry`: the dimension, coordinate system, mesh generator and
// the sizes every generator shares. Generator-specific parameters live in
// their own subsections (`Geometry/Spherical particle`, ...).

#include <deal.II/base/parameter_handler.h>

#include <meshes/partition.h>

#include <string>

namespace ssbcell
{
  enum class CoordinateSystem
  {
    cartesian,
    axisymmetric, // 2D (r, z): x = r, y = z = pressing axis
    spherical     // 1D radial
  };

  std::string
  to_string(CoordinateSystem system);

  struct GeometryParameters
  {
    unsigned int     dimension         = 1;
    CoordinateSystem coordinate_system = CoordinateSystem::spherical;
    std::string      mesh_generator;
    double           particle_radius    = 0.; // [m]
    double           coating_thickness  = 0.; // [m], 0 = uncoated
    unsigned int     global_refinements = 0;
    // Further refinements of the cells at the edges of the coating's
    // electrolyte contact (meshes/contact_edge_refinement.h).
    unsigned int contact_edge_refinements = 0;
    // How the cells are divided among the ranks (2D and 3D).
    MeshPartition partition = MeshPartition::curve;

    static void
    declare_parameters(dealii::ParameterHandler &prm);
    // Reads the subsection (entered by this function) and checks the
    // combination of dimension, coordinate system and generator.
    void
    parse_parameters(dealii::ParameterHandler &prm);
  };

  // The dimension alone, read before the templated simulator is built.
  unsigned int
  read_dimension(dealii::ParameterHandler &prm);
} // namespace ssbcell

#include <deal.II/base/numbers.h>
#include <deal.II/base/point.h>

namespace ssbcell
{
  // The factor that turns dx of the mesh into the physical volume element:
  // 1 (cartesian), 2 pi r (axisymmetric, r = x), 4 pi r^2 (spherical).
  template <int dim>
  inline double
  volume_weight(CoordinateSystem system, const dealii::Point<dim> &p)
  {
    switch (system)
      {
        case CoordinateSystem::axisymmetric:
          return 2. * dealii::numbers::PI * p[0];
        case CoordinateSystem::spherical:
          return 4. * dealii::numbers::PI * p[0] * p[0];
        default:
          return 1.;
      }
  }
} // namespace ssbcell
