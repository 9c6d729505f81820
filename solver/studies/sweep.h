#pragma once
// Parameter sweeps: `mpirun -np N ssbcell sweep FILE.prm`. The `Sweep`
// subsection names up to six parameters and their values; every
// combination (cartesian product, the first parameter varying slowest) is a
// case, run on its own group of ranks into <output>/cases/<case-id>/.
// <output>/sweep.csv collects one row per case. Failed cases are recorded and
// the sweep goes on; a rerun skips the cases that already finished.

#include <deal.II/base/parameter_handler.h>

#include <solver/app/command_line.h>

#include <string>
#include <vector>

namespace ssbcell
{
  struct SweepParameters
  {
    static constexpr unsigned int max_parameters = 6;

    struct Varied
    {
      std::string              name;   // "Section/Subsection/Name"
      std::vector<std::string> values; // as text, in order
    };

    unsigned int        ranks_per_case = 1;
    std::vector<Varied> varied;

    static void
    declare_parameters(dealii::ParameterHandler &prm);
    void
    parse_parameters(dealii::ParameterHandler &prm);

    // Every combination of values, as "Name=value" assignments.
    std::vector<std::vector<std::string>>
    cases() const;
  };

  // "a, b, c", "a | b | c" (for values containing commas), "linspace(a, b, n)"
  // or "logspace(a, b, n)" (n values from a to b, evenly or geometrically
  // spaced). Throws InputError naming `path`.
  std::vector<std::string>
  expand_sweep_values(const std::string &text, const std::string &path);

  // Runs the sweep; returns the exit status. Throws InputError.
  int
  run_sweep(const CommandLine &command_line);
} // namespace ssbcell
