#pragma once
// The time loop of a run: builds the mesh and the diffusion problem, runs the
// protocol step by step with adaptive BDF2, locates cut-off events inside a
// step, checks the Li inventory, and writes every output of the run.

#include <deal.II/base/timer.h>
#include <deal.II/fe/mapping.h>
#include <deal.II/grid/tria.h>

#include <meshes/region_measures.h>
#include <physics/analytic/exact_solution.h>
#include <solver/cell_models/cell_problem.h>
#include <solver/io/run_log.h>
#include <solver/io/solution_output.h>
#include <solver/io/statistics_file.h>
#include <solver/mechanics/mechanics_coupling.h>
#include <solver/parameters/run_parameters.h>

#include <algorithm>
#include <deque>
#include <functional>
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

  // Results of one executed protocol step, for summary.json.
  struct StepRecord
  {
    unsigned int index = 0;
    std::string  kind, text, end_reason;
    double capacity_mAh_g = 0., capacity_mAh_cm2 = 0., duration_s = 0., end_voltage_V = 0.,
           end_current_A_m2 = 0.;
    int cycle               = -1;
    // Contributions to the cell voltage at the end of the step [V].
    std::vector<std::pair<std::string, double>> losses;
  };

  template <int dim>
  class Simulator
  {
  public:
    Simulator(const RunParameters      &parameters,
              dealii::ParameterHandler &prm,
              RunLog                   &log,
              MPI_Comm                  comm);
    ~Simulator();

    // Runs everything, writes the outputs into `output_directory` (which
    // exists); returns the exit status: 0 success, 3 simulation failed.
    int
    run(const std::string &output_directory);

  private:
    // The state after a (tentative) step.
    struct State
    {
      double voltage = 0., theta_surface = 0., c_surface = 0., c_mean = 0.;
      double current = 0.; // cell current density [A/m^2]
    };
    struct Event
    {
      std::string                          reason;
      double                               tolerance;
      std::function<double(const State &)> g; // triggers when g >= 0
      bool                                 ends_repeat = false;
    };

    void
    setup(const std::string &output_directory);
    StepRecord
    run_protocol_step(unsigned int index, bool &ends_repeat);
    // One BDF step of size dt from the newest history entry into c_new.
    NewtonResult
    advance(double dt, const StepDrive &drive, LA::Vector &c_new);
    // advance() with step halving on Newton failure; dt is updated.
    bool
    advance_with_retries(double          &dt,
                         const StepDrive &drive,
                         LA::Vector      &c_new,
                         NewtonResult    &result);
    // The reported state of a solution whose cell voltage is known.
    State
    evaluate(const LA::Vector &c_owned, double voltage, double current) const;
    // Shrinks the step [0, dt] that crossed `event` to where g = 0 (within
    // the event's tolerance); c_new, new_state, result follow. Returns the step.
    double
    locate_event(const Event     &event,
                 const State     &before,
                 double           dt,
                 const StepDrive &drive,
                 LA::Vector      &c_new,
                 State           &new_state,
                 NewtonResult    &result);
    LA::Vector
    ghosted(const LA::Vector &c_owned) const;
    StepDrive
    drive_for(double current_density) const;
    void
    accept(double              dt,
           const LA::Vector   &c_new,
           const State        &state,
           const NewtonResult &result,
           unsigned int        step_index);
    // Charge passed since the net Li inventory was `li_start` [mAh/g].
    double
    capacity_since(double li_start) const;
    double
    li_inventory_error() const;
    double
    verification_error(const LA::Vector &c_owned, double t) const;
    void
    write_solution();
    void
    report_progress(unsigned int step_index, const State &state, double step_start);
    void
    write_summary(const std::string &file,
                  const std::string &status,
                  const std::string &message,
                  double             li_error) const;

    const RunParameters        &par;
    CellParameters              cell; // par.cell, with the mesh's loading if it has one
    dealii::ParameterHandler   &prm;
    RunLog                     &log;
    MPI_Comm                    comm;
    mutable dealii::TimerOutput timer;

    std::unique_ptr<dealii::Triangulation<dim>> triangulation;
    std::unique_ptr<dealii::Mapping<dim>>       mapping;
    std::unique_ptr<CellProblem<dim>>           problem;
    NewtonControls                              newton_controls;
    std::unique_ptr<ExactDiffusionSolution>     exact;
    DiffusionSetup                              exact_setup;
    RegionMeasures                              measures;
    std::vector<ParticleClass>                  particle_classes;
    std::unique_ptr<StatisticsFile>             statistics;
    std::unique_ptr<SolutionOutput<dim>>        solution_output;
    std::unique_ptr<MechanicsCoupling<dim>>     mechanics; // Mechanics/Enabled

    // The last accepted solutions, newest first.
    struct HistoryEntry
    {
      double     time;
      LA::Vector x;
      double     voltage;
      double     li_passed; // net Li into the active material since t = 0 [mol]
    };
    std::deque<HistoryEntry> history;
    double                   time       = 0.;
    unsigned int             n_accepted = 0, n_rejected = 0;
    double                   li_initial = 0., li_passed_net = 0., li_passed_gross = 0.;
    double                   li_at_step_start = 0.;
    double                   max_li_error = 0., last_verification_error = 0.;
    std::vector<StepRecord>  records;
    State                    last_state;
    double                   charge_transfer_resistance = 0.; // [ohm m^2], NaN if none
    std::vector<std::pair<std::string, double>>            final_diagnostics;
    std::vector<typename MechanicsCoupling<dim>::AngleBin> final_contact_by_angle;
    double                                                 estimated_total_time = 0.;
    double                                                 last_progress_wall   = 0.;
    dealii::Timer                                          wall_clock;
  };
} // namespace ssbcell
