#pragma once
// One simulation: parameters from a file plus overrides, outputs into a
// folder, on an MPI communicator (the whole job, or one group of a sweep).

#include <physics/input_error.h>

#include <mpi.h>

#include <string>
#include <vector>

namespace ssbcell
{
  struct RunRequest
  {
    std::string              parameter_file; // empty: the default cell
    std::vector<std::string> overrides;      // --set values
    // Further "Section/Name=value" assignments (a sweep case), applied last
    // and reported as '<case_label> #N' in errors.
    std::vector<std::string> case_overrides;
    std::string              case_label = "sweep case";
    std::string              directory;
    bool                     quiet = false;
  };

  // Returns the exit status (0 ok, 3 the simulation failed). Bad input
  // throws InputError with the file and line where the value was set.
  int
  run_simulation(const RunRequest &request, MPI_Comm comm);

  class ParameterReader;

  // Gives an InputError that knows only its parameter path the file and line
  // where that parameter was set (or `parameter_file`/"defaults").
  void
  locate_input_error(InputError            &error,
                     const ParameterReader &reader,
                     const std::string     &parameter_file);

  // output/<file name without .prm>, or output/default_cell.
  std::string
  default_output_directory(const std::string &parameter_file);
} // namespace ssbcell
