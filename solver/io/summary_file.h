#pragma once
// summary.json (docs/outputs.md): the status of a run, the results of every
// protocol step and the diagnostics of the run. The time loop fills a
// RunSummary; this file only writes it.

#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace ssbcell
{
  // Results of one executed protocol step.
  struct StepRecord
  {
    unsigned int index = 0;
    std::string  kind, text, end_reason;
    double capacity_mAh_g = 0., capacity_mAh_cm2 = 0., duration_s = 0., end_voltage_V = 0.,
           end_current_A_m2 = 0.;
    double c_rate           = 0.; // |current| / 1C of a current step; 0 for rest and hold
    int    cycle            = -1;
    // Contributions to the cell voltage at the end of the step [V].
    std::vector<std::pair<std::string, double>> losses;
    // Charge and discharge steps: the linearised charge-transfer resistance
    // [ohm m^2] when half of the step's capacity had passed; NaN: none.
    double charge_transfer_resistance_mid_ohm_m2 = std::numeric_limits<double>::quiet_NaN();
    // Impedance steps: the spectrum's file and the numbers read off it and
    // fitted to it (solver/frequency_domain/equivalent_circuit.h).
    std::string                                 impedance_file;
    std::vector<std::pair<std::string, double>> impedance;
  };

  struct ContactAngleBin
  {
    double min_deg, max_deg, mean;
  };

  struct RunSummary
  {
    std::string             status, message;
    std::vector<StepRecord> steps;
    // Scalar diagnostics, in the order they are written.
    std::vector<std::pair<std::string, double>> diagnostics;
    // contact_fraction_by_angle (empty: not written).
    std::vector<ContactAngleBin> contact_by_angle;
    // Named groups of scalars (region volumes, interface areas, ...).
    std::vector<std::pair<std::string, std::vector<std::pair<std::string, double>>>> groups;
    // The verification against an exact solution, if any.
    std::string exact_solution;
    double      verification_error = 0., verification_time = 0.;
    // Work counters of the model (assemblies, solves, times).
    std::vector<std::pair<std::string, double>> work;
  };

  // Writes `summary` as JSON to `file`.
  void
  write_summary(const std::string &file, const RunSummary &summary);
} // namespace ssbcell
