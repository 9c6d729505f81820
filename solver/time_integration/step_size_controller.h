#pragma once
// The step-size control of the adaptive BDF2 time loop: the local error of
// a step, estimated from the difference between the solution and the
// quadratic predictor through the last three solutions
// (solver/time_integration/bdf2.h), against the relative tolerance times
// the scale of the time-dependent fields (c_max).

#include <solver/linear_algebra/linear_algebra.h>
#include <solver/time_integration/solution_history.h>
#include <solver/time_integration/time_stepping.h>

#include <algorithm>
#include <functional>

namespace ssbcell
{
  class StepSizeController
  {
  public:
    // `max_of_time_dependent` gives max |v_i| over the DoFs of the
    // time-dependent fields (CellProblem::max_of_time_dependent).
    StepSizeController(const TimeSteppingParameters             &parameters,
                       double                                    scale,
                       std::function<double(const LA::Vector &)> max_of_time_dependent)
      : parameters(parameters)
      , scale(scale)
      , max_of_time_dependent(std::move(max_of_time_dependent))
    {
    }

    struct Decision
    {
      bool   accept = true;
      double factor = 2.; // for the next (or the repeated) step
    };

    // Judges the step to time t_new with solution x_new. With fixed steps,
    // or before three solutions are known, every step is accepted.
    Decision
    judge(const LA::Vector &x_new, double t_new, const SolutionHistory &history) const
    {
      if (fixed() || history.size() < 3)
        return {};
      const auto w = quadratic_extrapolation_weights(t_new, history[0].time, history[1].time,
                                                     history[2].time);
      LA::Vector difference(x_new);
      difference.add(-w[0], history[0].x, -w[1], history[1].x);
      difference.add(-w[2], history[2].x);
      const double error = bdf2_error_factor * max_of_time_dependent(difference) /
                           (parameters.relative_tolerance * scale);
      return {error <= 1., step_size_factor(error)};
    }

    // The first step of a protocol step, and the step after an accepted
    // one with factor `factor`.
    double
    first_step() const
    {
      return fixed() ? parameters.fixed_step : parameters.initial_step;
    }
    double
    next_step(double dt, double factor) const
    {
      return fixed() ? parameters.fixed_step : std::min(dt * factor, parameters.max_step);
    }

  private:
    bool
    fixed() const
    {
      return parameters.fixed_step > 0.;
    }

    const TimeSteppingParameters             &parameters;
    const double                              scale;
    std::function<double(const LA::Vector &)> max_of_time_dependent;
  };
} // namespace ssbcell
