// The Newton solver's recovery when a kept preconditioner fails: it
// rebuilds the preconditioner from the current matrix and repeats the solve
// instead of failing the step.

#include <deal.II/lac/dynamic_sparsity_pattern.h>

#include <solver/nonlinear/newton_solver.h>

#include <gtest/gtest.h>

#include <map>

namespace
{
  using namespace ssbcell;

  // R(x) = L x + x^3 - b on a chain of n unknowns, L the 1D Laplacian
  // stencil (2, -1). From x = 0 the first Newton matrix is L; the first
  // update brings x to about 20, where J = L + 3 x^2 is dominated by its
  // diagonal. An AMG preconditioner built for L is then useless for J (a
  // few GMRES iterations cannot converge with it), one built for J
  // converges in a few.
  class CubicChain : public NonlinearProblem
  {
  public:
    explicit CubicChain(unsigned int n)
      : owned(n)
    {
      owned.add_range(0, n);
      dealii::DynamicSparsityPattern dsp(n, n);
      for (unsigned int i = 0; i < n; ++i)
        for (unsigned int j = (i > 0 ? i - 1 : 0); j < std::min(n, i + 2); ++j)
          dsp.add(i, j);
      matrix.reinit(owned, owned, dsp, MPI_COMM_SELF);
      constraints.close();
    }

    LA::Vector
    owned_vector() const override
    {
      return LA::Vector(owned, MPI_COMM_SELF);
    }
    LA::Vector
    ghosted_vector() const override
    {
      return LA::Vector(owned, owned, MPI_COMM_SELF);
    }
    void
    assemble_system(const LA::Vector &x,
                    double,
                    bool            with_jacobian,
                    BorderedSystem &sys) override
    {
      const unsigned int n = owned.size();
      sys.residual         = 0.;
      if (with_jacobian)
        matrix = 0.;
      for (unsigned int i = 0; i < n; ++i)
        {
          const double left = i > 0 ? x(i - 1) : 0., right = i + 1 < n ? x(i + 1) : 0.;
          sys.residual(i) = 2. * x(i) - left - right + x(i) * x(i) * x(i) - load;
          if (!with_jacobian)
            continue;
          matrix.set(i, i, 2. + 3. * x(i) * x(i));
          if (i > 0)
            matrix.set(i, i - 1, -1.);
          if (i + 1 < n)
            matrix.set(i, i + 1, -1.);
        }
      sys.residual.compress(dealii::VectorOperation::insert);
      if (with_jacobian)
        matrix.compress(dealii::VectorOperation::insert);
      sys.constraint = 0.;
    }
    LA::SparseMatrix &
    jacobian() override
    {
      return matrix;
    }
    const dealii::AffineConstraints<double> &
    get_constraints() const override
    {
      return constraints;
    }
    std::vector<UnknownGroup>
    unknown_groups() const override
    {
      return {UnknownGroup{owned, 1., false}};
    }

  private:
    static constexpr double           load = 1e-3;
    dealii::IndexSet                  owned;
    LA::SparseMatrix                  matrix;
    dealii::AffineConstraints<double> constraints;
  };

  struct Outcome
  {
    NewtonResult                  result;
    std::map<std::string, double> work;
    double                        x_max = 0.;
  };

  Outcome
  solve_chain(bool preconditioner_per_step)
  {
    CubicChain     problem(400);
    LA::Vector     x     = problem.owned_vector();
    double         phi_s = 0.;
    NewtonControls controls;
    controls.linear_solver.type                    = "gmres-amg";
    controls.linear_solver.tolerance               = 1e-6;
    controls.linear_solver.max_iterations          = 8;
    controls.linear_solver.preconditioner_per_step = preconditioner_per_step;
    NewtonSettings settings;
    settings.update_tolerance = 1e-10;
    settings.dimension        = 1;
    NewtonSolver newton;
    Outcome      outcome;
    outcome.result = newton.solve(problem, x, phi_s, controls, settings);
    for (const auto &[name, value] : newton.work_counters())
      outcome.work[name] = value;
    outcome.x_max = x.linfty_norm();
    return outcome;
  }
} // namespace

TEST(NewtonSolver, RebuildsAFailingKeptPreconditioner)
{
  const Outcome fresh = solve_chain(false);
  const Outcome kept  = solve_chain(true);
  ASSERT_TRUE(fresh.result.converged);
  // Without the rebuild the second Newton iteration would fail: its solve
  // with the preconditioner of L cannot converge in 8 iterations.
  ASSERT_TRUE(kept.result.converged);
  EXPECT_GE(kept.work.at("preconditioner_builds"), 2.);
  // A rebuild follows a failed solve, whose work is counted: more set-ups
  // than Newton iterations.
  EXPECT_GT(kept.work.at("linear_setups"), kept.result.newton_iterations);
  // Both converge to the Newton tolerance (1e-10 of the updates).
  EXPECT_NEAR(kept.x_max, fresh.x_max, 1e-8 * fresh.x_max);
}

// An iteration limit (NewtonControls::iteration_limit) stops the solve after
// that many updates and reports it as an inexact iterate (converged, exact
// false), for the mechanics coupling to iterate on; solves of one iteration
// each, repeated, follow Newton's own iterates to its solution, and a solve
// without the limit from there is exact.
TEST(NewtonSolver, IterationLimitGivesInexactIterates)
{
  CubicChain     reference_problem(50), problem(50);
  NewtonControls controls;
  controls.linear_solver.type = "direct";
  NewtonSettings settings;
  settings.update_tolerance = 1e-12;
  settings.dimension        = 1;

  LA::Vector   reference = reference_problem.owned_vector();
  double       phi_s     = 0.;
  NewtonSolver newton;
  const auto   full = newton.solve(reference_problem, reference, phi_s, controls, settings);
  ASSERT_TRUE(full.converged);
  ASSERT_TRUE(full.exact);
  ASSERT_GE(full.newton_iterations, 2u);

  LA::Vector   x = problem.owned_vector();
  NewtonSolver limited;
  controls.iteration_limit = 1;
  for (unsigned int k = 0; k + 1 < full.newton_iterations; ++k)
    {
      const auto step = limited.solve(problem, x, phi_s, controls, settings);
      ASSERT_TRUE(step.converged);
      EXPECT_FALSE(step.exact);
      EXPECT_EQ(step.newton_iterations, 1u);
    }
  controls.iteration_limit = 0;
  const auto last          = limited.solve(problem, x, phi_s, controls, settings);
  ASSERT_TRUE(last.converged);
  EXPECT_TRUE(last.exact);
  // The same solution to the update tolerance (1e-12 in the unknowns'
  // scale 1, x about 20 at most).
  x -= reference;
  EXPECT_LT(x.linfty_norm(), 1e-10);
}
