#include <deal.II/base/function.h>
#include <deal.II/distributed/shared_tria.h>
#include <deal.II/distributed/tria.h>
#include <deal.II/fe/mapping_q.h>

#include <meshes/ids.h>
#include <meshes/mesh_generator.h>
#include <physics/constants.h>
#include <solver/time_integration/bdf2.h>
#include <solver/time_integration/simulator.h>

#include <cmath>
#include <iomanip>
#include <sstream>

namespace ssbcell
{
  using namespace dealii;

  template <int dim>
  Simulator<dim>::Simulator(const RunParameters &parameters,
                            ParameterHandler    &prm,
                            RunLog              &log,
                            MPI_Comm             comm)
    : par(parameters)
    , prm(prm)
    , log(log)
    , comm(comm)
    // Rank-local timer: an MPI one prints a banner when an error unwinds.
    , timer(log.out(), TimerOutput::never, TimerOutput::wall_times)
  {
  }

  template <int dim>
  Simulator<dim>::~Simulator() = default;

  template <int dim>
  void
  Simulator<dim>::setup(const std::string &output_directory)
  {
    TimerOutput::Scope scope(timer, "setup");
    // p4est partitions 2D/3D meshes; a 1D mesh is small and is shared.
    if constexpr (dim == 1)
      triangulation = std::make_unique<parallel::shared::Triangulation<dim>>(comm);
    else
      triangulation = std::make_unique<parallel::distributed::Triangulation<dim>>(comm);
    particle_classes = create_mesh(prm, par.geometry, *triangulation);

    const unsigned int mapping_degree = run_mapping_degree(dim, par.fe_degree);
    mapping                           = std::make_unique<MappingQ<dim>>(mapping_degree);
    measures =
      compute_region_measures(*triangulation, *mapping, par.geometry.coordinate_system);
    log.out() << "Mesh: " << triangulation->n_global_active_cells() << " cells, " << dim
              << "D " << to_string(par.geometry.coordinate_system) << ", generator '"
              << par.geometry.mesh_generator << "'\n";
    measures.print(log.out());
    // A mesh that resolves the cell (an anode boundary) defines its own
    // loading: the active-material mass over the anode area. The Cell
    // parameter describes the electrode a particle model stands for.
    cell             = par.cell;
    const auto anode = measures.boundary_area.find(boundary_id::anode);
    if (anode != measures.boundary_area.end() && anode->second > 0.)
      {
        cell.loading_kg_m2 = par.materials.active.density *
                             measures.volume_of(material_id::active_material) / anode->second;
        log.out() << "Active-material loading of the mesh: " << 100. * cell.loading_kg_m2
                  << " mg/cm^2 (mass over anode area; it sets the C-rate)\n";
      }

    if (par.exact_solution != "none")
      {
        exact = ExactSolutionRegistry::instance().create(par.exact_solution);
        prm.enter_subsection("Verification");
        exact->parse_parameters(prm);
        prm.leave_subsection();
      }
    problem = CellProblemRegistry<dim>::instance().create(
      par.cell_model, CellProblemContext<dim>{*triangulation, *mapping, par.fe_degree,
                                              par.geometry.coordinate_system, par.materials,
                                              cell, particle_classes});
    newton_controls = {par.time_stepping.max_newton_iterations,
                       par.time_stepping.newton_tolerance, par.linear_solver};
    const bool population =
      particle_classes.size() > 1 ||
      (particle_classes.size() == 1 && particle_classes[0].contact_fraction != 1.);
    if (population && !problem->has_interface_kinetics())
      throw InputError("particle classes share the electrode potential, which the '" +
                         par.cell_model + "' cell model does not have",
                       "use Model/Cell model = electrochemistry", "", 0,
                       "Geometry/Spherical particle/Particle class radii [m]");
    problem->setup(exact ? exact->fixed_surface_concentration() : std::nullopt);
    if (par.mechanics.enabled)
      {
        auto *electrochemistry = dynamic_cast<ElectrochemicalCell<dim> *>(problem.get());
        if (!electrochemistry)
          throw InputError("the mechanics couples to the electrochemistry model",
                           "set Model/Cell model = electrochemistry", "", 0,
                           "Mechanics/Enabled");
        mechanics =
          std::make_unique<MechanicsCoupling<dim>>(*triangulation, *mapping, par.fe_degree,
                                                   par.geometry.coordinate_system,
                                                   par.materials, par.mechanics,
                                                   cell.temperature_K, prm, *electrochemistry);
      }
    for (const auto &step : par.protocol.steps)
      if (step.kind == StepKind::hold && !problem->has_potentiostatic_mode())
        throw InputError("'" + step.text + "': the '" + par.cell_model +
                           "' cell model has no cell voltage to hold",
                         "use Model/Cell model = electrochemistry", "", 0, "Protocol/Steps");
    log.out() << "Active material: " << problem->get_dof_handler().n_dofs() << " unknowns (Q"
              << par.fe_degree << "), volume " << problem->volume() << " m^3, surface "
              << problem->surface_area() << " m^2\n";

    const double c0 =
      par.materials.active.initial_stoichiometry * par.materials.active.max_concentration;
    if (exact)
      {
        exact_setup.dimension             = dim;
        exact_setup.coordinate_system     = par.geometry.coordinate_system;
        exact_setup.radius                = par.geometry.particle_radius;
        exact_setup.diffusivity           = par.materials.active.diffusivity->value(0.5);
        exact_setup.constant_diffusivity  = par.materials.active.diffusivity->is_constant();
        exact_setup.initial_concentration = c0;
        exact_setup.n_protocol_steps      = par.protocol.steps.size();
        const auto  &step                 = par.protocol.steps.front();
        const double current =
          step.kind == StepKind::rest ?
            0. :
            (step.current.is_c_rate ? step.current.value * cell.one_c_current() :
                                      step.current.value) *
              (step.kind == StepKind::charge ? -1. : 1.);
        exact_setup.surface_flux = drive_for(current).surface_flux;
        exact->check(exact_setup);
      }

    LA::Vector   c               = problem->owned_vector();
    const double initial_voltage = problem->set_initial_state(c0, c);
    history.clear();
    history.push_front({0., c, initial_voltage, 0.});
    if (mechanics) // the stack pressure (and no chemical strain yet)
      {
        mechanics->update(c);
        mechanics->accept();
      }
    // The Li of the uniform initial state (for a prescribed surface
    // concentration the surface values already differ at t = 0).
    li_initial = c0 * problem->volume();
    last_state = evaluate(c, initial_voltage, 0.);

    std::vector<std::string> columns = {
      "time_s", "step", "current_A_m2",      "voltage_V",        "capacity_mAh_g",
      "soc",    "dt_s", "newton_iterations", "linear_iterations"};
    if (dim == 1) // particle models
      {
        columns.push_back("c_surface_mol_m3");
        columns.push_back("c_mean_mol_m3");
      }
    if (exact)
      columns.push_back("error_L2_rel");
    if (mechanics)
      {
        columns.push_back("contact_fraction_mean");
        columns.push_back("coupling_iterations");
        if (dim == 1)
          {
            columns.push_back("hydrostatic_stress_center_Pa");
            columns.push_back("hoop_stress_surface_Pa");
          }
      }
    statistics = std::make_unique<StatisticsFile>(output_directory + "/statistics.csv",
                                                  columns, log.is_root());
    if (par.output.write_solution)
      solution_output =
        std::make_unique<SolutionOutput<dim>>(output_directory, mapping_degree);
  }

  template <int dim>
  LA::Vector
  Simulator<dim>::ghosted(const LA::Vector &c_owned) const
  {
    LA::Vector g = problem->ghosted_vector();
    g            = c_owned;
    return g;
  }

  template <int dim>
  StepDrive
  Simulator<dim>::drive_for(double current_density) const
  {
    // The current per active-material mass, spread uniformly over the
    // particle surface: N = (I / loading) rho V_AM / (F A_AM). The same
    // relation holds for one particle or a population of equal particles.
    const double per_mass = current_density / cell.loading_kg_m2; // A/kg
    return {current_density,
            per_mass * par.materials.active.density * problem->volume() /
              (constants::faraday * problem->surface_area()),
            std::nullopt};
  }

  template <int dim>
  typename Simulator<dim>::State
  Simulator<dim>::evaluate(const LA::Vector &c_owned, double voltage, double current) const
  {
    const LA::Vector c = ghosted(c_owned);
    State            s;
    s.c_surface     = problem->surface_mean(c);
    s.c_mean        = problem->amount_of_li(c) / problem->volume();
    s.theta_surface = s.c_surface / par.materials.active.max_concentration;
    s.voltage       = voltage;
    s.current       = current;
    return s;
  }

  template <int dim>
  NewtonResult
  Simulator<dim>::advance(double dt, const StepDrive &drive, LA::Vector &c_new)
  {
    TimerOutput::Scope scope(timer, "solve step");
    const LA::Vector  &c_n    = history[0].x;
    const double       h_prev = history.size() >= 2 ? history[0].time - history[1].time : 0.;
    const auto         coeff  = bdf2_coefficients(dt, h_prev);

    LA::Vector history_term = problem->owned_vector();
    history_term.add(coeff.a1, c_n);
    c_new = c_n;
    if (history.size() >= 2)
      {
        history_term.add(coeff.a2, history[1].x);
        // Linear extrapolation is a better Newton start than c^n.
        c_new.sadd(1. + dt / h_prev, -dt / h_prev, history[1].x);
      }
    // Within the coupling iterations, each re-solve starts from the last.
    double     voltage_guess = history[0].voltage;
    const auto solve         = [&] {
      const NewtonResult r = problem->solve_step(c_new, history_term, coeff.a0, dt, drive,
                                                         voltage_guess, newton_controls);
      if (r.converged)
        voltage_guess = r.voltage;
      return r;
    };
    return mechanics ? mechanics->solve_step(c_new, solve) : solve();
  }

  template <int dim>
  bool
  Simulator<dim>::advance_with_retries(double          &dt,
                                       const StepDrive &drive,
                                       LA::Vector      &c_new,
                                       NewtonResult    &result)
  {
    for (unsigned int attempt = 0; attempt <= par.time_stepping.max_retries; ++attempt)
      {
        result = advance(dt, drive, c_new);
        if (result.converged)
          return true;
        log.out() << "  " << (mechanics ? "Newton or the mechanics coupling" : "Newton")
                  << " did not converge at t = " << time << " s with dt = " << dt
                  << " s; retrying with dt/2\n";
        dt /= 2.;
      }
    return false;
  }

  template <int dim>
  double
  Simulator<dim>::li_inventory_error() const
  {
    const double li_now = problem->amount_of_li(ghosted(history[0].x));
    if (exact && exact->mean_concentration(time, exact_setup))
      {
        // Prescribed surface concentration: no charge is counted, so compare
        // the uptake with the exact one (a discretisation error, not round-off).
        const double expected =
          (*exact->mean_concentration(time, exact_setup) - exact_setup.initial_concentration) *
          problem->volume();
        return expected == 0. ? 0. :
                                std::abs(li_now - li_initial - expected) / std::abs(expected);
      }
    const double mismatch = std::abs(li_now - li_initial - li_passed_net);
    return li_passed_gross > 0. ? mismatch / li_passed_gross : mismatch / li_initial;
  }

  template <int dim>
  double
  Simulator<dim>::verification_error(const LA::Vector &c_owned, double t) const
  {
    const DiffusionSetup                 &setup    = exact_setup;
    const ExactDiffusionSolution         *solution = exact.get();
    ScalarFunctionFromFunctionObject<dim> exact_function([&](const Point<dim> &p) {
      std::array<double, 3> x{};
      for (unsigned int d = 0; d < dim; ++d)
        x[d] = p[d];
      return solution->value(x, t, setup);
    });
    const auto [error, norm] =
      problem->l2_error(ghosted(c_owned), exact_function, setup.initial_concentration);
    return norm > 0. ? error / norm : error;
  }

  template <int dim>
  void
  Simulator<dim>::write_solution()
  {
    if (!solution_output)
      return;
    TimerOutput::Scope scope(timer, "output");
    const LA::Vector   x      = ghosted(history[0].x);
    auto               fields = problem->cell_fields(x, history[0].voltage);
    if (mechanics)
      for (auto &field : mechanics->cell_fields())
        fields.push_back(std::move(field));
    solution_output->write(problem->get_dof_handler(), *mapping, x, problem->field_names(),
                           fields, par.materials.active.max_concentration, time,
                           [this](DataOut<dim> &data_out) {
                             if (mechanics)
                               mechanics->add_data_vectors(data_out);
                           });
  }

  template <int dim>
  double
  Simulator<dim>::capacity_since(double li_start) const
  {
    // mol * C/mol / kg = C/kg; 1 mAh/g = 3600 C/kg.
    return std::abs(history[0].li_passed - li_start) * constants::faraday /
           (par.materials.active.density * problem->volume()) / 3600.;
  }

  template <int dim>
  void
  Simulator<dim>::accept(double              dt,
                         const LA::Vector   &c_new,
                         const State        &state,
                         const NewtonResult &result,
                         unsigned int        step_index)
  {
    const double current_density = result.current_density;
    // The Li passed, integrated by the same BDF formula as the state, so the
    // inventory balances to round-off also when the current varies (Hold).
    const double h_prev = history.size() >= 2 ? history[0].time - history[1].time : 0.;
    const auto   coeff  = bdf2_coefficients(dt, h_prev);
    const double rate   = drive_for(current_density).surface_flux * problem->surface_area();
    double       li_new = dt * rate - coeff.a1 * history[0].li_passed;
    if (history.size() >= 2)
      li_new -= coeff.a2 * history[1].li_passed;
    li_new /= coeff.a0;
    const double li_step = li_new - history[0].li_passed;
    time += dt;
    last_state = state;
    history.push_front({time, c_new, state.voltage, li_new});
    if (history.size() > 3)
      history.pop_back();
    ++n_accepted;
    if (mechanics) // the stress of the accepted state starts the next step
      {
        mechanics->update(c_new);
        mechanics->accept();
      }
    li_passed_net += li_step;
    li_passed_gross += std::abs(li_step);
    max_li_error = std::max(max_li_error, li_inventory_error());

    const double        capacity = capacity_since(li_at_step_start); // mAh/g
    std::vector<double> row      = {time,
                                    double(step_index),
                                    current_density,
                                    state.voltage,
                                    capacity,
                                    state.c_mean / par.materials.active.max_concentration,
                                    dt,
                                    double(result.newton_iterations),
                                    double(result.linear_iterations)};
    if (dim == 1)
      {
        row.push_back(state.c_surface);
        row.push_back(state.c_mean);
      }
    if (exact)
      {
        last_verification_error = verification_error(c_new, time);
        row.push_back(last_verification_error);
      }
    if (mechanics)
      {
        row.push_back(mechanics->mean_contact_fraction());
        row.push_back(result.coupling_iterations);
        if (dim == 1)
          {
            const auto [centre, surface] = mechanics->particle_stresses();
            row.push_back(centre);
            row.push_back(surface);
          }
      }
    statistics->write_row(row);
    if (par.output.solution_every > 0 && n_accepted % par.output.solution_every == 0)
      write_solution();
  }

  template <int dim>
  StepRecord
  Simulator<dim>::run_protocol_step(unsigned int index, bool &ends_repeat)
  {
    const ProtocolStep &step = par.protocol.steps[index];
    const auto         &ts   = par.time_stepping;
    StepRecord          record;
    record.index = index;
    record.kind  = to_string(step.kind);
    record.text  = step.text;
    record.cycle = step.cycle;

    const double magnitude =
      step.kind == StepKind::rest ?
        0. :
        (step.current.is_c_rate ? step.current.value * cell.one_c_current() :
                                  step.current.value);
    // I > 0 is discharge (lithiation of the cathode).
    const double current = step.kind == StepKind::charge ? -magnitude : magnitude;
    StepDrive    drive   = drive_for(current);
    if (step.kind == StepKind::hold)
      drive = {0., 0., step.hold_voltage_V};

    std::vector<Event> events;
    auto               add_voltage_event = [&](double v, bool repeat) {
      if (step.kind == StepKind::charge)
        events.push_back({"voltage cut-off", ts.voltage_tolerance,
                          [v](const State &s) { return s.voltage - v; }, repeat});
      else if (step.kind == StepKind::discharge)
        events.push_back({"voltage cut-off", ts.voltage_tolerance,
                          [v](const State &s) { return v - s.voltage; }, repeat});
    };
    if (step.until_voltage_V)
      add_voltage_event(*step.until_voltage_V, false);
    if (step.until_current)
      {
        const double limit = step.until_current->is_c_rate ?
                               step.until_current->value * cell.one_c_current() :
                               step.until_current->value;
        // The held current decays towards zero; the step ends at |I| = limit.
        events.push_back({"current cut-off", 1e-4 * limit,
                          [limit](const State &s) { return limit - std::abs(s.current); }});
      }
    if (step.repeat_block >= 0 && par.protocol.repeats[step.repeat_block].until_voltage_V)
      add_voltage_event(*par.protocol.repeats[step.repeat_block].until_voltage_V, true);
    // The host cannot take more Li than c_max nor give up more than it has.
    // With interface kinetics the exchange current vanishes there and the
    // voltage falls first; without them, nothing else stops the step.
    if (!problem->has_interface_kinetics() && step.kind == StepKind::discharge)
      events.push_back(
        {"stoichiometry limit", 1e-7, [](const State &s) { return s.theta_surface - 1.; }});
    if (!problem->has_interface_kinetics() && step.kind == StepKind::charge)
      events.push_back(
        {"stoichiometry limit", 1e-7, [](const State &s) { return -s.theta_surface; }});

    const double          step_start = time;
    std::optional<double> step_end;
    if (step.duration_s)
      step_end = time + *step.duration_s;
    State state      = evaluate(history[0].x, history[0].voltage, last_state.current);
    li_at_step_start = history[0].li_passed;
    history.resize(1); // the current changes: restart BDF with backward Euler

    log.out() << "Step " << index << ": " << step.text << "\n";
    for (const auto &e : events)
      if (e.g(state) >= 0. && !(step.kind == StepKind::hold && e.reason == "current cut-off"))
        {
          record.end_reason    = e.reason;
          record.end_voltage_V = state.voltage;
          ends_repeat          = e.ends_repeat;
          log.out() << "  already at its end condition (" << e.reason << ")\n";
          return record;
        }

    double       dt    = ts.fixed_step > 0. ? ts.fixed_step : ts.initial_step;
    LA::Vector   c_new = problem->owned_vector();
    NewtonResult result;
    unsigned int rejections_in_a_row = 0;
    while (true)
      {
        bool last = false;
        if (step_end && time + dt >= *step_end - 1e-9 * dt)
          {
            dt   = *step_end - time;
            last = true;
          }
        if (!advance_with_retries(dt, drive, c_new, result))
          {
            record.end_reason = "failed";
            break;
          }
        if (dt < (step_end ? *step_end - time : HUGE_VAL) - 1e-9 * dt)
          last = false; // a retry shortened the step
        // Local error control, once three solutions are known.
        double factor = 2.;
        if (ts.fixed_step == 0. && history.size() >= 3)
          {
            const auto w = quadratic_extrapolation_weights(time + dt, history[0].time,
                                                           history[1].time, history[2].time);
            LA::Vector difference(c_new);
            difference.add(-w[0], history[0].x, -w[1], history[1].x);
            difference.add(-w[2], history[2].x);
            const double error =
              bdf2_error_factor * problem->max_of_time_dependent(difference) /
              (ts.relative_tolerance * par.materials.active.max_concentration);
            factor = step_size_factor(error);
            if (error > 1.)
              {
                ++n_rejected;
                if (++rejections_in_a_row > 50)
                  {
                    record.end_reason = "failed";
                    break;
                  }
                dt *= factor;
                continue;
              }
          }
        rejections_in_a_row = 0;

        State        new_state = evaluate(c_new, result.voltage, result.current_density);
        const Event *triggered = nullptr;
        for (const auto &e : events)
          if (e.g(new_state) >= 0.)
            {
              triggered = &e;
              break;
            }
        if (triggered)
          {
            // Locate the crossing; if another event has already happened at
            // that point, it came first: locate that one inside the step.
            // (A hold's current is known only after its first step: if it is
            // below the cut-off at once, there is no crossing to locate.)
            for (unsigned int round = 0; round < 10 && triggered->g(state) < 0.; ++round)
              {
                const double before = dt;
                dt = locate_event(*triggered, state, dt, drive, c_new, new_state, result);
                const Event *earlier = nullptr;
                for (const auto &e : events)
                  if (&e != triggered && e.g(new_state) >= 0.)
                    earlier = &e;
                // Stop unless the other event can still be moved earlier.
                if (!earlier || !(dt < before))
                  break;
                triggered = earlier;
              }
            accept(dt, c_new, new_state, result, index);
            state             = new_state;
            record.end_reason = triggered->reason;
            ends_repeat       = triggered->ends_repeat;
            break;
          }

        accept(dt, c_new, new_state, result, index);
        state = new_state;
        report_progress(index, state, step_start);
        if (last)
          {
            record.end_reason = "time";
            break;
          }
        dt = ts.fixed_step > 0. ? ts.fixed_step : std::min(dt * factor, ts.max_step);
      }

    record.duration_s       = time - step_start;
    record.capacity_mAh_g   = capacity_since(li_at_step_start);
    record.capacity_mAh_cm2 = record.capacity_mAh_g * cell.loading_kg_m2 * 0.1;
    record.end_voltage_V    = state.voltage;
    record.end_current_A_m2 = state.current;
    record.losses = problem->voltage_losses(ghosted(history[0].x), history[0].voltage);
    log.out() << "  " << record.end_reason << " after " << record.duration_s / 3600.
              << " h: " << record.capacity_mAh_g << " mAh/g, " << state.voltage
              << " V vs anode, surface theta " << state.theta_surface << "\n";
    write_solution();
    return record;
  }

  template <int dim>
  double
  Simulator<dim>::locate_event(const Event     &event,
                               const State     &before,
                               double           dt,
                               const StepDrive &drive,
                               LA::Vector      &c_new,
                               State           &new_state,
                               NewtonResult    &result)
  {
    // Illinois (modified regula falsi) on the step size for g = 0; every
    // trial is a full implicit step from the same history. The bracket
    // [lo, hi] keeps g(lo) < 0 <= g(hi); hi is the step returned.
    double lo = 0., g_lo = event.g(before);
    double hi = dt, g_hi = event.g(new_state);
    double hi_limit = dt; // below the smallest step whose solve failed
    int    side     = 0;
    for (unsigned int it = 0; it < 60; ++it)
      {
        if (std::abs(g_hi) <= event.tolerance || hi - lo < 1e-10 * hi)
          break;
        double trial = (lo * g_hi - hi * g_lo) / (g_hi - g_lo);
        if (!(trial > lo && trial < hi_limit))
          trial = 0.5 * (lo + std::min(hi, hi_limit));
        if (hi_limit - lo < 1e-10 * hi)
          break;
        double       trial_dt = trial;
        NewtonResult trial_result;
        LA::Vector   c_trial = problem->owned_vector();
        if (!advance_with_retries(trial_dt, drive, c_trial, trial_result) || trial_dt != trial)
          {
            // No solution that far (e.g. the kinetics cannot carry the
            // current any more): the event lies before; search below it.
            hi_limit = std::min(hi_limit, trial);
            side     = 0;
            continue;
          }
        const State trial_state =
          evaluate(c_trial, trial_result.voltage, trial_result.current_density);
        const double g = event.g(trial_state);
        if (g >= 0.)
          {
            hi = trial, g_hi = g, c_new = c_trial, new_state = trial_state;
            result = trial_result;
            if (side == -1)
              g_lo /= 2.;
            side = -1;
          }
        else
          {
            lo = trial, g_lo = g;
            if (side == 1)
              g_hi /= 2.;
            side = 1;
          }
      }
    return hi;
  }

  template <int dim>
  void
  Simulator<dim>::report_progress(unsigned int step_index,
                                  const State &state,
                                  double       step_start)
  {
    const double wall = wall_clock.wall_time();
    if (wall - last_progress_wall < 2.)
      return;
    last_progress_wall = wall;
    const double fraction =
      estimated_total_time > 0. ? std::min(0.99, time / estimated_total_time) : 0.;
    std::ostringstream line;
    line << std::fixed << std::setprecision(3) << "  step " << step_index
         << ": t = " << (time - step_start) / 3600. << " h, V = " << state.voltage << " V";
    if (fraction > 0.)
      line << "  [" << std::setprecision(0) << 100. * fraction << " %, about "
           << wall * (1. - fraction) / fraction << " s left]";
    log.progress(line.str());
  }

  template <int dim>
  int
  Simulator<dim>::run(const std::string &output_directory)
  {
    setup(output_directory);
    write_solution();

    // Expected duration, for the progress estimate: a cut-off step is
    // guessed to pass the nominal capacity.
    for (const auto &step : par.protocol.steps)
      if (step.duration_s)
        estimated_total_time += *step.duration_s;
      else if (step.kind == StepKind::hold)
        estimated_total_time += 3600.; // a guess: holds end at a small current
      else if (step.kind != StepKind::rest)
        estimated_total_time +=
          3600. / (step.current.is_c_rate ? step.current.value :
                                            step.current.value / cell.one_c_current());

    std::string status = "ok", message = "completed";
    int         skip_block = -1;
    for (unsigned int i = 0; i < par.protocol.steps.size(); ++i)
      {
        const auto &step = par.protocol.steps[i];
        if (step.repeat_block >= 0 && step.repeat_block == skip_block)
          continue;
        bool ends_repeat = false;
        records.push_back(run_protocol_step(i, ends_repeat));
        if (ends_repeat)
          skip_block = step.repeat_block;
        if (records.back().end_reason == "failed")
          {
            status  = "failed";
            message = "the time step could not be completed at t = " + std::to_string(time) +
                      " s (Newton did not converge after " +
                      std::to_string(par.time_stepping.max_retries) + " step halvings)";
            break;
          }
      }

    const double li_error = li_inventory_error();
    final_diagnostics     = problem->diagnostics(ghosted(history[0].x));
    if (mechanics)
      {
        for (const auto &d : mechanics->diagnostics())
          final_diagnostics.push_back(d);
        final_contact_by_angle = mechanics->contact_by_angle();
      }
    // Linearised charge-transfer resistance per geometric cell area:
    // RT / (F int i0 a_c dA), the active-material surface scaled to the
    // cell area by the loading (as the current is).
    charge_transfer_resistance = std::nan("");
    if (const auto i0_integral = problem->exchange_current_integral(ghosted(history[0].x)))
      {
        const double surface_per_cell_area = cell.loading_kg_m2 /
                                             par.materials.active.density *
                                             problem->surface_area() / problem->volume();
        const double i0_mean       = *i0_integral / problem->surface_area();
        charge_transfer_resistance = constants::gas * cell.temperature_K /
                                     (constants::faraday * i0_mean * surface_per_cell_area);
        log.out() << "Charge-transfer resistance (linearised, end of run): "
                  << charge_transfer_resistance << " ohm m^2 of cell area\n";
      }
    log.out() << "Li inventory: relative error " << li_error << " (largest during the run "
              << max_li_error << ")\n";
    if (exact)
      log.out() << "Verification (" << par.exact_solution << "): relative L2 error at the end "
                << last_verification_error << "\n";
    log.out() << n_accepted << " time steps accepted, " << n_rejected << " rejected; "
              << "status " << status << "\n";
    write_summary(output_directory + "/summary.json", status, message, li_error);
    timer.print_wall_time_statistics(comm);
    return status == "ok" ? 0 : 3;
  }

  template class Simulator<1>;
  template class Simulator<2>;
  template class Simulator<3>;
} // namespace ssbcell
