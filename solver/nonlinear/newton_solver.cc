#include <deal.II/base/mpi.h>
#include <deal.II/lac/solver_control.h>

#include <solver/nonlinear/newton_solver.h>

#include <chrono>
#include <cmath>

namespace ssbcell
{
  using namespace dealii;

  namespace
  {
    // Wall seconds since `start`. (deal.II's Timer also reads the CPU time,
    // a system call that cost more than a 1D Newton iteration's solves.)
    using Clock = std::chrono::steady_clock;
    double
    seconds_since(Clock::time_point start)
    {
      return std::chrono::duration<double>(Clock::now() - start).count();
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

    // Makes the vectors of an iteration if the layout of the unknowns is
    // new (and notes whether any rank has constraints): they live as long as it does (creating them anew cost as much as
    // a 1D assembly).
    template <typename Workspace>
    void
    fit_workspace(Workspace &work, const NonlinearProblem &problem, const LA::Vector &x)
    {
      // Every solve: a problem may change its constraints, not its layout.
      work.has_constraints = Utilities::MPI::max(static_cast<unsigned int>(
                                                   problem.get_constraints().n_constraints()),
                                                 x.get_mpi_communicator()) > 0;
      if (work.y.size() == x.size() && work.y.locally_owned_size() == x.locally_owned_size())
        return;
      work.sys.residual = problem.owned_vector();
      work.sys.db       = problem.owned_vector();
      work.sys.dc       = problem.owned_vector();
      work.x_ghosted    = problem.ghosted_vector();
      for (LA::Vector *v : {&work.y, &work.z, &work.x_start, &work.y_start, &work.row_weight})
        *v = problem.owned_vector();
    }

    // The residual test, if the settings ask for it: |R| below tolerance
    // times the first |R|, or below the floor.
    bool
    residual_converged(double                norm,
                       double                first_norm,
                       const NewtonControls &controls,
                       const NewtonSettings &settings)
    {
      return settings.residual_test &&
             norm <= std::max(controls.tolerance * first_norm, settings.residual_floor);
    }

    // An inexact solve (NewtonControls::iteration_limit) has taken its
    // updates.
    bool
    at_iteration_limit(const NewtonControls &controls, const NewtonResult &result)
    {
      return controls.iteration_limit > 0 &&
             result.newton_iterations >= controls.iteration_limit;
    }

    // After a full update of `size` (in the unknowns' scales; the previous
    // full one `last_size`, 0 if none): converged when it is below the
    // tolerance, or when the updates contract so fast (rate theta = size /
    // last_size < 0.5) that the error left after it, at most theta / (1 -
    // theta) size, is: the iteration that would only confirm it is saved.
    bool
    converged_after(double size, double last_size, double tolerance)
    {
      const double theta = last_size > 0. ? size / last_size : 1.;
      return size <= tolerance || (theta < 0.5 && theta / (1. - theta) * size <= tolerance);
    }

    // The merit of the line search: the residual scaled row by row by the
    // Jacobian's diagonal at the first iterate and by the unknown's own
    // scale, i.e. the size of a Jacobi correction; and the current
    // constraint over the first Schur complement (in volts). The weights
    // stay fixed during the solve.
    class Merit
    {
    public:
      // `row_weight`: storage of the weights (an owned vector).
      Merit(const std::vector<UnknownGroup> &groups, LA::Vector &row_weight)
        : groups(groups)
        , row_weight(row_weight)
      {
      }

      void
      set_row_weights(NonlinearProblem &problem)
      {
        for (const auto &group : groups)
          for (const auto i : group.indices)
            {
              const double d = std::abs(problem.jacobian().diag_element(i));
              row_weight(i)  = d > 0. ? 1. / (d * group.scale) : 0.;
            }
        row_weight.compress(VectorOperation::insert);
        constraint_weight = 0.; // set with the first Schur complement
      }

      double
      operator()(const BorderedSystem &system, bool bordered, MPI_Comm comm) const
      {
        double sum = 0.;
        for (const auto i : row_weight.locally_owned_elements())
          sum += std::pow(row_weight(i) * system.residual(i), 2);
        return Utilities::MPI::sum(sum, comm) +
               (bordered ? std::pow(constraint_weight * system.constraint, 2) : 0.);
      }

      double constraint_weight = 0.;

    private:
      const std::vector<UnknownGroup> &groups;
      LA::Vector                      &row_weight;
    };
  } // namespace

  void
  NewtonSolver::reset(const std::vector<IndexSet> &new_blocks, bool new_thin_cells)
  {
    linear_solver.reset();
    work       = Workspace();
    blocks     = new_blocks;
    thin_cells = new_thin_cells;
  }

  std::vector<std::pair<std::string, double>>
  NewtonSolver::work_counters() const
  {
    return {{"assemblies", counters.assemblies},
            {"assembly_time_s", counters.assembly_time},
            {"linear_setups", counters.setups},
            // Factorisations, or preconditioners built (not kept).
            {"preconditioner_builds", counters.builds},
            {"linear_setup_time_s", counters.setup_time},
            {"linear_solves", counters.solves},
            {"linear_solve_time_s", counters.solve_time},
            {"linear_iterations", counters.iterations},
            {"linear_iterations_per_solve",
             counters.solves > 0 ? counters.iterations / counters.solves : 0.},
            {"line_search_backtracks", counters.backtracks}};
  }

  bool
  NewtonSolver::correction(NonlinearProblem     &problem,
                           const BorderedSystem &sys,
                           const NewtonControls &controls,
                           const NewtonSettings &settings,
                           LA::Vector           &y,
                           LA::Vector           &z,
                           double               &dphi,
                           double               &schur,
                           NewtonResult         &result)
  {
    // Two solves with one factorisation (or preconditioner) of J:
    // J y = R and J z = dR/dphi_s; then dphi from the constraint row, and
    // the correction y + dphi z.
    if (!linear_solver)
      {
        linear_solver =
          std::make_unique<LinearSolver>(controls.linear_solver, settings.direct_limit,
                                         settings.dimension);
        if (!blocks.empty())
          linear_solver->set_fields(blocks, thin_cells);
      }
    // The step's first Newton matrix builds the preconditioner; the later
    // ones keep it (if set so), unless a solve with it failed.
    const bool keep =
      controls.linear_solver.preconditioner_per_step && result.newton_iterations > 0;
    return solve_correction(problem, sys, settings, keep, y, z, dphi, schur, result) ||
           (keep && linear_solver->kept_preconditioner() &&
            solve_correction(problem, sys, settings, false, y, z, dphi, schur, result));
  }

  bool
  NewtonSolver::solve_correction(NonlinearProblem     &problem,
                                 const BorderedSystem &sys,
                                 const NewtonSettings &settings,
                                 bool                  keep_preconditioner,
                                 LA::Vector           &y,
                                 LA::Vector           &z,
                                 double               &dphi,
                                 double               &schur,
                                 NewtonResult         &result)
  {
    auto start = Clock::now();
    y          = 0.;
    try
      {
        // A failed factorisation also fails the Newton step.
        linear_solver->set_matrix(problem.jacobian(), keep_preconditioner);
        counters.setup_time += seconds_since(start);
        counters.setups += 1;
        counters.builds += linear_solver->kept_preconditioner() ? 0 : 1;
        start            = Clock::now();
        const auto count = [&](unsigned int iterations) {
          counters.solves += 1;
          counters.iterations += iterations;
          result.linear_iterations += iterations;
        };
        count(linear_solver->solve(y, sys.residual));
        if (settings.bordered)
          {
            z = 0.;
            count(linear_solver->solve(z, sys.db));
          }
      }
    catch (const SolverControl::NoConvergence &e)
      {
        // A failed linear solve fails the Newton step: the time loop
        // retries with a shorter step. Its iterations were work too.
        counters.iterations += e.last_step;
        return false;
      }
    // deal.II's distribute() makes a ghosted copy of the vector even when
    // there is nothing to distribute: in a 1D run a tenth of the run time.
    if (work.has_constraints)
      problem.get_constraints().distribute(y);
    dphi = 0.;
    if (settings.bordered)
      {
        if (work.has_constraints)
          problem.get_constraints().distribute(z);
        schur = sys.dd - sys.dc * z;
        if (!(std::abs(schur) > 0.))
          return false;
        dphi = (sys.dc * y - sys.constraint) / schur;
        y.add(dphi, z);
      }
    counters.solve_time += seconds_since(start);
    return true;
  }

  double
  NewtonSolver::damping(const std::vector<UnknownGroup> &groups,
                        const LA::Vector                &y,
                        double                           dphi,
                        const NewtonSettings            &settings,
                        MPI_Comm                         comm)
  {
    // A full step from far away overshoots the exponential kinetics: no
    // potential moves by more than the limit.
    if (!(settings.max_potential_step > 0.))
      return 1.;
    double largest = std::abs(dphi);
    for (const auto &group : groups)
      if (group.is_potential)
        largest = std::max(largest, max_over(y, group.indices, comm));
    return largest > settings.max_potential_step ? settings.max_potential_step / largest : 1.;
  }

  double
  NewtonSolver::update_size(const std::vector<UnknownGroup> &groups,
                            const LA::Vector                &y,
                            double                           dphi,
                            MPI_Comm                         comm)
  {
    // The largest move of any unknown in its own scale (phi_s in volts).
    double largest = 0.;
    for (const auto &group : groups)
      {
        double m = 0.;
        for (const auto i : group.indices)
          m = std::max(m, std::abs(y(i)));
        largest = std::max(largest, m / group.scale);
      }
    return std::max(std::abs(dphi), Utilities::MPI::max(largest, comm));
  }

  void
  NewtonSolver::assemble(NonlinearProblem &problem,
                         const LA::Vector &x_ghosted,
                         double            phi_s,
                         BorderedSystem   &sys)
  {
    const auto start = Clock::now();
    problem.assemble_system(x_ghosted, phi_s, true, sys);
    counters.assembly_time += seconds_since(start);
    counters.assemblies += 1;
  }

  NewtonResult
  NewtonSolver::solve(NonlinearProblem     &problem,
                      LA::Vector           &x,
                      double               &phi_s,
                      const NewtonControls &controls,
                      const NewtonSettings &settings,
                      double               *constraint)
  {
    NewtonResult   result;
    const MPI_Comm comm     = x.get_mpi_communicator();
    const bool     bordered = settings.bordered;
    const auto     groups   = problem.unknown_groups();
    fit_workspace(work, problem, x);
    BorderedSystem &sys       = work.sys;
    LA::Vector     &x_ghosted = work.x_ghosted;
    LA::Vector     &y = work.y, &z = work.z;
    // The last iterate and its correction (set with the first correction).
    LA::Vector  &x_start = work.x_start, &y_start = work.y_start;
    double       step = 0., phi_s_start = phi_s, dphi_start = 0.;
    unsigned int backtracks = 0;
    Merit        merit(groups, work.row_weight);
    double       last_merit = HUGE_VAL, first_norm = -1.;
    double       last_full_size = 0.; // of the last undamped update, 0 if none
    auto         backtrack      = [&]() {
      last_full_size = 0.; // a halved update cannot measure the contraction
      step /= 2.;
      x = x_start;
      x.add(-step, y_start);
      phi_s = phi_s_start + step * dphi_start;
    };
    // `moved`: the last update (-y, dphi) was applied after the last
    // assembly, so g is carried to the new iterate to first order (its
    // error is of the order of the update squared, below the tolerance).
    // A potentiostatic step's current is this g.
    auto finish = [&](bool moved) {
      result.converged = true;
      result.voltage   = phi_s;
      if (constraint)
        *constraint =
          moved ? sys.constraint - sys.dc * y + sys.dd * dphi_start : sys.constraint;
      return result;
    };

    // Damped iterations may need more than the undamped Newton limit.
    // Backtracked trials count apart, up to as many again.
    for (unsigned int it = 0; result.newton_iterations < 2 * controls.max_iterations &&
                              it < 4 * controls.max_iterations;
         ++it)
      {
        x_ghosted = x;
        assemble(problem, x_ghosted, phi_s, sys);
        const double norm = sys.residual.l2_norm();
        if (!std::isfinite(norm) || !std::isfinite(sys.constraint))
          {
            // The last update left the domain of the model (e.g. the
            // kinetics' exponentials overflowed): halve it.
            if (it == 0 || ++backtracks > 10)
              return result;
            backtrack();
            continue;
          }
        first_norm = first_norm < 0. ? norm : first_norm;
        if (residual_converged(norm, first_norm, controls, settings))
          return finish(false);
        // Line search (Armijo on the merit): the step of length `step` from
        // x_start is kept if it decreased the merit by the fraction 1e-4
        // step; otherwise it is halved, up to four times, and then kept
        // anyway (the time loop shortens the time step if Newton fails).
        // The merit at the new point comes with the next Newton system.
        if (settings.line_search)
          {
            if (result.newton_iterations == 0)
              merit.set_row_weights(problem);
            const double current = merit(sys, bordered, comm);
            if (result.newton_iterations > 0 && current > (1. - 1e-4 * step) * last_merit &&
                current > 1e-24 && backtracks < 4)
              {
                ++backtracks;
                counters.backtracks += 1;
                backtrack();
                continue;
              }
            last_merit = current;
          }

        // The bordered step: J dx + b dphi = -R, dc.dx + dd dphi = -g.
        double dphi = 0., schur = 0.;
        if (!correction(problem, sys, controls, settings, y, z, dphi, schur, result))
          return result;
        if (bordered && result.newton_iterations == 0 && settings.line_search)
          {
            // g over dg/dphi_s with x following (the Schur complement): the
            // constraint's error in volts, also where g does not depend on
            // phi_s directly (resolved phi_s).
            merit.constraint_weight = 1. / std::abs(schur);
            last_merit              = merit(sys, bordered, comm);
          }
        const double size = update_size(groups, y, dphi, comm);
        step              = damping(groups, y, dphi, settings, comm);
        x_start           = x;
        y_start           = y;
        phi_s_start       = phi_s;
        dphi_start        = dphi;
        backtracks        = 0;
        x.add(-step, y);
        phi_s += step * dphi;
        ++result.newton_iterations;
        const bool converged =
          step == 1. && converged_after(size, last_full_size, settings.update_tolerance);
        result.exact = converged || !at_iteration_limit(controls, result);
        if (converged || !result.exact)
          return finish(true);
        last_full_size = step == 1. ? size : 0.;
      }
    return result;
  }
} // namespace ssbcell
