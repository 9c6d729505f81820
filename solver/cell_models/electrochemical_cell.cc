#include <deal.II/base/quadrature_lib.h>
#include <deal.II/base/timer.h>
#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/fe_nothing.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_system.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/lac/solver_control.h>
#include <deal.II/lac/sparsity_tools.h>

#include <meshes/ids.h>
#include <physics/constants.h>
#include <physics/input_error.h>
#include <solver/cell_models/electrochemical_cell.h>

#include <cmath>

namespace ssbcell
{
  using namespace dealii;

  namespace
  {
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

    ComponentMask
    mask(unsigned int component)
    {
      std::vector<bool> m(5, false);
      m[component] = true;
      return ComponentMask(m);
    }
  } // namespace

  template <int dim>
  ElectrochemicalCell<dim>::ElectrochemicalCell(const Triangulation<dim>  &triangulation,
                                                const Mapping<dim>        &mapping,
                                                unsigned int               degree,
                                                CoordinateSystem           coordinate_system,
                                                const Materials           &materials,
                                                const CellParameters      &cell,
                                                std::vector<ParticleClass> particle_classes)
    : mapping(mapping)
    , coordinate_system(coordinate_system)
    , materials(materials)
    , cell(cell)
    , comm(triangulation.get_communicator())
    , dof_handler(triangulation)
    , degree(degree)
    , binary(materials.electrolyte.transport->has_concentration())
  {
    // One particle in full contact needs no class bookkeeping.
    if (particle_classes.size() > 1 ||
        (particle_classes.size() == 1 && particle_classes[0].contact_fraction != 1.))
      classes = std::move(particle_classes);
    // Components c, phi_e, c_e, phi_e of a coating separated from the
    // electrolyte by an ion-transfer resistance (phi_e jumps there), and the
    // resolved electronic potential phi_s. Index 0: active material, 1:
    // single-ion conductor, 2: binary electrolyte, 3: no field (voids, and
    // carbon with an ideal network), 4: such a coating, 5: carbon.
    const FE_Q<dim>       q(degree);
    const FE_Nothing<dim> nothing;
    const auto           &solid = materials.electronic.resolved ?
                                    static_cast<const FiniteElement<dim> &>(q) :
                                    static_cast<const FiniteElement<dim> &>(nothing);
    fe_collection.push_back(FESystem<dim>(q, 1, nothing, 1, nothing, 1, nothing, 1, solid, 1));
    fe_collection.push_back(
      FESystem<dim>(nothing, 1, q, 1, nothing, 1, nothing, 1, nothing, 1));
    fe_collection.push_back(FESystem<dim>(nothing, 1, q, 1, q, 1, nothing, 1, nothing, 1));
    fe_collection.push_back(
      FESystem<dim>(nothing, 1, nothing, 1, nothing, 1, nothing, 1, nothing, 1));
    fe_collection.push_back(
      FESystem<dim>(nothing, 1, nothing, 1, nothing, 1, q, 1, nothing, 1));
    fe_collection.push_back(
      FESystem<dim>(nothing, 1, nothing, 1, nothing, 1, nothing, 1, q, 1));
  }

  template <int dim>
  const IonConductor &
  ElectrochemicalCell<dim>::conductor(types::material_id id) const
  {
    return id == material_id::coating ? materials.coating : materials.electrolyte;
  }

  template <int dim>
  void
  ElectrochemicalCell<dim>::setup(std::optional<double> fixed_surface_concentration)
  {
    if (fixed_surface_concentration)
      throw InputError("a fixed surface concentration is a diffusion-model "
                       "verification",
                       "set Model/Cell model = diffusion", "", 0,
                       "Verification/Exact solution");
    if (materials.coating.transport->has_concentration())
      throw InputError("a coating with a binary electrolyte model is not supported",
                       "coatings are single-ion conductors: set Model = single-ion", "", 0,
                       "Materials/Coating/Model");

    const auto &coating_options = materials.coating_options;
    split_coating               = coating_options.ion_transfer_resistance > 0. &&
                    coating_options.thin_layer_thickness == 0.;
    bool has_coating = false, has_anode = false, has_collector = false;
    for (const auto &c : dof_handler.active_cell_iterators())
      if (c->is_locally_owned())
        {
          const auto id = c->material_id();
          has_coating |= id == material_id::coating;
          c->set_active_fe_index(id == material_id::active_material ? 0 :
                                 id == material_id::coating         ? (split_coating ? 4 : 1) :
                                 id == material_id::carbon && materials.electronic.resolved ?
                                                              5 :
                                 id == material_id::electrolyte ? (binary ? 2 : 1) :
                                                                  3);
          if (is_ion_conductor(id))
            for (const unsigned int f : c->face_indices())
              has_anode |=
                c->face(f)->at_boundary() && c->face(f)->boundary_id() == boundary_id::anode;
          if (id == material_id::active_material || id == material_id::carbon)
            for (const unsigned int f : c->face_indices())
              has_collector |= c->face(f)->at_boundary() &&
                               c->face(f)->boundary_id() == boundary_id::collector;
        }
    has_coating   = Utilities::MPI::logical_or(has_coating, comm);
    has_anode     = Utilities::MPI::logical_or(has_anode, comm);
    has_collector = Utilities::MPI::logical_or(has_collector, comm);
    if (materials.electronic.resolved && !has_collector)
      throw InputError("a resolved electronic potential needs active material or carbon "
                       "on the current collector (boundary id 2)",
                       "use a mesh whose electrode touches the collector, or set "
                       "Model = ideal",
                       "", 0, "Materials/Electronic conduction/Model");
    if (has_coating && materials.coating_options.thin_layer_thickness > 0.)
      throw InputError("the mesh resolves the coating (material id 2) and a thin-layer "
                       "coating is set as well",
                       "set the thin-layer thickness to 0, or mesh without a coating", "", 0,
                       "Materials/Coating/Thin-layer thickness [m]");
    if (has_coating && binary)
      throw InputError("a binary electrolyte next to a resolved coating is not supported",
                       "use the thin-layer coating option (mesh without coating)", "", 0,
                       "Materials/Electrolyte/Model");
    if (split_coating && !has_coating)
      throw InputError("an ion-transfer resistance is set but there is no coating",
                       "mesh a coating (material id 2) or set a thin-layer thickness", "", 0,
                       "Materials/Coating/Ion-transfer resistance [ohm m^2]");
    lumped_anode = !has_anode;
    if (lumped_anode && dim > 1)
      throw InputError("no electrolyte face lies on the anode boundary (id 1)",
                       "the mesh needs an anode boundary", "", 0, "Geometry/Mesh generator");

    dof_handler.distribute_dofs(fe_collection);
    owned_dofs = dof_handler.locally_owned_dofs();
    DoFTools::extract_locally_relevant_dofs(dof_handler, relevant_dofs);
    c_dofs   = DoFTools::extract_dofs(dof_handler, mask(0));
    phi_dofs = DoFTools::extract_dofs(dof_handler, mask(1));
    phi_dofs.add_indices(DoFTools::extract_dofs(dof_handler, mask(3)));
    phis_dofs = DoFTools::extract_dofs(dof_handler, mask(4));
    phi_dofs.add_indices(phis_dofs); // every potential, for damping and convergence
    ce_dofs = DoFTools::extract_dofs(dof_handler, mask(2));

    const auto shared_nodes = setup_particle_classes();
    for (const auto &[dof, target] : shared_nodes)
      {
        relevant_dofs.add_index(dof);
        relevant_dofs.add_index(target);
      }
    constraints.clear();
    constraints.reinit(relevant_dofs);
    DoFTools::make_hanging_node_constraints(dof_handler, constraints);
    for (const auto &[dof, target] : shared_nodes)
      {
        constraints.add_line(dof);
        constraints.add_entry(dof, target, 1.);
      }
    tie_electronic_potential_across_carbon();
    constraints.close();

    // Cell couplings, plus the interface terms that couple an
    // active-material cell with its electrolyte neighbours (a full flux
    // pattern would couple every face neighbour: 64 instead of 27 entries a
    // row for Q1 in 3D, and far more fill and work in the solvers).
    DynamicSparsityPattern dsp(relevant_dofs);
    DoFTools::make_sparsity_pattern(dof_handler, dsp, constraints, false);
    // The same for the coating|electrolyte transfer terms.
    std::vector<types::global_dof_index> dofs_cell, dofs_neighbor;
    for (const auto &c : dof_handler.active_cell_iterators())
      if (c->is_locally_owned())
        for (const unsigned int f : c->face_indices())
          if ((c->material_id() == material_id::active_material && is_reaction_face(c, f)) ||
              (c->active_fe_index() == 4 && is_transfer_face(c, f)))
            {
              dofs_cell.resize(c->get_fe().n_dofs_per_cell());
              c->get_dof_indices(dofs_cell);
              const auto neighbor = c->neighbor(f);
              dofs_neighbor.resize(neighbor->get_fe().n_dofs_per_cell());
              neighbor->get_dof_indices(dofs_neighbor);
              dofs_cell.insert(dofs_cell.end(), dofs_neighbor.begin(), dofs_neighbor.end());
              constraints.add_entries_local_to_global(dofs_cell, dsp, false);
            }
    SparsityTools::distribute_sparsity_pattern(dsp, owned_dofs, comm, relevant_dofs);
    system_matrix.reinit(owned_dofs, owned_dofs, dsp, comm);
    linear_solver.reset(); // a new pattern needs a new factorisation

    // Measures of the active material and of its reacting surface.
    const QGauss<dim>     quadrature(degree + 2);
    const QGauss<dim - 1> face_quadrature(degree + 2);
    FEValues<dim>         fe_values(mapping, fe_collection[0], quadrature,
                                    update_JxW_values | update_quadrature_points);
    FEFaceValues<dim>     fe_face(mapping, fe_collection[0], face_quadrature,
                                  update_JxW_values | update_quadrature_points);
    double                volume = 0., area = 0.;
    for (const auto &c : dof_handler.active_cell_iterators())
      if (c->is_locally_owned() && c->material_id() == material_id::active_material)
        {
          fe_values.reinit(c);
          for (unsigned int q = 0; q < quadrature.size(); ++q)
            volume += fe_values.JxW(q) * weight(c, fe_values.quadrature_point(q));
          for (const unsigned int f : c->face_indices())
            if (is_reaction_face(c, f))
              {
                fe_face.reinit(c, f);
                for (unsigned int q = 0; q < face_quadrature.size(); ++q)
                  area += fe_face.JxW(q) * weight(c, fe_face.quadrature_point(q));
              }
        }
    am_volume       = Utilities::MPI::sum(volume, comm);
    am_surface_area = Utilities::MPI::sum(area, comm);
    if (!(am_surface_area > 0.))
      throw InputError("no active-material surface touches a coating or the "
                       "electrolyte, so no current can flow",
                       "give the particle a coating or an electrolyte shell", "", 0,
                       "Model/Cell model");
  }

  template <int dim>
  void
  ElectrochemicalCell<dim>::tie_electronic_potential_across_carbon()
  {
    // phi_s is continuous from active material (fe index 0) into carbon (5).
    // deal.II unifies the DoFs the two elements share on vertices and faces,
    // but in 3D not on edges (neither element dominates the other: only one
    // has c), so those are tied here, the carbon side to the AM side. Both
    // sides list a face's phi_s DoFs in the same order (same FE_Q).
    if (!materials.electronic.resolved || dim < 3)
      return;
    std::vector<types::global_dof_index> am_face, carbon_face;
    for (const auto &c : dof_handler.active_cell_iterators())
      if (!c->is_artificial() && c->active_fe_index() == 0)
        for (const unsigned int f : c->face_indices())
          if (!c->face(f)->at_boundary() && !c->neighbor(f)->is_artificial() &&
              c->neighbor(f)->active_fe_index() == 5)
            {
              const auto face = c->face(f);
              am_face.resize(fe_collection[0].n_dofs_per_face(f));
              carbon_face.resize(fe_collection[5].n_dofs_per_face(f));
              face->get_dof_indices(am_face, 0);
              face->get_dof_indices(carbon_face, 5);
              std::vector<types::global_dof_index> am_phis, carbon_phis;
              for (unsigned int i = 0; i < am_face.size(); ++i)
                if (fe_collection[0].face_system_to_component_index(i, f).first == 4)
                  am_phis.push_back(am_face[i]);
              for (unsigned int i = 0; i < carbon_face.size(); ++i)
                if (fe_collection[5].face_system_to_component_index(i, f).first == 4)
                  carbon_phis.push_back(carbon_face[i]);
              AssertDimension(am_phis.size(), carbon_phis.size());
              for (unsigned int k = 0; k < am_phis.size(); ++k)
                if (carbon_phis[k] != am_phis[k] &&
                    !constraints.is_constrained(carbon_phis[k]) &&
                    constraints.can_store_line(carbon_phis[k]))
                  {
                    constraints.add_line(carbon_phis[k]);
                    constraints.add_entry(carbon_phis[k], am_phis[k], 1.);
                  }
            }
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
    // Equilibrium: c0, phi_e = 0, c_e = c_ref, phi_s the open-circuit
    // voltage (eta = 0).
    x = 0.;
    for (const auto i : c_dofs)
      x(i) = c0;
    for (const auto i : ce_dofs)
      x(i) = materials.electrolyte.concentration;
    const double ocv = materials.active.ocp->value(c0 / materials.active.max_concentration) -
                       materials.anode.potential_vs_li;
    for (const auto i : phis_dofs)
      x(i) = ocv;
    x.compress(VectorOperation::insert);
    return ocv;
  }

  template <int dim>
  double
  ElectrochemicalCell<dim>::cell_current_density(double particle_current) const
  {
    // I_AM = -(I / loading) rho V_AM (the current per active-material mass).
    return -particle_current * cell.loading_kg_m2 / (materials.active.density * am_volume);
  }

  template <int dim>
  ADNumber
  ElectrochemicalCell<dim>::lumped_anode_current(const ADNumber &phi_e) const
  {
    // h(I) = (2/f) asinh(I/(2 i0)) + I R rises monotonically; Newton from
    // the bracket [-|target|/slope_min, ...] converges in a few steps.
    const double f  = constants::faraday / (constants::gas * cell.temperature_K);
    const double i0 = materials.anode.exchange_current;
    const double R  = cell.lumped_electrolyte_resistance(materials.electrolyte.conductivity);
    const double target = -phi_e.val();
    auto         h      = [&](double I) { return 2. / f * std::asinh(I / (2. * i0)) + I * R; };
    auto         dh = [&](double I) { return 2. / f / std::sqrt(4. * i0 * i0 + I * I) + R; };
    // |h(I)| >= |I| R and >= (2/f) asinh(|I|/(2 i0)): bounds for |I|.
    double bound = 2. * i0 * std::sinh(std::abs(target) * f / 2.);
    if (R > 0.)
      bound = std::min(bound, std::abs(target) / R);
    double lo = -bound, hi = bound, I = 0.;
    for (unsigned int it = 0; it < 200; ++it)
      {
        const double r = h(I) - target;
        if (r > 0.)
          hi = I;
        else
          lo = I;
        double next = I - r / dh(I);
        if (!(next >= lo && next <= hi))
          next = 0.5 * (lo + hi);
        const bool done = std::abs(next - I) <= 1e-15 * std::abs(next) || hi - lo <= 0.;
        I               = next;
        if (done)
          break;
      }
    // The value stays I; the derivative becomes dI/dphi_e = -1/h'(I).
    return I - (h(I) + phi_e) / dh(I);
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
    const bool   potentiostatic = drive.voltage.has_value();
    double       phi_s          = potentiostatic ? *drive.voltage : voltage_guess;
    // The current the particles must deliver (anodic, leaving them): the
    // applied current per active-material mass, as in the diffusion model.
    const double current_from_particles =
      potentiostatic ? 0. : -constants::faraday * drive.surface_flux * am_surface_area;

    System sys;
    sys.residual         = owned_vector();
    sys.db               = owned_vector();
    sys.dc               = owned_vector();
    LA::Vector x_ghosted = ghosted_vector(), history_ghosted = ghosted_vector();
    history_ghosted = history;
    LA::Vector   y = owned_vector(), z = owned_vector(), x_start = x, y_start = x;
    const double c_max = materials.active.max_concentration;
    const double c_ref = materials.electrolyte.concentration;
    double       step = 0., dphi = 0., phi_s_start = phi_s, dphi_start = 0.;
    unsigned int backtracks = 0;
    // The merit of the line search: the residual scaled row by row by the
    // Jacobian's diagonal at the first iterate and by the unknown's own
    // scale (c_max for c, c_ref for c_e, 1 V for the potentials), i.e. the
    // size of a Jacobi correction; and the current constraint over the
    // first Schur complement (in volts). The weights stay fixed during the
    // solve.
    LA::Vector row_weight        = owned_vector();
    double     constraint_weight = 0.;
    auto       set_weights       = [&]() {
      for (const auto &[set, scale] :
           {std::pair(&c_dofs, c_max), std::pair(&phi_dofs, 1.), std::pair(&ce_dofs, c_ref)})
        for (const auto i : *set)
          {
            const double d = std::abs(system_matrix.diag_element(i));
            row_weight(i)  = d > 0. ? 1. / (d * scale) : 0.;
          }
      row_weight.compress(VectorOperation::insert);
      constraint_weight = 0.; // set with the first Schur complement
    };
    auto merit = [&]() {
      double sum = 0.;
      for (const auto i : owned_dofs)
        sum += std::pow(row_weight(i) * sys.residual(i), 2);
      return Utilities::MPI::sum(sum, comm) +
             (potentiostatic ? 0. : std::pow(constraint_weight * sys.constraint, 2));
    };
    double last_merit = HUGE_VAL;
    // Backtrack from the last iterate x_start along its correction y_start.
    auto backtrack = [&]() {
      step /= 2.;
      x = x_start;
      x.add(-step, y_start);
      phi_s = phi_s_start + step * dphi_start;
    };

    // Damped iterations may need more than the undamped Newton limit.
    // Backtracked trials count apart, up to as many again.
    for (unsigned int it = 0; result.newton_iterations < 2 * controls.max_iterations &&
                              it < 4 * controls.max_iterations;
         ++it)
      {
        x_ghosted = x;
        Timer timer;
        assemble(x_ghosted, history_ghosted, a0, dt, phi_s, current_from_particles, true, sys);
        counters.assembly_time += timer.wall_time();
        counters.assemblies += 1;
        if (!std::isfinite(sys.residual.l2_norm()) || !std::isfinite(sys.constraint))
          {
            // Line search by backtracking: the last update left the domain
            // of the kinetics (e.g. exponentials overflowed); halve it.
            if (it == 0 || ++backtracks > 10)
              return result;
            backtrack();
            continue;
          }
        // Line search (Armijo on the merit): the step of length `step` from
        // x_start is kept if it decreased the merit by the fraction
        // 1e-4 step; otherwise it is halved, up to four times, and then kept
        // anyway (the time loop shortens the time step if Newton fails).
        // The test costs no extra assembly: the merit at the new point comes
        // with the next Newton system.
        if (result.newton_iterations == 0)
          set_weights();
        const double current_merit = merit();
        if (result.newton_iterations > 0 && current_merit > (1. - 1e-4 * step) * last_merit &&
            current_merit > 1e-24 && backtracks < 4)
          {
            ++backtracks;
            counters.backtracks += 1;
            backtrack();
            continue;
          }
        last_merit = current_merit;
        // Bordered Newton step: J dx + b dphi = -R, dc.dx + dd dphi = -g,
        // two solves with one factorisation (or preconditioner) of J.
        if (!linear_solver)
          {
            linear_solver = std::make_unique<LinearSolver>(controls.linear_solver, 200000);
            IndexSet electrolyte = phi_dofs;
            electrolyte.add_indices(ce_dofs);
            linear_solver->set_fields({c_dofs, electrolyte});
          }
        timer.restart();
        linear_solver->set_matrix(system_matrix);
        counters.setup_time += timer.wall_time();
        counters.setups += 1;
        timer.restart();
        y = 0.;
        try
          {
            result.linear_iterations += linear_solver->solve(y, sys.residual);
            counters.solves += 1;
            if (!potentiostatic)
              {
                z = 0.;
                result.linear_iterations += linear_solver->solve(z, sys.db);
                counters.solves += 1;
              }
          }
        catch (const SolverControl::NoConvergence &)
          {
            // A failed linear solve fails the Newton step: the time loop
            // retries with a shorter step.
            return result;
          }
        constraints.distribute(y);
        dphi = 0.;
        if (!potentiostatic)
          {
            constraints.distribute(z);
            const double denominator = sys.dd - sys.dc * z;
            if (!(std::abs(denominator) > 0.))
              return result;
            // g over dg/dphi_s with x following (the Schur complement):
            // the constraint's error in volts, also where g does not depend
            // on phi_s directly (resolved phi_s).
            if (result.newton_iterations == 0)
              {
                constraint_weight = 1. / std::abs(denominator);
                last_merit        = merit();
              }
            dphi = (sys.dc * y - sys.constraint) / denominator;
            y.add(dphi, z);
          }
        counters.solve_time += timer.wall_time();
        // Damping: Butler-Volmer is exponential in the potentials, so a full
        // step from far away overshoots; no potential moves by more than
        // max_potential_step per iteration (a few RT/F).
        const double max_potential_step = 0.1; // [V]
        const double largest = std::max(std::abs(dphi), max_over(y, phi_dofs, comm));
        step        = largest > max_potential_step ? max_potential_step / largest : 1.;
        x_start     = x;
        y_start     = y;
        phi_s_start = phi_s;
        dphi_start  = dphi;
        backtracks  = 0;
        x.add(-step, y);
        phi_s += step * dphi;
        ++result.newton_iterations;
        // Converged when every unknown moves by less than the tolerance in
        // its own scale: c_max for c, c_ref for c_e, 1 V for the potentials.
        const double tol = controls.tolerance;
        if (step == 1. && max_over(y, c_dofs, comm) <= tol * c_max &&
            max_over(y, phi_dofs, comm) <= tol && max_over(y, ce_dofs, comm) <= tol * c_ref &&
            std::abs(dphi) <= tol)
          {
            result.converged = true;
            result.voltage   = phi_s;
            result.current_density =
              potentiostatic ? cell_current_density(sys.constraint) : drive.current_density;
            return result;
          }
      }
    return result;
  }

  template <int dim>
  ActiveMaterialIntegrals<dim>
  ElectrochemicalCell<dim>::integrals() const
  {
    return {mapping,
            fe_collection[0],
            dof_handler,
            0,
            coordinate_system,
            degree + 2,
            [this](const auto &c, unsigned int f) { return is_reaction_face(c, f); },
            [this](const auto &c) { return class_weight(c); }};
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
  double
  ElectrochemicalCell<dim>::max_of_time_dependent(const LA::Vector &v) const
  {
    // c_e in the scale of c: the local-error test divides by c_max.
    const double c_scale =
      materials.active.max_concentration / materials.electrolyte.concentration;
    return std::max(max_over(v, c_dofs, comm), c_scale * max_over(v, ce_dofs, comm));
  }

  template <int dim>
  std::vector<std::pair<std::string, double>>
  ElectrochemicalCell<dim>::diagnostics(const LA::Vector &x) const
  {
    auto result = population_diagnostics(x);
    if (!binary)
      return result;
    // The salt's range shows depletion (a limiting current) at a glance.
    double lo = HUGE_VAL, hi = -HUGE_VAL;
    for (const auto i : ce_dofs)
      {
        lo = std::min(lo, x(i));
        hi = std::max(hi, x(i));
      }
    result.emplace_back("electrolyte_concentration_min_mol_m3", Utilities::MPI::min(lo, comm));
    result.emplace_back("electrolyte_concentration_max_mol_m3", Utilities::MPI::max(hi, comm));
    return result;
  }

  template class ElectrochemicalCell<1>;
  template class ElectrochemicalCell<2>;
  template class ElectrochemicalCell<3>;

  namespace
  {
    const bool registered = register_cell_model<ElectrochemicalCell>(
      "electrochemistry",
      "diffusion coupled to Li+ transport in coating and electrolyte "
      "(single-ion or binary) and Butler-Volmer kinetics at the particle "
      "surface and the anode; the electrode potential follows from the "
      "applied current, or the current from a held voltage.");
  }
} // namespace ssbcell
