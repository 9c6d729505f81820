#pragma once
// The cycling protocol: parsing and validation of the `Protocol/Steps`
// grammar (see docs/parameters.md), expanded into a flat list of steps.

#include <optional>
#include <string>
#include <vector>

namespace ssbcell
{
  enum class StepKind
  {
    charge,
    discharge,
    rest,
    hold,
    sweep,    // cyclic voltammetry: the voltage moves at a constant rate
    impedance // the small-signal impedance at the present state (no time)
  };

  std::string
  to_string(StepKind kind); // "charge", "discharge", "rest", "hold", "sweep", "impedance"

  // A current is given either as a C-rate (multiple of the 1C current) or as
  // an absolute current density [A/m^2] (always a magnitude, >= 0).
  struct CurrentSpec
  {
    bool   is_c_rate = true;
    double value     = 0.; // C-rate multiple, or A/m^2
  };

  struct ProtocolStep
  {
    StepKind    kind = StepKind::rest;
    CurrentSpec current;             // charge / discharge: the current
    double      hold_voltage_V = 0.; // hold: the voltage
    // sweep: from start to end at |rate| [V/s]; its duration_s is
    // |end - start| / rate, so it ends at its end voltage.
    double sweep_start_V  = 0.;
    double sweep_end_V    = 0.;
    double sweep_rate_V_s = 0.;
    // impedance: from start to end frequency [Hz], log-spaced; takes no
    // time (duration_s = 0).
    double impedance_start_Hz          = 0.;
    double impedance_end_Hz            = 0.;
    double impedance_points_per_decade = 0.;
    // End conditions (at least one is set):
    std::optional<double>      until_voltage_V; // charge/discharge
    std::optional<double>      duration_s;      // "for <t> s|min|h"
    std::optional<CurrentSpec> until_current;   // hold: "until C/50"
    // When the step belongs to an expanded "Repeat": index of the repeat
    // block (0-based, in order of appearance) and the cycle number (0-based).
    int         repeat_block = -1;
    int         cycle        = -1;
    std::string text; // the original text of the step, trimmed
  };

  struct RepeatBlock
  {
    unsigned int          n_times = 1;
    std::optional<double> until_voltage_V; // ends the whole repeat early
  };

  struct Protocol
  {
    std::vector<ProtocolStep> steps;   // Repeat blocks expanded
    std::vector<RepeatBlock>  repeats; // indexed by ProtocolStep::repeat_block
  };

  // The frequencies [Hz] of an impedance step: from its start to its end
  // frequency, both included, `points per decade` log-spaced (the spacing
  // is adjusted slightly so that the end frequency is hit).
  std::vector<double>
  impedance_frequencies(const ProtocolStep &step);

  // The current density [A/m^2] of a current given as a C-rate or as a
  // current density, with `one_c` the 1C current density [A/m^2]: a
  // magnitude (>= 0).
  inline double
  current_density(const CurrentSpec &current, double one_c)
  {
    return current.is_c_rate ? current.value * one_c : current.value;
  }

  // The signed cell current density of a step [A/m^2, > 0 on discharge,
  // docs/model.md]: 0 for rests, holds and sweeps (whose current is the
  // response).
  inline double
  current_of(const ProtocolStep &step, double one_c)
  {
    if (step.kind != StepKind::charge && step.kind != StepKind::discharge)
      return 0.;
    const double magnitude = current_density(step.current, one_c);
    return step.kind == StepKind::charge ? -magnitude : magnitude;
  }

  // Parses the protocol text. Case-insensitive; steps separated by ';';
  // inside "Repeat <n> times: ..." the steps are separated by ','.
  // Throws InputError (physics/input_error.h) with a message naming the
  // offending step and a hint showing the expected form.
  Protocol
  parse_protocol(const std::string &text);
} // namespace ssbcell
