#include <deal.II/distributed/shared_tria.h>
#include <deal.II/grid/grid_tools.h>

#include <meshes/ids.h>
#include <meshes/mesh_generator.h>

namespace ssbcell
{
  template <int dim>
  std::shared_ptr<MeshGenerator<dim>>
  parse_mesh_generator(dealii::ParameterHandler &prm, const GeometryParameters &geometry)
  {
    std::shared_ptr<MeshGenerator<dim>> generator =
      MeshGeneratorRegistry<dim>::instance().create(geometry.mesh_generator);
    prm.enter_subsection("Geometry");
    generator->parse_parameters(prm, geometry);
    prm.leave_subsection();
    return generator;
  }

  template <int dim>
  std::vector<ParticleClass>
  create_mesh(const MeshGenerator<dim>   &generator,
              const GeometryParameters   &geometry,
              dealii::Triangulation<dim> &triangulation)
  {
    generator.create_coarse_mesh(triangulation);
    triangulation.refine_global(geometry.global_refinements);
    // A generator may set the material ids after its coarse mesh was first
    // partitioned: an empty refinement partitions a shared mesh again.
    if (dim > 1 &&
        dynamic_cast<const dealii::parallel::shared::Triangulation<dim> *>(&triangulation))
      triangulation.execute_coarsening_and_refinement();

    bool has_active_material = false;
    for (const auto &cell : triangulation.active_cell_iterators())
      if (cell->material_id() == material_id::active_material)
        has_active_material = true;
    if (!dealii::Utilities::MPI::logical_or(has_active_material,
                                            triangulation.get_communicator()))
      throw InputError("the mesh has no active-material cells (material id 1)",
                       "check the mesh generator or the Gmsh physical groups", "", 0,
                       "Geometry/Mesh generator");
    return generator.particle_classes();
  }

#define SSBCELL_INSTANTIATE(dim)                                              \
  template std::shared_ptr<MeshGenerator<dim>> parse_mesh_generator(          \
    dealii::ParameterHandler &, const GeometryParameters &);                  \
  template std::vector<ParticleClass> create_mesh(const MeshGenerator<dim> &, \
                                                  const GeometryParameters &, \
                                                  dealii::Triangulation<dim> &);
  SSBCELL_INSTANTIATE(1)
  SSBCELL_INSTANTIATE(2)
  SSBCELL_INSTANTIATE(3)
#undef SSBCELL_INSTANTIATE
} // namespace ssbcell
