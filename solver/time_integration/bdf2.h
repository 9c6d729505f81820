#pragma once
// Variable-step BDF2 with a local-error estimate from a quadratic predictor.
//
// Step from t_n to t_{n+1} = t_n + h, previous step h_prev:
//   (a0 c^{n+1} + a1 c^n + a2 c^{n-1}) / h = f(c^{n+1}).
// With h_prev = 0 (first step of a protocol step, or after a restart) the
// scheme is backward Euler. The predictor is the quadratic through the last
// three solutions; for constant steps BDF2's local error is (2/9) h^3 c''' and
// the predictor's -h^3 c''', so LTE ~ (2/11) (c_bdf - c_predicted).

#include <array>
#include <cmath>

namespace ssbcell
{
  struct Bdf2Coefficients
  {
    double a0 = 1., a1 = -1., a2 = 0.;
  };

  inline Bdf2Coefficients
  bdf2_coefficients(double h, double h_prev)
  {
    if (h_prev <= 0.)
      return {1., -1., 0.};
    const double w = h / h_prev;
    return {(1. + 2. * w) / (1. + w), -(1. + w), w * w / (1. + w)};
  }

  // Lagrange weights of c^n, c^{n-1}, c^{n-2} (at times t0 > t1 > t2) for the
  // value at time t.
  inline std::array<double, 3>
  quadratic_extrapolation_weights(double t, double t0, double t1, double t2)
  {
    return {{(t - t1) * (t - t2) / ((t0 - t1) * (t0 - t2)),
             (t - t0) * (t - t2) / ((t1 - t0) * (t1 - t2)),
             (t - t0) * (t - t1) / ((t2 - t0) * (t2 - t1))}};
  }

  constexpr double bdf2_error_factor = 2. / 11.;

  // Step-size factor from a normalised error (1 = at tolerance) for a
  // method whose local error is O(h^3); safety 0.9, limits [0.2, 2].
  inline double
  step_size_factor(double normalised_error)
  {
    if (normalised_error <= 1e-10)
      return 2.;
    const double f = 0.9 * std::pow(normalised_error, -1. / 3.);
    return f < 0.2 ? 0.2 : (f > 2. ? 2. : f);
  }
} // namespace ssbcell
