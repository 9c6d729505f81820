// The thin-shell closed form of Li+ spreading along a coating from a polar
// contact cap (physics/coating_spreading.h) against a finite-volume
// solution of the same ODE, and against its two limits: lambda >> R (the
// reaction spread over the sphere) and lambda << R (a flat sheet around a
// disc, K1/K0 of the Bessel functions).

#include <deal.II/base/numbers.h>

#include <gtest/gtest.h>

#include <physics/coating_spreading.h>

#include <cmath>
#include <vector>

using namespace ssbcell;

namespace
{
  constexpr double pi = dealii::numbers::PI;

  // Finite volumes in the colatitude on [t_c, pi], cells clustered at the
  // rim, psi = 1 at t_c (Dirichlet) and zero flux at the pole; returns the
  // particle's resistance 1/I. Second order in the cell size.
  double
  finite_volume_resistance(double a_c, double sheet, double R_ct, double R, unsigned int n)
  {
    const double        t_c = 2. * std::asin(std::sqrt(a_c));
    std::vector<double> t(n + 1), centre(n), area(n);
    for (unsigned int i = 0; i <= n; ++i)
      t[i] = t_c + (pi - t_c) * std::expm1(4. * i / n) / std::expm1(4.);
    for (unsigned int i = 0; i < n; ++i)
      {
        centre[i] = 0.5 * (t[i] + t[i + 1]);
        area[i]   = 2. * pi * R * R * (std::cos(t[i]) - std::cos(t[i + 1]));
      }
    // Conductance between two points of colatitude ta < tb across the face
    // at tf: sigma L 2 pi R sin(tf) / (R (tb - ta)).
    auto conductance = [&](double ta, double tb, double tf) {
      return sheet * 2. * pi * std::sin(tf) / (tb - ta);
    };
    const double        rim = conductance(t[0], centre[0], t[0]);
    std::vector<double> lower(n, 0.), diagonal(n, 0.), upper(n, 0.), rhs(n, 0.);
    for (unsigned int i = 0; i < n; ++i)
      diagonal[i] = area[i] / R_ct;
    diagonal[0] += rim;
    rhs[0] = rim;
    for (unsigned int i = 0; i + 1 < n; ++i)
      {
        const double g = conductance(centre[i], centre[i + 1], t[i + 1]);
        diagonal[i] += g;
        diagonal[i + 1] += g;
        upper[i]     = -g;
        lower[i + 1] = -g;
      }
    for (unsigned int i = 1; i < n; ++i) // Thomas algorithm
      {
        const double m = lower[i] / diagonal[i - 1];
        diagonal[i] -= m * upper[i - 1];
        rhs[i] -= m * rhs[i - 1];
      }
    std::vector<double> psi(n);
    psi[n - 1] = rhs[n - 1] / diagonal[n - 1];
    for (int i = int(n) - 2; i >= 0; --i)
      psi[i] = (rhs[i] - upper[i] * psi[i + 1]) / diagonal[i];
    const double cap = 4. * pi * R * R * a_c / R_ct;
    return 1. / (cap + rim * (1. - psi[0]));
  }

  const double R = 2e-6, L = 7.5e-9, thermal_voltage = 0.025693;
} // namespace

// The closed form equals the finite-volume solution of its ODE: the FV
// error falls at second order (measured 4e-6 at n = 4000, 1e-6 at 8000), so
// the two agree to 2e-5 at n = 4000 for the study's coatings (sigma L =
// 1.8e-12 .. 2.9e-11 S), exchange currents 0.1 and 1 A/m^2 (lambda/R =
// 0.07 .. 1.2) and contact fractions 1e-3 .. 0.3.
TEST(CoatingSpreading, ClosedFormMatchesFiniteVolumes)
{
  for (const double sigma : {3.87e-3, 2.43e-4})
    for (const double i0 : {1., 0.1})
      for (const double a_c : {1e-3, 1e-2, 0.1, 0.3})
        {
          const double R_ct   = thermal_voltage / i0;
          const auto   closed = cap_spreading(a_c, sigma * L, R_ct, R);
          const double fv     = finite_volume_resistance(a_c, sigma * L, R_ct, R, 4000);
          EXPECT_NEAR(closed.resistance / fv, 1., 2e-5)
            << "sigma " << sigma << " i0 " << i0 << " a_c " << a_c;
          // The FV solution converges to the closed form at its order 2
          // (asserted 1.8 from n = 1000 to 2000).
          const double e1 = std::abs(
            closed.resistance / finite_volume_resistance(a_c, sigma * L, R_ct, R, 1000) - 1.);
          const double e2 = std::abs(
            closed.resistance / finite_volume_resistance(a_c, sigma * L, R_ct, R, 2000) - 1.);
          EXPECT_GT(std::log2(e1 / e2), 1.8)
            << "sigma " << sigma << " i0 " << i0 << " a_c " << a_c;
          EXPECT_GT(closed.series(), 0.);
        }
}

// Full contact: the whole surface reacts, nothing in series.
TEST(CoatingSpreading, FullContactIsTheReactionAlone)
{
  const auto s = cap_spreading(1., 1e-11, 0.05, R);
  EXPECT_DOUBLE_EQ(s.resistance, 0.05 / (4. * pi * R * R));
  EXPECT_DOUBLE_EQ(s.series(), 0.);
}

// lambda >> R: the reaction is uniform and the series part tends to
// (ln(1/a) - 1 + a)/(4 pi sigma L); the difference is first order in
// k2 = (R/lambda)^2 (the reaction's non-uniformity over the particle):
// measured 2.5e-3 to 3.9e-3 relative at lambda/R = 10 (asserted 1e-2), and
// a ratio of 15.7 from lambda/R = 5 to 20 (16 for order 2 in R/lambda;
// asserted 12).
TEST(CoatingSpreading, UniformReactionLimit)
{
  for (const double a_c : {1e-3, 1e-2, 0.2})
    {
      auto relative_error = [&](double lambda_over_R) {
        const double sheet = 1e-11;
        const double R_ct  = std::pow(lambda_over_R * R, 2) / sheet;
        const double limit = uniform_spreading_resistance(a_c, sheet);
        return std::abs(cap_spreading(a_c, sheet, R_ct, R).series() - limit) / limit;
      };
      EXPECT_LT(relative_error(10.), 1e-2) << a_c;
      EXPECT_GT(relative_error(5.) / relative_error(20.), 12.) << a_c;
    }
}

// lambda << R and a patch much smaller than R: the sheet is flat over the
// penetration length, I = psi_c [pi a^2/R_ct + 2 pi a sqrt(sigma L/R_ct)
// K1(a/lambda)/K0(a/lambda)], a = R sin(t_c); within 1 % at lambda/R = 0.05
// (the curvature's correction is O(lambda/R) and O(a/R)).
TEST(CoatingSpreading, FlatSheetLimit)
{
  const double sheet = 1e-12, lambda = 0.05 * R, R_ct = lambda * lambda / sheet;
  for (const double a_c : {1e-4, 1e-3})
    {
      const double a    = R * std::sin(2. * std::asin(std::sqrt(a_c)));
      const double flat = 1. / (pi * a * a / R_ct + 2. * pi * a * std::sqrt(sheet / R_ct) *
                                                      std::cyl_bessel_k(1., a / lambda) /
                                                      std::cyl_bessel_k(0., a / lambda));
      EXPECT_NEAR(cap_spreading(a_c, sheet, R_ct, R).resistance / flat, 1., 1e-2) << a_c;
    }
}
