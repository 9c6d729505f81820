#include <physics/constants.h>
#include <solver/time_integration/simulator.h>

#include <cmath>

namespace ssbcell
{
  using namespace dealii;

  template <int dim>
  Simulator<dim>::~Simulator() = default;

  template <int dim>
  const LA::Vector &
  Simulator<dim>::ghosted(const LA::Vector &x_owned) const
  {
    // Made once per layout: creating a ghosted PETSc vector costs more
    // than a 1D assembly.
    if (ghost_buffer.size() != x_owned.size() ||
        ghost_buffer.locally_owned_size() != x_owned.locally_owned_size())
      ghost_buffer = problem->ghosted_vector();
    ghost_buffer = x_owned;
    return ghost_buffer;
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
  CellState
  Simulator<dim>::evaluate(const LA::Vector &x_owned, double voltage, double current) const
  {
    const LA::Vector &x = ghosted(x_owned);
    CellState         s;
    s.c_surface     = problem->surface_mean(x);
    s.c_mean        = problem->amount_of_li(x) / problem->volume();
    s.theta_surface = s.c_surface / par.materials.active.max_concentration;
    s.voltage       = voltage;
    s.current       = current;
    return s;
  }

  template <int dim>
  NewtonResult
  Simulator<dim>::advance(double           dt,
                          const StepDrive &drive,
                          LA::Vector      &x_new,
                          double           initial_voltage)
  {
    TimerOutput::Scope scope(timer, "solve step");
    const auto         coefficients = history.coefficients(dt);
    LA::Vector         history_term = problem->owned_vector();
    history.history_term(coefficients, history_term);
    history.predict(dt, x_new);
    // Within the coupling iterations, each re-solve starts from the last.
    double voltage_guess =
      std::isnan(initial_voltage) ? history.predict_voltage(dt) : initial_voltage;
    // `iteration_limit`: of an inexact solve within the coupling (0: none).
    const auto solve = [&](unsigned int iteration_limit) {
      NewtonControls controls  = newton_controls;
      controls.iteration_limit = iteration_limit;
      const NewtonResult r     = problem->solve_step(x_new, history_term, coefficients.a0, dt,
                                                     drive, voltage_guess, controls);
      if (r.converged)
        voltage_guess = r.voltage;
      return r;
    };
    return mechanics ? mechanics->solve_step(x_new, solve) : solve(0);
  }

  template <int dim>
  bool
  Simulator<dim>::advance_with_retries(double          &dt,
                                       const StepDrive &drive,
                                       LA::Vector      &x_new,
                                       NewtonResult    &result,
                                       double           voltage_guess)
  {
    for (unsigned int attempt = 0; attempt <= par.time_stepping.max_retries; ++attempt)
      {
        result = advance(dt, drive, x_new, voltage_guess);
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
  void
  Simulator<dim>::accept(double              dt,
                         const LA::Vector   &x_new,
                         const CellState    &state,
                         const NewtonResult &result,
                         unsigned int        step_index)
  {
    const double rate =
      drive_for(result.current_density).surface_flux * problem->surface_area(); // [mol/s]
    const double li_new  = history.li_passed_after(dt, rate);
    const double li_step = li_new - history.newest().li_passed;
    time += dt;
    last_state = state;
    last_step  = {step_index, dt, result};
    history.push({time, x_new, state.voltage, li_new});
    ++n_accepted;
    if (mechanics) // the stress of the accepted state starts the next step
      {
        mechanics->update(x_new);
        mechanics->accept();
      }
    if (recording_resistance) // a charge or discharge step
      record_resistance();
    li_passed_net += li_step;
    li_passed_gross += std::abs(li_step);
    max_li_error = std::max(max_li_error, li_inventory_error());
    if (exact)
      last_verification_error = verification_error(x_new, time);
    if (!last_losses.empty())
      {
        auto losses = problem->voltage_losses(ghosted(x_new), state.voltage);
        for (unsigned int k = 0; k < last_losses.size() && k < losses.size(); ++k)
          last_losses[k].second = losses[k].second;
      }
    statistics.write_row();
    if (par.output.solution_every > 0 && n_accepted % par.output.solution_every == 0)
      write_solution();
  }

  template <int dim>
  StepRecord
  Simulator<dim>::run_protocol_step(unsigned int index, bool &ends_repeat)
  {
    const ProtocolStep &step = par.protocol.steps[index];
    StepRecord          record;
    record.index  = index;
    record.kind   = to_string(step.kind);
    record.text   = step.text;
    record.cycle  = step.cycle;
    record.c_rate = std::abs(current_of(step, cell.one_c_current())) / cell.one_c_current();

    if (step.kind == StepKind::impedance)
      {
        measure_impedance(step, record);
        return record;
      }
    StepDrive drive = drive_for(current_of(step, cell.one_c_current()));
    if (step.kind == StepKind::hold)
      drive = {0., 0., step.hold_voltage_V};
    if (step.kind == StepKind::sweep)
      drive = {0., 0., step.sweep_start_V,
               (step.sweep_end_V - step.sweep_start_V) / *step.duration_s};
    const std::vector<Event> events =
      step_events(step, par.protocol, cell.one_c_current(),
                  par.time_stepping.voltage_tolerance, problem->has_interface_kinetics());

    const double          step_start = time;
    std::optional<double> step_end;
    if (step.duration_s)
      step_end = time + *step.duration_s;
    const CellState state =
      evaluate(history.newest().x, history.newest().voltage, last_state.current);
    li_at_step_start = history.newest().li_passed;
    history.restart(); // the drive changes: restart BDF with backward Euler
    step_resistance.clear();
    const bool galvanostatic =
      step.kind == StepKind::charge || step.kind == StepKind::discharge;
    recording_resistance = galvanostatic;
    if (galvanostatic)
      record_resistance();

    log.out() << "Step " << index << ": " << step.text << "\n";
    for (const auto &e : events)
      if (e.g(state) >= 0. &&
          !(step.kind == StepKind::hold && e.reason == EndReason::current_cutoff))
        {
          record.end_reason    = to_string(e.reason);
          record.end_voltage_V = state.voltage;
          ends_repeat          = e.ends_repeat;
          log.out() << "  already at its end condition (" << to_string(e.reason) << ")\n";
          recording_resistance = false;
          return record;
        }

    last_state              = state;
    const EndReason reason  = integrate_step(index, drive, events, step_end, ends_repeat);
    record.end_reason       = to_string(reason);
    record.duration_s       = time - step_start;
    record.capacity_mAh_g   = capacity_since(li_at_step_start);
    record.capacity_mAh_cm2 = record.capacity_mAh_g * cell.loading_kg_m2 * 0.1;
    record.end_voltage_V    = last_state.voltage;
    record.end_current_A_m2 = last_state.current;
    record.losses =
      problem->voltage_losses(ghosted(history.newest().x), history.newest().voltage);
    if (galvanostatic)
      record.charge_transfer_resistance_mid_ohm_m2 = resistance_at_half(record.capacity_mAh_g);
    recording_resistance = false; // accept() records only during such steps
    log.out() << "  " << record.end_reason << " after " << record.duration_s / 3600.
              << " h: " << record.capacity_mAh_g << " mAh/g, " << last_state.voltage
              << " V vs anode, surface theta " << last_state.theta_surface << "\n";
    write_solution();
    return record;
  }

  template <int dim>
  EndReason
  Simulator<dim>::integrate_step(unsigned int              index,
                                 const StepDrive          &drive,
                                 const std::vector<Event> &events,
                                 std::optional<double>     step_end,
                                 bool                     &ends_repeat)
  {
    const double step_start          = time;
    double       dt                  = step_size->first_step();
    Trial        trial               = {last_state, problem->owned_vector(), NewtonResult()};
    unsigned int rejections_in_a_row = 0;
    // A sweep's voltage moves: `now` holds it at the start of each time step,
    // and the step is short enough to resolve the current's peaks.
    StepDrive    now = drive;
    const double sweep_max_dt =
      drive.voltage_rate != 0. ?
        par.time_stepping.sweep_voltage_step / std::abs(drive.voltage_rate) :
        HUGE_VAL;
    const auto move_voltage = [&]() {
      if (drive.voltage_rate != 0.)
        now.voltage = *drive.voltage + drive.voltage_rate * (time - step_start);
    };
    // A trial of size t from the same history, for the event location.
    const TrialStep trial_step = [&](double t, Trial &other) {
      double size = t;
      if (!advance_with_retries(size, now, other.x, other.result, other.voltage_guess) ||
          size != t)
        return false;
      other.state = evaluate(other.x, other.result.voltage, other.result.current_density);
      return true;
    };
    while (true)
      {
        bool last = false;
        move_voltage();
        dt = std::min(dt, sweep_max_dt);
        if (step_end && time + dt >= *step_end - 1e-9 * dt)
          {
            dt   = *step_end - time;
            last = true;
          }
        if (!advance_with_retries(dt, now, trial.x, trial.result))
          return EndReason::failed;
        if (dt < (step_end ? *step_end - time : HUGE_VAL) - 1e-9 * dt)
          last = false; // a retry shortened the step
        const auto decision = step_size->judge(trial.x, time + dt, history);
        if (!decision.accept)
          {
            ++n_rejected;
            if (++rejections_in_a_row > 50)
              return EndReason::failed;
            dt *= decision.factor;
            continue;
          }
        rejections_in_a_row = 0;

        const CellState before = last_state;
        trial.state = evaluate(trial.x, trial.result.voltage, trial.result.current_density);
        const Event *triggered = nullptr;
        for (const auto &e : events)
          if (e.g(trial.state) >= 0.)
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
            LocatedEvent located{dt, false};
            for (unsigned int round = 0; round < 10 && triggered->g(before) < 0.; ++round)
              {
                const double previous = dt;
                located              = locate_event(*triggered, before, dt, trial, trial_step);
                dt                   = located.step;
                const Event *earlier = nullptr;
                for (const auto &e : events)
                  if (&e != triggered && e.g(trial.state) >= 0.)
                    earlier = &e;
                // Stop unless the other event can still be moved earlier.
                if (!earlier || !(dt < previous))
                  break;
                triggered = earlier;
              }
            ends_repeat = triggered->ends_repeat;
            // The voltage jumped past the cut-off as the current started:
            // the step ends where it began (a step of 1e-6 of the attempt
            // would only strain the time integration for nothing).
            if (located.at_step_start)
              {
                log.out() << "  crossed the cut-off as soon as the current flowed\n";
                return triggered->reason;
              }
            accept(dt, trial.x, trial.state, trial.result, index);
            return triggered->reason;
          }

        accept(dt, trial.x, trial.state, trial.result, index);
        report_progress(index, trial.state, step_start);
        if (last)
          return EndReason::time;
        dt = step_size->next_step(dt, decision.factor);
      }
  }

  template <int dim>
  int
  Simulator<dim>::run(const std::string &output_directory)
  {
    setup(output_directory);
    write_solution();
    estimated_total_time = estimated_duration();

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
        if (records.back().end_reason == to_string(EndReason::failed))
          {
            status  = "failed";
            message = "the time step could not be completed at t = " + std::to_string(time) +
                      " s (Newton did not converge after " +
                      std::to_string(par.time_stepping.max_retries) + " step halvings)";
            break;
          }
      }

    const double li_error  = li_inventory_error();
    RunSummary   report    = summary(status, message, li_error);
    const auto   particles = particle_rows();
    particle_diagnostics(particles, report.diagnostics);
    log.out() << "Li inventory: relative error " << li_error << " (largest during the run "
              << max_li_error << ")\n";
    if (exact)
      log.out() << "Verification (" << par.exact_solution << "): relative L2 error at the end "
                << last_verification_error << "\n";
    log.out() << n_accepted << " time steps accepted, " << n_rejected << " rejected; "
              << "status " << status << "\n";
    if (log.is_root())
      {
        write_summary(output_directory + "/summary.json", report);
        if (!particles.empty())
          write_particles_csv(output_directory + "/particles.csv", particles);
      }
    timer.print_wall_time_statistics(comm);
    return status == "ok" ? 0 : 3;
  }

  template class Simulator<1>;
  template class Simulator<2>;
  template class Simulator<3>;
} // namespace ssbcell
