#pragma once
// The command line of interfaces.md. Options that start with a single '-'
// are PETSc's (e.g. -ksp_monitor) and are left to PETSc.

#include <string>
#include <vector>

namespace ssbcell
{
  struct CommandLine
  {
    enum class Action
    {
      run,
      sweep,
      poisson, // the reference Poisson solve of benchmarks
      print_parameters,
      version,
      help
    };
    Action                   action       = Action::run;
    std::string              print_format = "prm"; // prm | json
    std::string              parameter_file;       // empty: the default cell
    std::vector<std::string> overrides;            // --set values, in order
    std::string              output_directory;     // empty: output/<file stem>
    bool                     quiet = false;
  };

  // Throws InputError (file "command line") for unknown or incomplete options.
  CommandLine
  parse_command_line(const std::vector<std::string> &arguments);

  std::string
  usage();
} // namespace ssbcell
