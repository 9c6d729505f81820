#include <meshes/geometry.h>
#include <meshes/mesh_generator.h>
#include <physics/parameter_checks.h>

namespace ssbcell
{
  using dealii::ParameterHandler;
  namespace Patterns = dealii::Patterns;

  std::string
  to_string(CoordinateSystem system)
  {
    switch (system)
      {
        case CoordinateSystem::cartesian:
          return "cartesian";
        case CoordinateSystem::axisymmetric:
          return "axisymmetric";
        default:
          return "spherical";
      }
  }

  void
  GeometryParameters::declare_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Geometry");
    prm.declare_entry("Dimension", "1", Patterns::Integer(1, 3),
                      "Space dimension of the mesh: 1 (particle model), 2 or 3.");
    prm.declare_entry("Coordinate system", "spherical",
                      Patterns::Selection("cartesian|axisymmetric|spherical"),
                      "'spherical': 1D radial (volume weight 4 pi r^2); "
                      "'axisymmetric': 2D (r, z) with z the pressing axis "
                      "(weight 2 pi r); 'cartesian': 1D slab, 2D plane, 3D.");
    prm.declare_entry(
      "Mesh generator", "spherical particle",
      Patterns::Selection(MeshGeneratorRegistry<1>::instance().names_pattern()),
      "How the mesh is made. " + MeshGeneratorRegistry<1>::instance().documentation());
    prm.declare_entry("Particle radius [m]", "2e-6", Patterns::Double(),
                      "Radius of the (reference) active-material particle [m]; "
                      "the half-thickness of a 1D cartesian slab.");
    prm.declare_entry("Coating thickness [m]", "7.5e-9", Patterns::Double(),
                      "Thickness of the ionic-conductor coating around each "
                      "particle [m]; 0 = uncoated.");
    prm.declare_entry("Global refinements", "0", Patterns::Integer(0, 12),
                      "Times every cell of the generated mesh is bisected.");
    prm.declare_entry("Refinements at contact edges", "0", Patterns::Integer(0, 10),
                      "Times the cells are bisected further where the edge of the "
                      "coating's electrolyte contact (Materials/Coating/Electrolyte "
                      "contact) crosses the coating surface, with the particle and "
                      "electrolyte cells next to them: a patch whose edge does not "
                      "follow the mesh lines (a polar cap in 3D) is otherwise too large "
                      "by up to a cell. 2D and 3D.");
    prm.declare_entry(
      "Partition", "curve", Patterns::Selection("curve|per material"),
      "How the cells are divided among the MPI ranks (2D and 3D; a 1D mesh is "
      "stored whole on every rank). 'curve': p4est cuts its space-filling curve "
      "into equal pieces and each rank stores only its cells and a layer of "
      "ghosts; for many ranks and large meshes. 'per material': every rank "
      "stores the whole mesh and owns an equal share of each material's cells "
      "(in Morton order); for meshes where one region lies on one stretch of the "
      "curve (a particle in a box), whose unknowns the curve would give to one "
      "rank while the block preconditioner solves the blocks one after the other "
      "(docs/performance.md). The mesh's memory grows with the ranks.");
    MeshGeneratorRegistry<1>::instance().declare_all_parameters(prm);
    prm.leave_subsection();
  }

  void
  GeometryParameters::parse_parameters(ParameterHandler &prm)
  {
    const std::string section = "Geometry";
    prm.enter_subsection("Geometry");
    dimension                = prm.get_integer("Dimension");
    const std::string system = prm.get("Coordinate system");
    coordinate_system        = system == "cartesian"    ? CoordinateSystem::cartesian :
                               system == "axisymmetric" ? CoordinateSystem::axisymmetric :
                                                          CoordinateSystem::spherical;
    mesh_generator           = prm.get("Mesh generator");
    particle_radius          = get_checked(prm, section, "Particle radius [m]", 0., 1e-2, true,
                                           "a particle radius in metres, e.g. 2e-6");
    coating_thickness =
      get_checked(prm, section, "Coating thickness [m]", 0., particle_radius, false,
                  "the coating may not be thicker than the particle radius");
    global_refinements       = prm.get_integer("Global refinements");
    contact_edge_refinements = prm.get_integer("Refinements at contact edges");
    partition                = parse_mesh_partition(prm.get("Partition"));
    prm.leave_subsection();

    if (coordinate_system == CoordinateSystem::spherical && dimension != 1)
      throw InputError("coordinate system 'spherical' needs Dimension = 1",
                       "use 'cartesian' (or 'axisymmetric' in 2D)", "", 0,
                       "Geometry/Coordinate system");
    if (coordinate_system == CoordinateSystem::axisymmetric && dimension != 2)
      throw InputError("coordinate system 'axisymmetric' needs Dimension = 2",
                       "use 'cartesian' in 3D or 'spherical' in 1D", "", 0,
                       "Geometry/Coordinate system");
  }

  unsigned int
  read_dimension(ParameterHandler &prm)
  {
    prm.enter_subsection("Geometry");
    const unsigned int dim = prm.get_integer("Dimension");
    prm.leave_subsection();
    return dim;
  }
} // namespace ssbcell
