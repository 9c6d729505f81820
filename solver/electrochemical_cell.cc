#include <deal.II/base/quadrature_lib.h>
#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/fe_nothing.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_system.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/lac/full_matrix.h>
#include <deal.II/lac/sparsity_tools.h>

#include <meshes/ids.h>
#include <physics/butler_volmer.h>
#include <physics/constants.h>
#include <physics/fickian_diffusion.h>
#include <solver/active_material_integrals.h>
#include <solver/electrochemical_cell.h>
#include <solver/input_error.h>

#include <cmath>

namespace ssbcell
{
  using namespace dealii;

  namespace
  {
    const FEValuesExtractors::Scalar concentration(0), potential(1);

    bool
    is_ion_conductor(types::material_id id)
    {
      return id == material_id::coating || id == material_id::electrolyte;
    }

    // max |v_i| over the owned indices in `set`, on all ranks.
    double
    max_over(const LA::Vector &v, const IndexSet &set, MPI_Comm comm)
    {
      double m = 0.;
      for (const auto i : set)
        m = std::max(m, std::abs(v(i)));
      return Utilities::MPI::max(m, comm);
    }
  } // namespace

  template <int dim>
  ElectrochemicalCell<dim>::ElectrochemicalCell(const Triangulation<dim> &triangulation,
                                                const Mapping<dim>       &mapping,
                                                unsigned int              degree,
                                                CoordinateSystem          coordinate_system,
                                                const Materials          &materials,
                                                const CellParameters     &cell)
    : mapping(mapping)
    , coordinate_system(coordinate_system)
    , materials(materials)
    , cell(cell)
    , comm(triangulation.get_communicator())
    , dof_handler(triangulation)
    , degree(degree)
  {
    // 0: active material (c), 1: coating and electrolyte (phi_e), 2: others.
    fe_collection.push_back(FESystem<dim>(FE_Q<dim>(degree), 1, FE_Nothing<dim>(), 1));
    fe_collection.push_back(FESystem<dim>(FE_Nothing<dim>(), 1, FE_Q<dim>(degree), 1));
    fe_collection.push_back(FESystem<dim>(FE_Nothing<dim>(), 1, FE_Nothing<dim>(), 1));
  }

  template <int dim>
  template <typename CellIterator>
  bool
  ElectrochemicalCell<dim>::is_reaction_face(const CellIterator &c, unsigned int f) const
  {
    return !c->face(f)->at_boundary() && is_ion_conductor(c->neighbor(f)->material_id());
  }

  template <int dim>
  double
  ElectrochemicalCell<dim>::conductivity(types::material_id id) const
  {
    return id == material_id::coating ? materials.coating.conductivity :
                                        materials.electrolyte.conductivity;
  }

  template <int dim>
  void
  ElectrochemicalCell<dim>::setup(std::optional<double> fixed_surface_concentration)
  {
    if (fixed_surface_concentration)
      throw InputError("a fixed surface concentration is a diffusion-model "
                       "verification", "set Model/Cell model = diffusion", "", 0,
                       "Verification/Exact solution");
    for (const auto &c : dof_handler.active_cell_iterators())
      if (c->is_locally_owned())
        c->set_active_fe_index(c->material_id() == material_id::active_material ? 0 :
                               is_ion_conductor(c->material_id())             ? 1 :
                                                                                2);
    dof_handler.distribute_dofs(fe_collection);
    owned_dofs = dof_handler.locally_owned_dofs();
    DoFTools::extract_locally_relevant_dofs(dof_handler, relevant_dofs);
    c_dofs   = DoFTools::extract_dofs(dof_handler, ComponentMask(std::vector<bool>{true, false}));
    phi_dofs = DoFTools::extract_dofs(dof_handler, ComponentMask(std::vector<bool>{false, true}));

    // The outer boundary of a 1D particle model carries the lumped anode.
    outer_dofs = IndexSet(dof_handler.n_dofs());
    if (dim == 1)
      {
        const IndexSet outer = DoFTools::extract_boundary_dofs(
          dof_handler, ComponentMask(std::vector<bool>{false, true}), {boundary_id::outer});
        outer_dofs = outer & owned_dofs;
      }

    constraints.clear();
    constraints.reinit(relevant_dofs);
    DoFTools::make_hanging_node_constraints(dof_handler, constraints);
    if (dim == 1)
      {
        const IndexSet outer = DoFTools::extract_boundary_dofs(
          dof_handler, ComponentMask(std::vector<bool>{false, true}), {boundary_id::outer});
        for (const auto i : outer)
          if (relevant_dofs.is_element(i))
            constraints.add_line(i);
      }
    constraints.close();

    DynamicSparsityPattern dsp(relevant_dofs);
    // Interface terms couple the DoFs of neighbouring cells.
    DoFTools::make_flux_sparsity_pattern(dof_handler, dsp, constraints, false);
    SparsityTools::distribute_sparsity_pattern(dsp, owned_dofs, comm, relevant_dofs);
    system_matrix.reinit(owned_dofs, owned_dofs, dsp, comm);

    // Measures of the active material and of its reacting surface.
    const QGauss<dim>     quadrature(degree + 2);
    const QGauss<dim - 1> face_quadrature(degree + 2);
    FEValues<dim>     fe_values(mapping, fe_collection[0], quadrature,
                            update_JxW_values | update_quadrature_points);
    FEFaceValues<dim> fe_face(mapping, fe_collection[0], face_quadrature,
                              update_JxW_values | update_quadrature_points);
    double volume = 0., area = 0.;
    for (const auto &c : dof_handler.active_cell_iterators())
      if (c->is_locally_owned() && c->material_id() == material_id::active_material)
        {
          fe_values.reinit(c);
          for (unsigned int q = 0; q < quadrature.size(); ++q)
            volume += fe_values.JxW(q) *
                      volume_weight(coordinate_system, fe_values.quadrature_point(q));
          for (const unsigned int f : c->face_indices())
            if (is_reaction_face(c, f))
              {
                fe_face.reinit(c, f);
                for (unsigned int q = 0; q < face_quadrature.size(); ++q)
                  area += fe_face.JxW(q) *
                          volume_weight(coordinate_system, fe_face.quadrature_point(q));
              }
        }
    am_volume       = Utilities::MPI::sum(volume, comm);
    am_surface_area = Utilities::MPI::sum(area, comm);
    if (!(am_surface_area > 0.))
      throw InputError("no active-material surface touches a coating or the "
                       "electrolyte, so no current can flow",
                       "give the particle a coating or an electrolyte shell",
                       "", 0, "Model/Cell model");
  }

  template <int dim>
  LA::Vector
  ElectrochemicalCell<dim>::owned_vector() const
  {
    return LA::Vector(owned_dofs, comm);
  }

  template <int dim>
  LA::Vector
  ElectrochemicalCell<dim>::ghosted_vector() const
  {
    return LA::Vector(owned_dofs, relevant_dofs, comm);
  }

  template <int dim>
  double
  ElectrochemicalCell<dim>::set_initial_state(double c0, LA::Vector &x)
  {
    // Equilibrium: c0, phi_e = 0, phi_s the open-circuit voltage (eta = 0).
    x = 0.;
    for (const auto i : c_dofs)
      x(i) = c0;
    x.compress(VectorOperation::insert);
    return materials.active.ocp->value(c0 / materials.active.max_concentration) -
           materials.anode.potential_vs_li;
  }

  template <int dim>
  double
  ElectrochemicalCell<dim>::outer_potential(double current_density) const
  {
    ButlerVolmer anode;
    anode.temperature = cell.temperature_K;
    const double eta_anode =
      current_density == 0. ? 0. :
                              anode.overpotential(materials.anode.exchange_current,
                                                  current_density);
    return -(eta_anode +
             current_density * cell.separator_thickness / materials.electrolyte.conductivity);
  }

  template <int dim>
  void
  ElectrochemicalCell<dim>::apply_outer_potential(double value, LA::Vector &x) const
  {
    for (const auto i : outer_dofs)
      x(i) = value;
    x.compress(VectorOperation::insert);
  }

  template <int dim>
  void
  ElectrochemicalCell<dim>::assemble(const LA::Vector &x,
                                     const LA::Vector &history,
                                     double            a0,
                                     double            dt,
                                     double            phi_s,
                                     double            current_from_particles,
                                     bool              with_jacobian,
                                     System           &sys)
  {
    const auto  &am    = materials.active;
    const double c_max = am.max_concentration;
    const double F     = constants::faraday;
    ButlerVolmer bv{am.alpha_anodic, 1. - am.alpha_anodic, cell.temperature_K};
    ButlerVolmer anode_bv{0.5, 0.5, cell.temperature_K};

    sys.residual = 0.;
    if (with_jacobian)
      {
        system_matrix = 0.;
        sys.db        = 0.;
        sys.dc        = 0.;
      }
    double g = 0., dd = 0.;

    const QGauss<dim>     quadrature(degree + 2);
    const QGauss<dim - 1> face_quadrature(degree + 2);
    const auto            flags = update_values | update_gradients | update_JxW_values |
                       update_quadrature_points;
    FEValues<dim>     am_values(mapping, fe_collection[0], quadrature, flags);
    FEValues<dim>     el_values(mapping, fe_collection[1], quadrature, flags);
    FEFaceValues<dim> am_face(mapping, fe_collection[0], face_quadrature, flags);
    FEFaceValues<dim> el_face(mapping, fe_collection[1], face_quadrature, flags);
    const unsigned int n_am = fe_collection[0].n_dofs_per_cell();
    const unsigned int n_el = fe_collection[1].n_dofs_per_cell();
    std::vector<types::global_dof_index> dofs_am(n_am), dofs_el(n_el);
    Vector<double>     r_am(n_am), r_el(n_el), b_am(n_am), b_el(n_el), c_am(n_am), c_el(n_el);
    FullMatrix<double> j_aa(n_am, n_am), j_ae(n_am, n_el), j_ea(n_el, n_am), j_ee(n_el, n_el);
    std::vector<double>         u_q(quadrature.size()), h_q(quadrature.size()),
      s_q(face_quadrature.size()), p_q(face_quadrature.size());
    std::vector<Tensor<1, dim>> grad_q(quadrature.size());

    for (const auto &cell_it : dof_handler.active_cell_iterators())
      {
        if (!cell_it->is_locally_owned())
          continue;
        if (cell_it->material_id() == material_id::active_material)
          {
            // Diffusion in the particle.
            am_values.reinit(cell_it);
            am_values[concentration].get_function_values(x, u_q);
            am_values[concentration].get_function_values(history, h_q);
            am_values[concentration].get_function_gradients(x, grad_q);
            r_am = 0.;
            j_aa = 0.;
            for (unsigned int q = 0; q < quadrature.size(); ++q)
              {
                const double w = am_values.JxW(q) *
                                 volume_weight(coordinate_system, am_values.quadrature_point(q));
                const FickianDiffusionPoint<dim> fick(am, u_q[q], grad_q[q], h_q[q], a0, dt);
                for (unsigned int i = 0; i < n_am; ++i)
                  {
                    const double         v      = am_values[concentration].value(i, q);
                    const Tensor<1, dim> grad_v = am_values[concentration].gradient(i, q);
                    r_am(i) += fick.residual(v, grad_v) * w;
                    if (with_jacobian)
                      for (unsigned int k = 0; k < n_am; ++k)
                        j_aa(i, k) += fick.jacobian(am_values[concentration].value(k, q),
                                                    am_values[concentration].gradient(k, q),
                                                    v, grad_v) * w;
                  }
              }
            cell_it->get_dof_indices(dofs_am);
            constraints.distribute_local_to_global(r_am, dofs_am, sys.residual);
            if (with_jacobian)
              constraints.distribute_local_to_global(j_aa, dofs_am, system_matrix);

            // Butler-Volmer on the faces towards coating or electrolyte.
            for (const unsigned int f : cell_it->face_indices())
              {
                if (!is_reaction_face(cell_it, f))
                  continue;
                const auto neighbor = cell_it->neighbor(f);
                am_face.reinit(cell_it, f);
                el_face.reinit(neighbor, cell_it->neighbor_of_neighbor(f));
                am_face[concentration].get_function_values(x, s_q);
                el_face[potential].get_function_values(x, p_q);
                neighbor->get_dof_indices(dofs_el);
                for (auto *v : {&r_am, &r_el, &b_am, &b_el, &c_am, &c_el})
                  *v = 0.;
                for (auto *m : {&j_aa, &j_ae, &j_ea, &j_ee})
                  *m = 0.;
                for (unsigned int q = 0; q < face_quadrature.size(); ++q)
                  {
                    const double w = am_face.JxW(q) *
                                     volume_weight(coordinate_system, am_face.quadrature_point(q));
                    const double theta = s_q[q] / c_max;
                    const double i0    = exchange_current_density(am.exchange_current, theta,
                                                               bv.alpha_a, bv.alpha_c);
                    const double di0   = exchange_current_density_derivative(
                      am.exchange_current, theta, bv.alpha_a, bv.alpha_c);
                    const double eta = phi_s - p_q[q] -
                                       (am.ocp->value(theta) - materials.anode.potential_vs_li);
                    const double B  = bv.current(1., eta);
                    const double dB = bv.d_current_d_eta(1., eta);
                    const double i_n      = i0 * B;
                    const double di_dc    = (di0 * B - i0 * dB * am.ocp->derivative(theta)) / c_max;
                    const double di_dphie = -i0 * dB;
                    const double di_dphis = i0 * dB;
                    g += i_n * w;
                    dd += di_dphis * w;
                    for (unsigned int i = 0; i < n_am; ++i)
                      {
                        const double v = am_face[concentration].value(i, q);
                        r_am(i) += i_n / F * v * w;
                        b_am(i) += di_dphis / F * v * w;
                        c_am(i) += di_dc * v * w;
                        for (unsigned int k = 0; k < n_am; ++k)
                          j_aa(i, k) += di_dc / F * am_face[concentration].value(k, q) * v * w;
                        for (unsigned int l = 0; l < n_el; ++l)
                          j_ae(i, l) += di_dphie / F * el_face[potential].value(l, q) * v * w;
                      }
                    for (unsigned int j = 0; j < n_el; ++j)
                      {
                        const double v = el_face[potential].value(j, q);
                        r_el(j) -= i_n * v * w;
                        b_el(j) -= di_dphis * v * w;
                        c_el(j) += di_dphie * v * w;
                        for (unsigned int k = 0; k < n_am; ++k)
                          j_ea(j, k) -= di_dc * am_face[concentration].value(k, q) * v * w;
                        for (unsigned int l = 0; l < n_el; ++l)
                          j_ee(j, l) -= di_dphie * el_face[potential].value(l, q) * v * w;
                      }
                  }
                constraints.distribute_local_to_global(r_am, dofs_am, sys.residual);
                constraints.distribute_local_to_global(r_el, dofs_el, sys.residual);
                if (with_jacobian)
                  {
                    constraints.distribute_local_to_global(j_aa, dofs_am, dofs_am, system_matrix);
                    constraints.distribute_local_to_global(j_ae, dofs_am, dofs_el, system_matrix);
                    constraints.distribute_local_to_global(j_ea, dofs_el, dofs_am, system_matrix);
                    constraints.distribute_local_to_global(j_ee, dofs_el, dofs_el, system_matrix);
                    constraints.distribute_local_to_global(b_am, dofs_am, sys.db);
                    constraints.distribute_local_to_global(b_el, dofs_el, sys.db);
                    constraints.distribute_local_to_global(c_am, dofs_am, sys.dc);
                    constraints.distribute_local_to_global(c_el, dofs_el, sys.dc);
                  }
              }
          }
        else if (is_ion_conductor(cell_it->material_id()))
          {
            // Charge conservation in coating and electrolyte; the anode
            // boundary reacts by Butler-Volmer against phi = 0.
            el_values.reinit(cell_it);
            el_values[potential].get_function_gradients(x, grad_q);
            const double sigma = conductivity(cell_it->material_id());
            r_el = 0.;
            j_ee = 0.;
            for (unsigned int q = 0; q < quadrature.size(); ++q)
              {
                const double w = el_values.JxW(q) *
                                 volume_weight(coordinate_system, el_values.quadrature_point(q));
                for (unsigned int j = 0; j < n_el; ++j)
                  {
                    const Tensor<1, dim> grad_v = el_values[potential].gradient(j, q);
                    r_el(j) += sigma * grad_q[q] * grad_v * w;
                    if (with_jacobian)
                      for (unsigned int l = 0; l < n_el; ++l)
                        j_ee(j, l) += sigma * el_values[potential].gradient(l, q) * grad_v * w;
                  }
              }
            for (const unsigned int f : cell_it->face_indices())
              if (cell_it->face(f)->at_boundary() &&
                  cell_it->face(f)->boundary_id() == boundary_id::anode)
                {
                  el_face.reinit(cell_it, f);
                  el_face[potential].get_function_values(x, p_q);
                  for (unsigned int q = 0; q < face_quadrature.size(); ++q)
                    {
                      const double w = el_face.JxW(q) *
                                       volume_weight(coordinate_system, el_face.quadrature_point(q));
                      const double i0  = materials.anode.exchange_current;
                      const double i_a = anode_bv.current(i0, -p_q[q]);
                      const double di  = -anode_bv.d_current_d_eta(i0, -p_q[q]);
                      for (unsigned int j = 0; j < n_el; ++j)
                        {
                          const double v = el_face[potential].value(j, q);
                          r_el(j) -= i_a * v * w;
                          if (with_jacobian)
                            for (unsigned int l = 0; l < n_el; ++l)
                              j_ee(j, l) -= di * el_face[potential].value(l, q) * v * w;
                        }
                    }
                }
            cell_it->get_dof_indices(dofs_el);
            constraints.distribute_local_to_global(r_el, dofs_el, sys.residual);
            if (with_jacobian)
              constraints.distribute_local_to_global(j_ee, dofs_el, system_matrix);
          }
      }
    sys.residual.compress(VectorOperation::add);
    if (with_jacobian)
      {
        system_matrix.compress(VectorOperation::add);
        sys.db.compress(VectorOperation::add);
        sys.dc.compress(VectorOperation::add);
      }
    sys.constraint = Utilities::MPI::sum(g, comm) - current_from_particles;
    sys.dd         = Utilities::MPI::sum(dd, comm);
  }

  template <int dim>
  NewtonResult
  ElectrochemicalCell<dim>::solve_step(LA::Vector           &x,
                                       const LA::Vector     &history,
                                       double                a0,
                                       double                dt,
                                       const StepDrive      &drive,
                                       double                voltage_guess,
                                       const NewtonControls &controls)
  {
    NewtonResult result;
    double       phi_s = voltage_guess;
    // The current the particles must deliver (anodic, leaving them): the
    // applied current per active-material mass, as in the diffusion model.
    const double current_from_particles =
      -constants::faraday * drive.surface_flux * am_surface_area;
    apply_outer_potential(outer_potential(drive.current_density), x);

    System sys;
    sys.residual = owned_vector();
    sys.db       = owned_vector();
    sys.dc       = owned_vector();
    LA::Vector x_ghosted = ghosted_vector(), history_ghosted = ghosted_vector();
    history_ghosted = history;
    LA::Vector y = owned_vector(), z = owned_vector();
    const double c_max = materials.active.max_concentration;

    // Damped iterations may need more than the undamped Newton limit.
    for (unsigned int it = 0; it < 2 * controls.max_iterations; ++it)
      {
        x_ghosted = x;
        assemble(x_ghosted, history_ghosted, a0, dt, phi_s, current_from_particles, true, sys);
        if (!std::isfinite(sys.residual.l2_norm()) || !std::isfinite(sys.constraint))
          return result;
        // Bordered Newton step: J dx + b dphi = -R, dc.dx + dd dphi = -g.
        y = 0.;
        z = 0.;
        result.linear_iterations +=
          solve_linear_system(controls.linear_solver, system_matrix, y, sys.residual);
        result.linear_iterations +=
          solve_linear_system(controls.linear_solver, system_matrix, z, sys.db);
        constraints.distribute(y);
        constraints.distribute(z);
        const double denominator = sys.dd - sys.dc * z;
        if (!(std::abs(denominator) > 0.))
          return result;
        const double dphi = (sys.dc * y - sys.constraint) / denominator;
        y.add(dphi, z);
        // Damping: Butler-Volmer is exponential in the potentials, so a full
        // step from far away overshoots; no potential moves by more than
        // max_potential_step per iteration (a few RT/F).
        const double max_potential_step = 0.1; // [V]
        const double largest = std::max(std::abs(dphi), max_over(y, phi_dofs, comm));
        const double damping = largest > max_potential_step ? max_potential_step / largest : 1.;
        x.add(-damping, y);
        phi_s += damping * dphi;
        ++result.newton_iterations;
        if (!std::isfinite(phi_s))
          return result;
        // Converged when every unknown moves by less than the tolerance in
        // its own scale: c_max for c, 1 V for the potentials.
        const double tol = controls.tolerance;
        if (damping == 1. && max_over(y, c_dofs, comm) <= tol * c_max &&
            max_over(y, phi_dofs, comm) <= tol && std::abs(dphi) <= tol)
          {
            result.converged = true;
            result.voltage   = phi_s;
            return result;
          }
      }
    return result;
  }

  template <int dim>
  ActiveMaterialIntegrals<dim>
  ElectrochemicalCell<dim>::integrals() const
  {
    return {mapping, fe_collection[0], dof_handler, 0, coordinate_system, degree + 2,
            [this](const auto &c, unsigned int f) { return is_reaction_face(c, f); }};
  }

  template <int dim>
  double
  ElectrochemicalCell<dim>::amount_of_li(const LA::Vector &x) const
  {
    return integrals().amount(x);
  }

  template <int dim>
  double
  ElectrochemicalCell<dim>::surface_mean(const LA::Vector &x) const
  {
    return integrals().surface_integral(x) / am_surface_area;
  }

  template <int dim>
  std::pair<double, double>
  ElectrochemicalCell<dim>::l2_error(const LA::Vector    &x,
                                     const Function<dim> &exact,
                                     double               reference) const
  {
    return integrals().l2_error(x, exact, reference);
  }

  template <int dim>
  std::optional<double>
  ElectrochemicalCell<dim>::exchange_current_integral(const LA::Vector &x) const
  {
    // a_c = 1 until mechanics sets the contact fraction.
    const auto  &am = materials.active;
    const double alpha_a = am.alpha_anodic;
    ActiveMaterialIntegrals<dim> surface = integrals();
    return surface.surface_integral_of(x, [&](double c) {
      return exchange_current_density(am.exchange_current, c / am.max_concentration,
                                      alpha_a, 1. - alpha_a);
    });
  }

  template <int dim>
  double
  ElectrochemicalCell<dim>::max_of_time_dependent(const LA::Vector &v) const
  {
    return max_over(v, c_dofs, comm);
  }

  template class ElectrochemicalCell<1>;
  template class ElectrochemicalCell<2>;
  template class ElectrochemicalCell<3>;

  namespace
  {
    const bool registered = register_cell_model<ElectrochemicalCell>(
      "electrochemistry",
      "diffusion coupled to ionic conduction in coating and electrolyte and "
      "Butler-Volmer kinetics at the particle surface and the anode; the "
      "electrode potential follows from the applied current.");
  }
} // namespace ssbcell
