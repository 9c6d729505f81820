#pragma once
// Shared set-up for unit tests: a ParameterHandler with every ssbcell
// parameter declared, filled from a .prm text; names of scratch files.

#include <deal.II/base/mpi.h>
#include <deal.II/base/parameter_handler.h>

#include <solver/io/parameter_reader.h>
#include <solver/parameters/run_parameters.h>

#include <filesystem>
#include <memory>
#include <string>

namespace ssbcell::test
{
  struct Parameters
  {
    dealii::ParameterHandler         prm;
    std::unique_ptr<ParameterReader> reader;
    RunParameters                    run;

    explicit Parameters(const std::string &text = "")
    {
      RunParameters::declare_parameters(prm);
      reader = std::make_unique<ParameterReader>(prm);
      reader->read_string(text, "test.prm");
    }

    RunParameters &
    parse()
    {
      run.parse_parameters(prm);
      return run;
    }
  };

  // A scratch file in the temporary directory, never in the working one
  // (tests run by hand from the source tree must not leave files in it).
  // The same on every rank of a run, so that the ranks of a 2-rank test
  // share it, and different for a serial and a 2-rank run of the same test,
  // which ctest may run side by side.
  inline std::string
  scratch_file(const std::string &name)
  {
    const unsigned int ranks = dealii::Utilities::MPI::n_mpi_processes(MPI_COMM_WORLD);
    return (std::filesystem::temp_directory_path() /
            ("ssbcell_test_np" + std::to_string(ranks) + "_" + name))
      .string();
  }
} // namespace ssbcell::test
