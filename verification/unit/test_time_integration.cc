// Variable-step BDF2: consistency of the coefficients, exactness for
// quadratics, the predictor, and the local-error estimate; the location of
// a step's end event.

#include <gtest/gtest.h>

#include <solver/time_integration/bdf2.h>
#include <solver/time_integration/events.h>

#include <cmath>
#include <functional>
#include <utility>

using namespace ssbcell;

TEST(Bdf2, BackwardEulerWithoutHistory)
{
  const auto c = bdf2_coefficients(2., 0.);
  EXPECT_EQ(c.a0, 1.);
  EXPECT_EQ(c.a1, -1.);
  EXPECT_EQ(c.a2, 0.);
}

TEST(Bdf2, ExactForQuadraticsWithVariableSteps)
{
  // (a0 y(t+h) + a1 y(t) + a2 y(t-hp)) / h = y'(t+h) for y = 1 + 2t + 3t^2.
  auto y  = [](double t) { return 1. + 2. * t + 3. * t * t; };
  auto dy = [](double t) { return 2. + 6. * t; };
  for (const double w : {0.3, 1., 2.5})
    {
      const double t = 1.7, h = 0.4, hp = h / w;
      const auto   c = bdf2_coefficients(h, hp);
      EXPECT_NEAR(c.a0 + c.a1 + c.a2, 0., 1e-14); // consistency
      // Round-off only: the terms are of size 10, the result exact.
      EXPECT_NEAR((c.a0 * y(t + h) + c.a1 * y(t) + c.a2 * y(t - hp)) / h, dy(t + h), 1e-11);
    }
}

TEST(Bdf2, ExtrapolationIsExactForQuadratics)
{
  auto       y = [](double t) { return 4. - t + 0.5 * t * t; };
  const auto w = quadratic_extrapolation_weights(3., 2., 1.2, 0.5);
  EXPECT_NEAR(w[0] * y(2.) + w[1] * y(1.2) + w[2] * y(0.5), y(3.), 1e-12);
}

TEST(Bdf2, ErrorEstimateMatchesTheTrueLocalError)
{
  // y' = 3 t^2 (y = t^3): one BDF2 step from exact history; the estimate
  // (2/11)(y_bdf - predictor) equals the true local error for cubics at
  // constant steps, up to round-off.
  const double h = 0.1, t = 1.;
  const auto   c = bdf2_coefficients(h, h);
  // Solve (a0 y1 + a1 y(t) + a2 y(t-h)) / h = 3 (t+h)^2 for y1.
  const double y1 =
    (3. * (t + h) * (t + h) * h - c.a1 * std::pow(t, 3) - c.a2 * std::pow(t - h, 3)) / c.a0;
  const auto   w = quadratic_extrapolation_weights(t + h, t, t - h, t - 2. * h);
  const double predicted =
    w[0] * std::pow(t, 3) + w[1] * std::pow(t - h, 3) + w[2] * std::pow(t - 2. * h, 3);
  const double true_error = y1 - std::pow(t + h, 3);
  const double estimate   = bdf2_error_factor * (y1 - predicted);
  EXPECT_NEAR(estimate / true_error, 1., 1e-8);
}

TEST(Bdf2, StepSizeFactorIsBounded)
{
  EXPECT_EQ(step_size_factor(0.), 2.);
  EXPECT_EQ(step_size_factor(1e6), 0.2);
  EXPECT_NEAR(step_size_factor(1.), 0.9, 1e-15);
}

// The event location on a step whose trial voltage is a known function of
// the step size t: a smooth crossing is located within the tolerance; a
// jump past the cut-off as the step begins (g > 0 for every t > 0) stops
// at the floor, 1e-6 of the step, and says so, instead of driving the step
// towards zero (it reached 1e-298 s before the floor).
TEST(EventLocation, SmoothCrossingAndJumpAtTheStart)
{
  using namespace ssbcell;
  const double dt     = 10.;
  auto         locate = [&](std::function<double(double)> voltage) {
    const Event event{EndReason::voltage_cutoff, 1e-6,
                      [](const CellState &s) { return s.voltage - 3.7; }};
    CellState   before;
    before.voltage = 3.6;
    Trial after;
    after.state.voltage        = voltage(dt);
    const TrialStep trial_step = [&](double t, Trial &trial) {
      trial.state.voltage = voltage(t);
      return true;
    };
    return std::make_pair(locate_event(event, before, dt, after, trial_step),
                                  after.state.voltage);
  };
  // V(t) = 3.6 + 0.2 t/dt crosses 3.7 at t = dt/2.
  const auto [smooth, v_smooth] = locate([&](double t) { return 3.6 + 0.2 * t / dt; });
  EXPECT_FALSE(smooth.at_step_start);
  EXPECT_NEAR(v_smooth, 3.7, 1e-6);
  EXPECT_NEAR(smooth.step, 0.5 * dt, 1e-4 * dt);
  // V jumps to 3.8 as soon as t > 0.
  const auto [jump, v_jump] = locate([](double t) { return t > 0. ? 3.8 : 3.6; });
  EXPECT_TRUE(jump.at_step_start);
  EXPECT_GE(jump.step, 1e-6 * dt * (1. - 1e-12));
  EXPECT_LE(jump.step, 2e-6 * dt);
  EXPECT_EQ(v_jump, 3.8);
}
