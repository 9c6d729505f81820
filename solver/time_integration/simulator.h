#pragma once
// The time loop of a run: runs the protocol step by step with adaptive
// BDF2, ends each step at its events (located inside the time step that
// crossed them), keeps the Li inventory, and hands every accepted step to
// the outputs. Its parts: the cell model (solver/cell_models/), optionally
// coupled to the mechanics (solver/mechanics/mechanics_coupling.h); the
// events (events.h), the step-size control (step_size_controller.h) and
// the solution history (solution_history.h); statistics.csv, summary.json
// and the VTU output (solver/io/).

#include <deal.II/base/timer.h>
#include <deal.II/fe/mapping.h>
#include <deal.II/grid/tria.h>

#include <meshes/region_measures.h>
#include <physics/analytic/exact_solution.h>
#include <solver/cell_models/cell_problem.h>
#include <solver/io/particles_file.h>
#include <solver/io/run_log.h>
#include <solver/io/solution_output.h>
#include <solver/io/statistics_file.h>
#include <solver/io/summary_file.h>
#include <solver/mechanics/mechanics_coupling.h>
#include <solver/parameters/run_parameters.h>
#include <solver/time_integration/events.h>
#include <solver/time_integration/solution_history.h>
#include <solver/time_integration/step_size_controller.h>

#include <algorithm>
#include <memory>

namespace ssbcell
{
  // The degree of the mapping of a run (and of its reference Poisson solve):
  // curved particle surfaces need at least Q2 in 2D and 3D.
  inline unsigned int
  run_mapping_degree(unsigned int dim, unsigned int fe_degree)
  {
    return dim == 1 ? 1 : std::max(2u, fe_degree);
  }

  template <int dim>
  class Simulator
  {
  public:
    Simulator(const RunParameters &parameters, RunLog &log, MPI_Comm comm);
    ~Simulator();

    // Runs everything, writes the outputs into `output_directory` (which
    // exists); returns the exit status: 0 success, 3 simulation failed.
    int
    run(const std::string &output_directory);

  private:
    // --- Set-up (simulator_setup.cc) ---
    void
    setup(const std::string &output_directory);
    void
    build_mesh();
    void
    refine_contact_edges();
    void
    build_cell_model();
    void
    check_exact_solution();
    void
    set_initial_state();
    void
    register_statistics(const std::string &output_directory);

    // --- The time loop (simulator.cc) ---
    StepRecord
    run_protocol_step(unsigned int index, bool &ends_repeat);
    // Time steps until an event, the step's duration or a failure ends the
    // protocol step; returns why it ended.
    EndReason
    integrate_step(unsigned int              index,
                   const StepDrive          &drive,
                   const std::vector<Event> &events,
                   std::optional<double>     step_end,
                   bool                     &ends_repeat);
    // One BDF step of size dt from the newest history entry into x_new;
    // Newton starts from voltage_guess (NaN: extrapolated from history).
    NewtonResult
    advance(double dt, const StepDrive &drive, LA::Vector &x_new, double voltage_guess);
    // advance() with step halving on Newton failure; dt is updated.
    bool
    advance_with_retries(double          &dt,
                         const StepDrive &drive,
                         LA::Vector      &x_new,
                         NewtonResult    &result,
                         double voltage_guess = std::numeric_limits<double>::quiet_NaN());
    // The reported state of a solution whose cell voltage is known.
    CellState
    evaluate(const LA::Vector &x_owned, double voltage, double current) const;
    // x_owned with ghosts, in a buffer that the next call overwrites.
    const LA::Vector &
    ghosted(const LA::Vector &x_owned) const;
    // The drive of a step at cell current density I [A/m^2].
    StepDrive
    drive_for(double current_density) const;
    void
    accept(double              dt,
           const LA::Vector   &x_new,
           const CellState    &state,
           const NewtonResult &result,
           unsigned int        step_index);

    // The small-signal spectrum of an impedance step at the newest state
    // into `record`, and its file (simulator_impedance.cc).
    void
    measure_impedance(const ProtocolStep &step, StepRecord &record);

    // --- Reports (simulator_report.cc) ---
    // Charge passed since the net Li inventory was `li_start` [mAh/g].
    double
    capacity_since(double li_start) const;
    double
    li_inventory_error() const;
    double
    verification_error(const LA::Vector &x_owned, double t) const;
    void
    write_solution();
    void
    report_progress(unsigned int step_index, const CellState &state, double step_start);
    double
    estimated_duration() const;
    // The linearised charge-transfer resistance at the state x per
    // geometric cell area [ohm m^2]; NaN for models without kinetics.
    double
    charge_transfer_resistance(const LA::Vector &x_ghosted) const;
    // Records (capacity of the step so far, R_ct) at the newest state.
    void
    record_resistance();
    // R_ct when half of `capacity` [mAh/g] had passed in the present step
    // (linear between the recorded states); NaN if none were recorded.
    double
    resistance_at_half(double capacity) const;
    RunSummary
    summary(const std::string &status, const std::string &message, double li_error) const;
    // The particles the mesh generator drew, with their contact (collective;
    // empty without mechanics or drawn particles), and their summary lines.
    std::vector<ParticleRow>
    particle_rows() const;
    void
    particle_diagnostics(const std::vector<ParticleRow>              &rows,
                         std::vector<std::pair<std::string, double>> &diagnostics) const;

    const RunParameters        &par;
    CellParameters              cell; // par.cell, with the mesh's loading if it has one
    RunLog                     &log;
    MPI_Comm                    comm;
    mutable dealii::TimerOutput timer;
    mutable LA::Vector          ghost_buffer; // of ghosted()

    std::unique_ptr<dealii::Triangulation<dim>>   triangulation;
    std::unique_ptr<dealii::Mapping<dim>>         mapping;
    std::unique_ptr<CellProblem<dim>>             problem;
    NewtonControls                                newton_controls;
    std::unique_ptr<StepSizeController>           step_size;
    std::shared_ptr<const ExactDiffusionSolution> exact; // parsed with the parameters
    DiffusionSetup                                exact_setup;
    RegionMeasures                                measures;
    std::vector<ParticleClass>                    particle_classes;
    StatisticsFile                                statistics;
    std::unique_ptr<SolutionOutput<dim>>          solution_output;
    std::unique_ptr<MechanicsCoupling<dim>>       mechanics; // Mechanics/Enabled

    std::string     output_folder;
    unsigned int    n_impedance_steps = 0; // run so far
    SolutionHistory history;
    double          time       = 0.;
    unsigned int    n_accepted = 0, n_rejected = 0;
    double          li_initial = 0., li_passed_net = 0., li_passed_gross = 0.;
    double          li_at_step_start = 0.;
    // (capacity [mAh/g], R_ct [ohm m^2]) at the accepted states of the
    // present charge or discharge step.
    std::vector<std::pair<double, double>> step_resistance;
    bool                                   recording_resistance = false; // in such a step
    double                                 max_li_error = 0., last_verification_error = 0.;
    // The last accepted step, as statistics.csv reports it.
    struct AcceptedStep
    {
      unsigned int protocol_step = 0;
      double       dt            = 0.;
      NewtonResult result;
    } last_step;
    CellState last_state;
    // The loss breakdown of the last accepted step (1D: statistics.csv).
    std::vector<std::pair<std::string, double>> last_losses;
    std::vector<StepRecord>                     records;
    double                                      estimated_total_time = 0.;
    double                                      last_progress_wall   = 0.;
    dealii::Timer                               wall_clock;
  };
} // namespace ssbcell
