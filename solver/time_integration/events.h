#pragma once
// The end conditions of a protocol step (events: a voltage or current
// cut-off, a stoichiometry limit), why a step ended, and the location of an
// event inside the time step that crossed it.

#include <solver/linear_algebra/linear_algebra.h>
#include <solver/nonlinear/newton_solver.h>
#include <solver/protocol/protocol.h>

#include <functional>
#include <limits>
#include <vector>

namespace ssbcell
{
  // Why a protocol step ended (summary.json `end_reason`).
  enum class EndReason
  {
    voltage_cutoff,
    current_cutoff,
    stoichiometry_limit,
    time,
    failed
  };

  // "voltage cut-off", "current cut-off", "stoichiometry limit", "time",
  // "failed" (docs/interfaces contract).
  const char *
  to_string(EndReason reason);

  // The reported state of the cell after a (tentative) time step.
  struct CellState
  {
    double voltage       = 0.; // [V vs anode]
    double theta_surface = 0.; // mean surface stoichiometry
    double c_surface     = 0.; // [mol/m^3]
    double c_mean        = 0.; // [mol/m^3]
    double current       = 0.; // cell current density [A/m^2]
  };

  struct Event
  {
    EndReason                                reason;
    double                                   tolerance; // on g, in g's unit
    std::function<double(const CellState &)> g;         // the event happens when g >= 0
    bool                                     ends_repeat = false;
  };

  // The events of protocol step `step`: its voltage cut-off, its current
  // cut-off (holds), the cut-off of its Repeat block, and, for a model
  // without interface kinetics, the stoichiometry limits of the host.
  std::vector<Event>
  step_events(const ProtocolStep &step,
              const Protocol     &protocol,
              double              one_c_current,
              double              voltage_tolerance,
              bool                has_interface_kinetics);

  // A trial of the time step with size dt from the same history: false if
  // it cannot be solved that far.
  struct Trial
  {
    CellState    state;
    LA::Vector   x;
    NewtonResult result;
    // The cell voltage Newton starts from (NaN: the step's start). Near a
    // cut-off the voltage is steep, and Newton limits each potential update
    // (0.1 V): from the step's start a trial took about 9 iterations.
    double voltage_guess = std::numeric_limits<double>::quiet_NaN();
  };
  using TrialStep = std::function<bool(double dt, Trial &trial)>;

  struct LocatedEvent
  {
    double step = 0.; // the chosen step size
    // The crossing lies within 1e-6 of the step from its start: the
    // function jumped past zero as the step began (e.g. an ohmic jump past
    // the cut-off when the current starts); `step` is then that floor.
    bool at_step_start = false;
  };

  // Shrinks the step [0, dt] that crossed `event` (g(before) < 0 <=
  // g(after)) to where g = 0 within the event's tolerance, by the Illinois
  // method (modified regula falsi) on the step size, every trial a full
  // implicit step. `after` holds the trial of size dt on entry and the
  // chosen one on return.
  LocatedEvent
  locate_event(const Event     &event,
               const CellState &before,
               double           dt,
               Trial           &after,
               const TrialStep &trial_step);
} // namespace ssbcell
