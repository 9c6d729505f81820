#pragma once
// Newton's method for every model of the project (solver/nonlinear/
// nonlinear_problem.h gives it residual and Jacobian): the bordered step of
// a galvanostatic step, where the electrode potential phi_s is an unknown
// fixed by the current constraint (two solves with one factorisation or
// preconditioner of J, then a scalar update); damping of the potentials;
// an Armijo line search; the convergence test; and the work counters.

#include <deal.II/base/index_set.h>

#include <solver/linear_algebra/linear_solver.h>
#include <solver/nonlinear/nonlinear_problem.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ssbcell
{
  struct NewtonResult
  {
    bool         converged         = false;
    unsigned int newton_iterations = 0;
    unsigned int linear_iterations = 0;
    double       voltage           = 0.; // cell voltage after the step [V vs anode]
    // The cell current density of the step [A/m^2, > 0 on discharge]: the
    // prescribed one, or the response to a prescribed voltage.
    double current_density = 0.;
    // Solves of a coupled model (the mechanics) within the step; 0 if none.
    unsigned int coupling_iterations = 0;
    // False if the solve stopped at NewtonControls::iteration_limit before
    // it met its tolerance (reported as converged: the caller iterates on).
    bool exact = true;
  };

  // From `Time stepping` and `Linear solver`.
  struct NewtonControls
  {
    unsigned int           max_iterations = 25;
    double                 tolerance      = 1e-10;
    LinearSolverParameters linear_solver;
    // > 0: return after this many updates even if not yet converged (an
    // inexact solve within an outer iteration, NewtonResult::exact false).
    unsigned int iteration_limit = 0;
  };

  // How a model wants its equations solved.
  struct NewtonSettings
  {
    // True: phi_s is an unknown and the constraint g = 0 closes the system
    // (galvanostatic); false: phi_s is given.
    bool bordered = false;
    // No potential moves by more than this per iteration [V] (the kinetics
    // are exponential in the potentials); 0: undamped.
    double max_potential_step = 0.;
    // Armijo backtracking on a Jacobi-scaled residual merit.
    bool line_search = false;
    // Converged when every update is below update_tolerance times its
    // group's scale (and |dphi_s| below update_tolerance V), or when two
    // full updates contract (rate theta < 0.5) so that theta / (1 - theta)
    // times the last one is below it...
    double update_tolerance = 1e-10;
    // ... or, if residual_test, when |R| falls below tolerance * |R_0| or
    // below residual_floor.
    bool   residual_test  = false;
    double residual_floor = 0.;
    // 'auto' factorises below this many unknowns.
    unsigned int direct_limit = 200000;
    // Of the mesh: the AMG settings depend on it.
    unsigned int dimension = 3;
  };

  class NewtonSolver
  {
  public:
    NewtonSolver() = default;

    // Forgets the linear solver (a new sparsity pattern), and names the
    // blocks of the unknowns for block preconditioners; `thin_cells`: see
    // LinearSolver::set_fields.
    void
    reset(const std::vector<dealii::IndexSet> &blocks = {}, bool thin_cells = false);

    // Solves R(x, phi_s) = 0 (and g = 0 if bordered) from the initial guess
    // (x, phi_s); both hold the last iterate on return. The result's
    // voltage is phi_s; `constraint` receives g at the solution.
    NewtonResult
    solve(NonlinearProblem     &problem,
          LA::Vector           &x,
          double               &phi_s,
          const NewtonControls &controls,
          const NewtonSettings &settings,
          double               *constraint = nullptr);

    // Wall time and counts of the work, for summary.json and benchmarks.
    std::vector<std::pair<std::string, double>>
    work_counters() const;

  private:
    // The Newton system at x_ghosted (with the Jacobian), timed and counted.
    void
    assemble(NonlinearProblem &problem,
             const LA::Vector &x_ghosted,
             double            phi_s,
             BorderedSystem   &sys);
    // The Newton correction (y, dphi) of the bordered system at `sys`; false
    // if the linear solver fails or the Schur complement `schur` vanishes.
    bool
    correction(NonlinearProblem     &problem,
               const BorderedSystem &sys,
               const NewtonControls &controls,
               const NewtonSettings &settings,
               LA::Vector           &y,
               LA::Vector           &z,
               double               &dphi,
               double               &schur,
               NewtonResult         &result);
    // One attempt at it, keeping the linear solver's preconditioner or not.
    bool
    solve_correction(NonlinearProblem     &problem,
                     const BorderedSystem &sys,
                     const NewtonSettings &settings,
                     bool                  keep_preconditioner,
                     LA::Vector           &y,
                     LA::Vector           &z,
                     double               &dphi,
                     double               &schur,
                     NewtonResult         &result);
    // The damping factor of the correction (1: a full step).
    static double
    damping(const std::vector<UnknownGroup> &groups,
            const LA::Vector                &y,
            double                           dphi,
            const NewtonSettings            &settings,
            MPI_Comm                         comm);
    // The largest entry of the correction in its group's scale, and |dphi|.
    static double
    update_size(const std::vector<UnknownGroup> &groups,
                const LA::Vector                &y,
                double                           dphi,
                MPI_Comm                         comm);

    struct Counters
    {
      double assemblies = 0, assembly_time = 0, setups = 0, setup_time = 0, builds = 0,
             solves = 0, solve_time = 0, iterations = 0, backtracks = 0;
    } counters;
    std::unique_ptr<LinearSolver> linear_solver; // reused while the pattern lasts
    // The vectors of an iteration, reused while the layout lasts.
    struct Workspace
    {
      BorderedSystem sys;
      LA::Vector     x_ghosted, y, z, x_start, y_start, row_weight;
      bool           has_constraints = true; // on any rank
    } work;
    std::vector<dealii::IndexSet> blocks;
    bool                          thin_cells = false;
  };
} // namespace ssbcell
