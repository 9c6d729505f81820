#include <deal.II/grid/grid_tools.h>

#include <meshes/ids.h>
#include <meshes/mesh_generator.h>

namespace ssbcell
{
  template <int dim>
  std::vector<ParticleClass>
  create_mesh(dealii::ParameterHandler   &prm,
              const GeometryParameters   &geometry,
              dealii::Triangulation<dim> &triangulation)
  {
    auto generator = MeshGeneratorRegistry<dim>::instance().create(geometry.mesh_generator);
    prm.enter_subsection("Geometry");
    generator->parse_parameters(prm, geometry);
    prm.leave_subsection();
    generator->create_coarse_mesh(triangulation);
    triangulation.refine_global(geometry.global_refinements);

    bool has_active_material = false;
    for (const auto &cell : triangulation.active_cell_iterators())
      if (cell->material_id() == material_id::active_material)
        has_active_material = true;
    if (!dealii::Utilities::MPI::logical_or(has_active_material,
                                            triangulation.get_communicator()))
      throw InputError("the mesh has no active-material cells (material id 1)",
                       "check the mesh generator or the Gmsh physical groups", "", 0,
                       "Geometry/Mesh generator");
    return generator->particle_classes();
  }

  template std::vector<ParticleClass>
  create_mesh(dealii::ParameterHandler &,
              const GeometryParameters &,
              dealii::Triangulation<1> &);
  template std::vector<ParticleClass>
  create_mesh(dealii::ParameterHandler &,
              const GeometryParameters &,
              dealii::Triangulation<2> &);
  template std::vector<ParticleClass>
  create_mesh(dealii::ParameterHandler &,
              const GeometryParameters &,
              dealii::Triangulation<3> &);
} // namespace ssbcell
