#include <deal.II/base/quadrature_lib.h>
#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/fe_nothing.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/lac/full_matrix.h>
#include <deal.II/lac/sparsity_tools.h>

#include <meshes/ids.h>
#include <physics/fickian_diffusion.h>
#include <solver/cell_models/active_material_diffusion.h>

#include <cmath>

namespace ssbcell
{
  using namespace dealii;

  template <int dim>
  ActiveMaterialDiffusion<dim>::ActiveMaterialDiffusion(
    const Triangulation<dim> &triangulation,
    const Mapping<dim>       &mapping,
    unsigned int              degree,
    CoordinateSystem          coordinate_system,
    const Materials          &materials)
    : mapping(mapping)
    , coordinate_system(coordinate_system)
    , materials(materials)
    , material(materials.active)
    , comm(triangulation.get_communicator())
    , dof_handler(triangulation)
    , degree(degree)
  {
    fe_collection.push_back(FE_Q<dim>(degree));
    fe_collection.push_back(FE_Nothing<dim>());
  }

  template <int dim>
  template <typename CellIterator>
  bool
  ActiveMaterialDiffusion<dim>::is_surface_face(const CellIterator &cell, unsigned int f) const
  {
    if (cell->face(f)->at_boundary())
      return cell->face(f)->boundary_id() != boundary_id::symmetry;
    return cell->neighbor(f)->material_id() != material_id::active_material;
  }

  template <int dim>
  void
  ActiveMaterialDiffusion<dim>::setup(std::optional<double> fixed_surface_concentration)
  {
    fixed_surface = fixed_surface_concentration;
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        cell->set_active_fe_index(cell->material_id() == material_id::active_material ? 0 : 1);
    dof_handler.distribute_dofs(fe_collection);
    owned_dofs = dof_handler.locally_owned_dofs();
    DoFTools::extract_locally_relevant_dofs(dof_handler, relevant_dofs);

    // Surface DoFs, and the measures of the active material.
    surface_dofs = IndexSet(dof_handler.n_dofs());
    const QGauss<dim>     quadrature(degree + 2);
    const QGauss<dim - 1> face_quadrature(degree + 2);
    FEValues<dim>         fe_values(mapping, fe_collection[0], quadrature,
                                    update_JxW_values | update_quadrature_points);
    FEFaceValues<dim>     fe_face_values(mapping, fe_collection[0], face_quadrature,
                                         update_JxW_values | update_quadrature_points);
    std::vector<types::global_dof_index> face_dofs(fe_collection[0].n_dofs_per_face());
    double                               volume = 0., area = 0.;
    for (const auto &cell : dof_handler.active_cell_iterators())
      if ((cell->is_locally_owned() || cell->is_ghost()) &&
          cell->material_id() == material_id::active_material)
        for (const unsigned int f : cell->face_indices())
          if (is_surface_face(cell, f))
            {
              cell->face(f)->get_dof_indices(face_dofs, 0);
              surface_dofs.add_indices(face_dofs.begin(), face_dofs.end());
              if (cell->is_locally_owned())
                {
                  fe_face_values.reinit(cell, f);
                  for (unsigned int q = 0; q < face_quadrature.size(); ++q)
                    area +=
                      fe_face_values.JxW(q) *
                      volume_weight(coordinate_system, fe_face_values.quadrature_point(q));
                }
            }
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned() && cell->material_id() == material_id::active_material)
        {
          fe_values.reinit(cell);
          for (unsigned int q = 0; q < quadrature.size(); ++q)
            volume += fe_values.JxW(q) *
                      volume_weight(coordinate_system, fe_values.quadrature_point(q));
        }
    am_volume       = Utilities::MPI::sum(volume, comm);
    am_surface_area = Utilities::MPI::sum(area, comm);

    constraints.clear();
    constraints.reinit(relevant_dofs);
    // A mesh refined at contact edges has hanging nodes in the particle; a
    // hanging surface node follows its (fixed) parents.
    DoFTools::make_hanging_node_constraints(dof_handler, constraints);
    if (fixed_surface)
      for (const auto i : surface_dofs)
        if (relevant_dofs.is_element(i) && !constraints.is_constrained(i))
          constraints.add_line(i);
    constraints.close();

    DynamicSparsityPattern dsp(relevant_dofs);
    DoFTools::make_sparsity_pattern(dof_handler, dsp, constraints, false);
    SparsityTools::distribute_sparsity_pattern(dsp, owned_dofs, comm, relevant_dofs);
    system_matrix.reinit(owned_dofs, owned_dofs, dsp, comm);
    newton.reset();
  }

  template <int dim>
  LA::Vector
  ActiveMaterialDiffusion<dim>::owned_vector() const
  {
    return LA::Vector(owned_dofs, comm);
  }

  template <int dim>
  LA::Vector
  ActiveMaterialDiffusion<dim>::ghosted_vector() const
  {
    return LA::Vector(owned_dofs, relevant_dofs, comm);
  }

  template <int dim>
  double
  ActiveMaterialDiffusion<dim>::surface_ocv(const LA::Vector &c_owned) const
  {
    LA::Vector c = ghosted_vector();
    c            = c_owned;
    return material.ocp->value(surface_mean(c) / material.max_concentration) -
           materials.anode.potential_vs_li;
  }

  template <int dim>
  double
  ActiveMaterialDiffusion<dim>::set_initial_state(double value, LA::Vector &c)
  {
    c = value;
    if (fixed_surface)
      {
        for (const auto i : surface_dofs)
          if (owned_dofs.is_element(i))
            c(i) = *fixed_surface;
        c.compress(VectorOperation::insert);
      }
    return surface_ocv(c);
  }

  template <int dim>
  void
  ActiveMaterialDiffusion<dim>::assemble_residual(const LA::Vector &c,
                                                  const LA::Vector &history,
                                                  double            a0,
                                                  double            dt,
                                                  double            surface_flux,
                                                  LA::Vector       &residual) const
  {
    residual = 0.;
    const QGauss<dim>                    quadrature(degree + 2);
    const QGauss<dim - 1>                face_quadrature(degree + 2);
    const auto                          &fe = fe_collection[0];
    FEValues<dim>                        fe_values(mapping, fe, quadrature,
                                                   update_values | update_gradients | update_JxW_values |
                                                     update_quadrature_points);
    FEFaceValues<dim>                    fe_face_values(mapping, fe, face_quadrature,
                                                        update_values | update_JxW_values |
                                                          update_quadrature_points);
    const unsigned int                   n = fe.n_dofs_per_cell();
    Vector<double>                       local(n);
    std::vector<types::global_dof_index> dofs(n);
    std::vector<double>                  c_q(quadrature.size()), h_q(quadrature.size());
    std::vector<Tensor<1, dim>>          grad_c(quadrature.size());

    for (const auto &cell : dof_handler.active_cell_iterators())
      {
        if (!cell->is_locally_owned() || cell->material_id() != material_id::active_material)
          continue;
        fe_values.reinit(cell);
        fe_values.get_function_values(c, c_q);
        fe_values.get_function_values(history, h_q);
        fe_values.get_function_gradients(c, grad_c);
        local = 0.;
        for (unsigned int q = 0; q < quadrature.size(); ++q)
          {
            const double w = fe_values.JxW(q) *
                             volume_weight(coordinate_system, fe_values.quadrature_point(q));
            const FickianDiffusionPoint<dim> fick(material, c_q[q], grad_c[q], h_q[q], a0, dt);
            for (unsigned int i = 0; i < n; ++i)
              local(i) +=
                fick.residual(fe_values.shape_value(i, q), fe_values.shape_grad(i, q)) * w;
          }
        for (const unsigned int f : cell->face_indices())
          if (is_surface_face(cell, f) && surface_flux != 0.)
            {
              fe_face_values.reinit(cell, f);
              for (unsigned int q = 0; q < face_quadrature.size(); ++q)
                {
                  const double w =
                    fe_face_values.JxW(q) *
                    volume_weight(coordinate_system, fe_face_values.quadrature_point(q));
                  for (unsigned int i = 0; i < n; ++i)
                    local(i) -= surface_flux * fe_face_values.shape_value(i, q) * w;
                }
            }
        cell->get_dof_indices(dofs);
        constraints.distribute_local_to_global(local, dofs, residual);
      }
    residual.compress(VectorOperation::add);
  }

  template <int dim>
  void
  ActiveMaterialDiffusion<dim>::assemble_jacobian(const LA::Vector &c, double a0, double dt)
  {
    system_matrix = 0.;
    const QGauss<dim>                    quadrature(degree + 2);
    const auto                          &fe = fe_collection[0];
    FEValues<dim>                        fe_values(mapping, fe, quadrature,
                                                   update_values | update_gradients | update_JxW_values |
                                                     update_quadrature_points);
    const unsigned int                   n = fe.n_dofs_per_cell();
    FullMatrix<double>                   local(n, n);
    std::vector<types::global_dof_index> dofs(n);
    std::vector<double>                  c_q(quadrature.size());
    std::vector<Tensor<1, dim>>          grad_c(quadrature.size());

    for (const auto &cell : dof_handler.active_cell_iterators())
      {
        if (!cell->is_locally_owned() || cell->material_id() != material_id::active_material)
          continue;
        fe_values.reinit(cell);
        fe_values.get_function_values(c, c_q);
        fe_values.get_function_gradients(c, grad_c);
        local = 0.;
        for (unsigned int q = 0; q < quadrature.size(); ++q)
          {
            const double w = fe_values.JxW(q) *
                             volume_weight(coordinate_system, fe_values.quadrature_point(q));
            // The history does not enter the Jacobian.
            const FickianDiffusionPoint<dim> fick(material, c_q[q], grad_c[q], 0., a0, dt);
            for (unsigned int i = 0; i < n; ++i)
              for (unsigned int j = 0; j < n; ++j)
                local(i, j) +=
                  fick.jacobian(fe_values.shape_value(j, q), fe_values.shape_grad(j, q),
                                fe_values.shape_value(i, q), fe_values.shape_grad(i, q)) *
                  w;
          }
        cell->get_dof_indices(dofs);
        constraints.distribute_local_to_global(local, dofs, system_matrix);
      }
    system_matrix.compress(VectorOperation::add);
  }

  template <int dim>
  void
  ActiveMaterialDiffusion<dim>::assemble_system(const LA::Vector &c,
                                                double,
                                                bool            with_jacobian,
                                                BorderedSystem &system)
  {
    assemble_residual(c, *step.history, step.a0, step.dt, step.surface_flux, system.residual);
    if (with_jacobian)
      assemble_jacobian(c, step.a0, step.dt);
    system.constraint = 0.; // the flux is prescribed: no electrode potential
  }

  template <int dim>
  NewtonResult
  ActiveMaterialDiffusion<dim>::solve_step(LA::Vector           &c,
                                           const LA::Vector     &history,
                                           double                a0,
                                           double                dt,
                                           const StepDrive      &drive,
                                           double                voltage_guess,
                                           const NewtonControls &controls)
  {
    LA::Vector history_ghosted = ghosted_vector();
    history_ghosted            = history;
    step                       = {&history_ghosted, a0, dt, drive.surface_flux};
    NewtonSettings settings;
    // Converged when the residual falls by the tolerance, or below its
    // round-off: residual terms are of size c_max |V| / dt and cancel (seen:
    // 1e-14 of that scale left); or when an update is at round-off level.
    settings.residual_test    = true;
    settings.residual_floor   = 1e-11 * material.max_concentration * am_volume / dt;
    settings.update_tolerance = 1e-13;
    double       phi_s        = voltage_guess; // unused: the voltage follows from c
    NewtonResult result       = newton.solve(*this, c, phi_s, controls, settings);
    step.history              = nullptr;
    if (result.converged)
      {
        result.voltage         = surface_ocv(c);
        result.current_density = drive.current_density;
      }
    return result;
  }

  template <int dim>
  const ActiveMaterialIntegrals<dim> &
  ActiveMaterialDiffusion<dim>::integrals() const
  {
    if (!integrals_cache)
      integrals_cache.reset(new ActiveMaterialIntegrals<dim>{
        mapping, fe_collection[0], dof_handler, 0, coordinate_system, degree + 2,
        [this](const auto &c, unsigned int f) { return is_surface_face(c, f); }});
    return *integrals_cache;
  }

  template <int dim>
  double
  ActiveMaterialDiffusion<dim>::amount_of_li(const LA::Vector &c) const
  {
    return integrals().amount(c);
  }

  template <int dim>
  double
  ActiveMaterialDiffusion<dim>::surface_mean(const LA::Vector &c) const
  {
    return integrals().surface_integral(c) / am_surface_area;
  }

  template <int dim>
  std::pair<double, double>
  ActiveMaterialDiffusion<dim>::l2_error(const LA::Vector    &c,
                                         const Function<dim> &exact,
                                         double               reference) const
  {
    return integrals().l2_error(c, exact, reference);
  }

  template class ActiveMaterialDiffusion<1>;
  template class ActiveMaterialDiffusion<2>;
  template class ActiveMaterialDiffusion<3>;

  namespace
  {
    const bool registered = register_cell_model<ActiveMaterialDiffusion>(
      "diffusion",
      "Li diffusion in the active material driven by a uniform surface flux; "
      "the voltage is the surface open-circuit voltage.");
  }
} // namespace ssbcell
