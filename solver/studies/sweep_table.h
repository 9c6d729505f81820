#pragma once
// sweep.csv: one row per finished case of a sweep (docs/outputs.md), read
// from the cases' summary.json: the varied parameters, the status, the
// results of every protocol step, the last discharge step's capacity and
// voltage-loss breakdown, and every scalar diagnostic of the run (contact
// fraction, charge-transfer resistance, Li inventory, ...).

#include <solver/studies/sweep.h>

#include <string>
#include <vector>

namespace ssbcell
{
  // The text a case's folder keeps of its values (case.txt): a rerun
  // compares it to know whether the case finished with these values.
  std::string
  case_description(const std::vector<std::string> &assignments);

  // (Re)writes <directory>/sweep.csv from the cases that have finished so
  // far (the others get no row yet). The file is replaced atomically, so
  // that several rank groups may write it as their cases finish.
  void
  write_sweep_table(const std::string                           &directory,
                    const SweepParameters                       &sweep,
                    const std::vector<std::vector<std::string>> &cases,
                    const std::vector<std::string>              &ids);
} // namespace ssbcell
