#include <solver/time_integration/events.h>

#include <algorithm>
#include <cmath>

namespace ssbcell
{
  const char *
  to_string(EndReason reason)
  {
    switch (reason)
      {
        case EndReason::voltage_cutoff:
          return "voltage cut-off";
        case EndReason::current_cutoff:
          return "current cut-off";
        case EndReason::stoichiometry_limit:
          return "stoichiometry limit";
        case EndReason::time:
          return "time";
        case EndReason::failed:
          return "failed";
      }
    return "failed";
  }

  std::vector<Event>
  step_events(const ProtocolStep &step,
              const Protocol     &protocol,
              double              one_c_current,
              double              voltage_tolerance,
              bool                has_interface_kinetics)
  {
    std::vector<Event> events;
    auto               add_voltage_event = [&](double v, bool repeat) {
      if (step.kind == StepKind::charge)
        events.push_back({EndReason::voltage_cutoff, voltage_tolerance,
                          [v](const CellState &s) { return s.voltage - v; }, repeat});
      else if (step.kind == StepKind::discharge)
        events.push_back({EndReason::voltage_cutoff, voltage_tolerance,
                          [v](const CellState &s) { return v - s.voltage; }, repeat});
    };
    if (step.until_voltage_V)
      add_voltage_event(*step.until_voltage_V, false);
    if (step.until_current)
      {
        // The held current decays towards zero; the step ends at |I| = limit.
        const double limit = current_density(*step.until_current, one_c_current);
        events.push_back(
          {EndReason::current_cutoff, 1e-4 * limit,
           [limit](const CellState &s) { return limit - std::abs(s.current); }});
      }
    if (step.repeat_block >= 0 && protocol.repeats[step.repeat_block].until_voltage_V)
      add_voltage_event(*protocol.repeats[step.repeat_block].until_voltage_V, true);
    // The host cannot take more Li than c_max nor give up more than it has.
    // With interface kinetics the exchange current vanishes there and the
    // voltage falls first; without them, nothing else stops the step.
    if (!has_interface_kinetics && step.kind == StepKind::discharge)
      events.push_back({EndReason::stoichiometry_limit, 1e-7,
                        [](const CellState &s) { return s.theta_surface - 1.; }});
    if (!has_interface_kinetics && step.kind == StepKind::charge)
      events.push_back({EndReason::stoichiometry_limit, 1e-7,
                        [](const CellState &s) { return -s.theta_surface; }});
    return events;
  }

  LocatedEvent
  locate_event(const Event     &event,
               const CellState &before,
               double           dt,
               Trial           &after,
               const TrialStep &trial_step)
  {
    // The bracket [lo, hi] keeps g(lo) < 0 <= g(hi); hi is the step returned.
    // g_lo and g_hi are the weights of the secant, which the Illinois rule
    // halves; the tolerance is checked on g at hi itself.
    double lo = 0., g_lo = event.g(before);
    double hi = dt, g_hi = event.g(after.state), g_at_hi = g_hi;
    double hi_limit = dt; // below the smallest step whose solve failed
    int    side     = 0;
    // The voltages at the bracket's ends, for the trials' initial guesses.
    double v_lo = before.voltage, v_hi = after.state.voltage;
    Trial  trial{CellState(), after.x, NewtonResult()};
    // A crossing closer than this to the step's start is at its start: the
    // voltage jumps past the cut-off as soon as the current flows (an ohmic
    // jump larger than the window). Without a floor the secant would drive
    // the step towards zero (1e-298 s was seen), and the BDF with it. Only
    // while no point below the crossing has been found (lo = 0): elsewhere
    // the voltage may be steep, and the tolerance on g decides.
    const double min_step = 1e-6 * dt;
    for (unsigned int it = 0; it < 60; ++it)
      {
        const double floor = lo > 0. ? 0. : min_step;
        if (std::abs(g_at_hi) <= event.tolerance || hi - lo < 1e-10 * hi || hi - lo <= floor)
          break;
        double t = (lo * g_hi - hi * g_lo) / (g_hi - g_lo);
        if (!(t > lo && t < hi_limit))
          t = 0.5 * (lo + std::min(hi, hi_limit));
        t = std::max(t, lo + floor);
        if (hi_limit - lo < std::max(1e-10 * hi, floor))
          break;
        trial.voltage_guess = v_lo + (t - lo) / (hi - lo) * (v_hi - v_lo);
        if (!trial_step(t, trial))
          {
            // No solution that far (e.g. the kinetics cannot carry the
            // current any more): the event lies before; search below it.
            hi_limit = std::min(hi_limit, t);
            side     = 0;
            continue;
          }
        const double g = event.g(trial.state);
        if (g >= 0.)
          {
            hi = t, g_hi = g, g_at_hi = g, v_hi = trial.state.voltage;
            after.state  = trial.state;
            after.x      = trial.x;
            after.result = trial.result;
            if (side == -1)
              g_lo /= 2.;
            side = -1;
          }
        else
          {
            lo = t, g_lo = g, v_lo = trial.state.voltage;
            if (side == 1)
              g_hi /= 2.;
            side = 1;
          }
      }
    return {hi, lo == 0. && hi <= min_step};
  }
} // namespace ssbcell
