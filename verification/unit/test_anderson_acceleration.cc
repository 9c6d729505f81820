// Anderson acceleration (solver/nonlinear/anderson_acceleration.h) on linear fixed
// points x = G(x) = M x + b whose plain iteration creeps (eigenvalue 0.95)
// or diverges (eigenvalue -3): with depth m >= the number of modes it finds
// the fixed point in m + 1 or so iterations; depth 0 is the relaxed
// iteration x + beta r.

#include <gtest/gtest.h>

#include <solver/nonlinear/anderson_acceleration.h>

#include <cmath>
#include <vector>

using ssbcell::AndersonAcceleration;

namespace
{
  // G(x) = x* + diag(lambda) (x - x*): the fixed point x*, one mode per entry.
  struct LinearMap
  {
    std::vector<double> fixed_point, lambda;

    std::vector<double>
    residual(const std::vector<double> &x) const
    {
      std::vector<double> r(x.size());
      for (std::size_t i = 0; i < x.size(); ++i)
        r[i] = fixed_point[i] + lambda[i] * (x[i] - fixed_point[i]) - x[i];
      return r;
    }
  };

  double
  max_abs(const std::vector<double> &v)
  {
    double m = 0.;
    for (const double x : v)
      m = std::max(m, std::abs(x));
    return m;
  }

  // Iterations until max |r| <= tolerance (or the limit).
  unsigned int
  iterations_to_converge(const LinearMap      &map,
                         AndersonAcceleration &acceleration,
                         unsigned int          limit)
  {
    std::vector<double> x(map.fixed_point.size(), 0.);
    for (unsigned int k = 0; k < limit; ++k)
      {
        const auto r = map.residual(x);
        if (max_abs(r) <= 1e-10)
          return k;
        x = acceleration.next(x, r);
      }
    return limit;
  }
} // namespace

TEST(AndersonAcceleration, DepthZeroIsTheRelaxedIteration)
{
  AndersonAcceleration      acceleration(0, 0.5, MPI_COMM_SELF);
  const std::vector<double> x = {1., 2.}, r = {0.4, -2.};
  const auto                next = acceleration.next(x, r);
  EXPECT_DOUBLE_EQ(next[0], 1.2);
  EXPECT_DOUBLE_EQ(next[1], 1.);
}

TEST(AndersonAcceleration, ConvergesWherePlainIterationCreepsOrDiverges)
{
  const LinearMap      map{{0.3, -0.2, 0.7}, {0.95, -3., 0.1}};
  AndersonAcceleration plain(0, 1., MPI_COMM_SELF);
  EXPECT_EQ(iterations_to_converge(map, plain, 200), 200u) << "-3 makes it diverge";
  // Three modes: the secant information of three differences solves the
  // linear problem (one more iteration to see the residual vanish).
  AndersonAcceleration accelerated(5, 1., MPI_COMM_SELF);
  EXPECT_LE(iterations_to_converge(map, accelerated, 200), 6u);
}

TEST(AndersonAcceleration, EmptyLocalPart)
{
  // A rank may own no point of the reacting surface: next() must take it
  // through the same steps (the 2-rank pressed-particle check runs that
  // case in parallel).
  AndersonAcceleration      acceleration(3, 1., MPI_COMM_SELF);
  const std::vector<double> empty;
  EXPECT_TRUE(acceleration.next(empty, empty).empty());
  EXPECT_TRUE(acceleration.next(empty, empty).empty());
}
