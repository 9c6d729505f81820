// What MechanicsProblem reports: normal tractions on faces (the contact
// coupling), the state at quadrature points, cell-wise stresses and the
// displacement for the VTU output.

#include <deal.II/base/quadrature_lib.h>
#include <deal.II/fe/fe_values.h>

#include <meshes/ids.h>
#include <meshes/interfaces.h>
#include <physics/linear_elasticity.h>
#include <solver/mechanics/mechanics_concentration.h>

#include <stdexcept>

namespace ssbcell
{
  using namespace dealii;

  template <int dim>
  void
  MechanicsProblem<dim>::face_stresses(
    const typename DoFHandler<dim>::active_cell_iterator &cell,
    unsigned int                                          face,
    FEFaceValues<dim>                                    &values,
    Concentration                                        &concentration,
    std::vector<SurfaceStress>                           &stresses) const
  {
    if (elastic_properties(cell->material_id()) == nullptr || cell->is_artificial())
      throw std::invalid_argument("normal tractions need a solid cell this rank knows");
    const ElasticProperties m = cell_properties(cell);
    values.reinit(cell, face);
    const unsigned int               n = values.n_quadrature_points;
    std::vector<Tensor<1, dim>>      u(n);
    std::vector<Tensor<2, dim>>      grad_u(n);
    std::vector<double>              eps0;
    const FEValuesExtractors::Vector displacement(0);
    values[displacement].get_function_values(solution, u);
    values[displacement].get_function_gradients(solution, grad_u);
    concentration.face_strain(cell, face, values, eps0);
    stresses.resize(n);
    // A face point has no history of its own: the cell's mean plastic strain.
    const auto eps_p = plastic_state(cell, 0, false).plastic_strain;
    for (unsigned int q = 0; q < n; ++q)
      {
        const auto eps =
          elasticity::strain(coordinate_system, values.quadrature_point(q), u[q], grad_u[q]);
        const auto sigma = elasticity::stress(m, eps - eps_p, eps0[q]);
        stresses[q]      = {elasticity::normal_traction(sigma, values.normal_vector(q)),
                            elasticity::hydrostatic(sigma)};
      }
  }

  template <int dim>
  std::vector<double>
  MechanicsProblem<dim>::normal_traction(const TriaCell            &cell,
                                         unsigned int               face,
                                         const Quadrature<dim - 1> &quadrature) const
  {
    FEFaceValues<dim>          values(mapping, fe_collection[0], quadrature,
                                      update_values | update_gradients | update_quadrature_points |
                                        update_normal_vectors);
    Concentration              concentration(*this, nullptr, &quadrature);
    std::vector<SurfaceStress> stresses;
    face_stresses(own_cell(cell), face, values, concentration, stresses);
    std::vector<double> tractions;
    for (const auto &s : stresses)
      tractions.push_back(s.normal_traction);
    return tractions;
  }

  template <int dim>
  void
  MechanicsProblem<dim>::set_interface_quadrature(const Quadrature<dim - 1> &quadrature)
  {
    interface_quadrature = quadrature;
    interface_stresses.clear();
  }

  template <int dim>
  void
  MechanicsProblem<dim>::refresh_interface_stresses()
  {
    interface_stresses.clear();
    FEFaceValues<dim>          values(mapping, fe_collection[0], *interface_quadrature,
                                      update_values | update_gradients | update_quadrature_points |
                                        update_normal_vectors);
    Concentration              concentration(*this, nullptr, &*interface_quadrature);
    std::vector<SurfaceStress> stresses;
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned() && cell->active_fe_index() == 0 &&
          cell->material_id() != material_id::void_region)
        for (const unsigned int f : cell->face_indices())
          {
            if (cell->face(f)->at_boundary())
              continue;
            const auto other = cell->neighbor(f)->material_id();
            if (other == cell->material_id() || other == material_id::void_region ||
                !is_solid(other))
              continue;
            face_stresses(cell, f, values, concentration, stresses);
            interface_stresses[face_key<dim>(cell, f)] = stresses;
          }
  }

  template <int dim>
  bool
  MechanicsProblem<dim>::is_interface_face(const TriaCell &cell, unsigned int face) const
  {
    return interface_stresses.count(face_key<dim>(cell, face)) > 0;
  }

  template <int dim>
  const typename MechanicsProblem<dim>::SurfaceStress &
  MechanicsProblem<dim>::interface_stress(const TriaCell &cell,
                                          unsigned int    face,
                                          unsigned int    q) const
  {
    const auto it = interface_stresses.find(face_key<dim>(cell, face));
    if (it == interface_stresses.end())
      throw std::invalid_argument("no stored traction on this face: not an interface "
                                  "face of a locally owned cell, or no solve since "
                                  "set_interface_quadrature()");
    return it->second.at(q);
  }

  template <int dim>
  void
  MechanicsProblem<dim>::for_each_point(
    const Quadrature<dim>                         &quadrature,
    const std::function<void(const PointState &)> &visit) const
  {
    FEValues<dim>                    values(mapping, fe_collection[0], quadrature,
                                            update_values | update_gradients | update_quadrature_points |
                                              update_JxW_values);
    Concentration                    concentration(*this, &quadrature, nullptr);
    const unsigned int               n = quadrature.size();
    std::vector<Tensor<1, dim>>      u(n);
    std::vector<Tensor<2, dim>>      grad_u(n);
    std::vector<double>              eps0;
    const FEValuesExtractors::Vector displacement(0);
    PointState                       s;
    // The points' own plastic history at the assembly's points, else the
    // cell means.
    const bool own_points = quadrature.get_points() == assembly_quadrature().get_points();
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned() && cell->active_fe_index() == 0)
        {
          const ElasticProperties m = cell_properties(cell);
          values.reinit(cell);
          values[displacement].get_function_values(solution, u);
          values[displacement].get_function_gradients(solution, grad_u);
          concentration.cell_strain(cell, values, eps0);
          s.cell = cell;
          for (unsigned int q = 0; q < n; ++q)
            {
              s.x               = values.quadrature_point(q);
              s.weight          = values.JxW(q) * volume_weight(coordinate_system, s.x);
              s.u               = u[q];
              s.strain          = elasticity::strain(coordinate_system, s.x, u[q], grad_u[q]);
              s.chemical_strain = eps0[q];
              s.plastic         = plastic_state(cell, q, own_points);
              s.stress = elasticity::stress(m, s.strain - s.plastic.plastic_strain, eps0[q]);
              visit(s);
            }
        }
  }

  template <int dim>
  std::vector<std::pair<std::string, Vector<float>>>
  MechanicsProblem<dim>::cell_fields() const
  {
    const auto         components = elasticity::components(dim, coordinate_system);
    const unsigned int n_cells    = dof_handler.get_triangulation().n_active_cells();
    std::vector<std::pair<std::string, Vector<float>>> fields;
    for (const auto &c : components)
      fields.emplace_back("sigma_" + c.name, Vector<float>(n_cells));
    fields.emplace_back("sigma_hydrostatic", Vector<float>(n_cells));
    fields.emplace_back("sigma_von_mises", Vector<float>(n_cells));
    if (plastic)
      fields.emplace_back("equivalent_plastic_strain", Vector<float>(n_cells));
    // Means in double, weighted by the physical volume.
    std::vector<std::vector<double>> sums(fields.size(), std::vector<double>(n_cells));
    std::vector<double>              volume(n_cells);
    for_each_point(QGauss<dim>(degree + 1), [&](const PointState &s) {
      const unsigned int k = s.cell->active_cell_index();
      volume[k] += s.weight;
      for (unsigned int i = 0; i < components.size(); ++i)
        sums[i][k] += s.stress[components[i].i][components[i].j] * s.weight;
      sums[components.size()][k] += elasticity::hydrostatic(s.stress) * s.weight;
      sums[components.size() + 1][k] += elasticity::von_mises(s.stress) * s.weight;
      if (plastic)
        sums[components.size() + 2][k] += s.plastic.equivalent_strain * s.weight;
    });
    for (unsigned int i = 0; i < fields.size(); ++i)
      for (unsigned int k = 0; k < n_cells; ++k)
        if (volume[k] > 0.)
          fields[i].second(k) = sums[i][k] / volume[k];
    return fields;
  }

  template <int dim>
  void
  MechanicsProblem<dim>::add_data_vectors(DataOut<dim> &data_out) const
  {
    const auto kind = dim == 1 ? DataComponentInterpretation::component_is_scalar :
                                 DataComponentInterpretation::component_is_part_of_vector;
    data_out.add_data_vector(
      dof_handler, solution, std::vector<std::string>(dim, "u"),
      std::vector<DataComponentInterpretation::DataComponentInterpretation>(dim, kind));
  }

#define SSBCELL_INSTANTIATE(dim)                                                              \
  template std::vector<double> MechanicsProblem<dim>::normal_traction(                        \
    const TriaCell &, unsigned int, const Quadrature<dim - 1> &) const;                       \
  template void MechanicsProblem<dim>::set_interface_quadrature(const Quadrature<dim - 1> &); \
  template void MechanicsProblem<dim>::refresh_interface_stresses();                          \
  template bool MechanicsProblem<dim>::is_interface_face(const TriaCell &, unsigned int)      \
    const;                                                                                    \
  template const MechanicsProblem<dim>::SurfaceStress &                                       \
  MechanicsProblem<dim>::interface_stress(const TriaCell &, unsigned int, unsigned int)       \
    const;                                                                                    \
  template void MechanicsProblem<dim>::for_each_point(                                        \
    const Quadrature<dim> &, const std::function<void(const PointState &)> &) const;          \
  template std::vector<std::pair<std::string, Vector<float>>>                                 \
                MechanicsProblem<dim>::cell_fields() const;                                   \
  template void MechanicsProblem<dim>::add_data_vectors(DataOut<dim> &) const;
  SSBCELL_INSTANTIATE(1)
  SSBCELL_INSTANTIATE(2)
  SSBCELL_INSTANTIATE(3)
#undef SSBCELL_INSTANTIATE
} // namespace ssbcell
