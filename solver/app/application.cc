#include <deal.II/base/mpi.h>

#include <physics/input_error.h>
#include <solver/app/application.h>
#include <solver/app/command_line.h>
#include <solver/app/single_run.h>
#include <solver/app/version.h>
#include <solver/parameters/run_parameters.h>
#include <solver/studies/poisson_reference.h>
#include <solver/studies/sweep.h>

#include <iostream>

namespace ssbcell
{
  namespace
  {
    // "ssbcell: error: FILE:LINE: <what> (<hint>)"
    std::string
    format_error(const InputError &e)
    {
      std::string where = e.file.empty() ? "parameters" : e.file;
      if (e.line > 0)
        where += ":" + std::to_string(e.line);
      std::string text = "ssbcell: error: " + where + ": " + e.what();
      if (!e.parameter_path.empty() &&
          std::string(e.what()).find(e.parameter_path) == std::string::npos)
        text += " [" + e.parameter_path + "]";
      if (!e.hint.empty())
        text += " (" + e.hint + ")";
      return text;
    }
  } // namespace

  int
  run_application(int argc, char **argv)
  {
    const bool root = dealii::Utilities::MPI::this_mpi_process(MPI_COMM_WORLD) == 0;
    try
      {
        const CommandLine cl =
          parse_command_line(std::vector<std::string>(argv + 1, argv + argc));
        switch (cl.action)
          {
            case CommandLine::Action::help:
              if (root)
                std::cout << "ssbcell " << version_string()
                          << ": all-solid-state battery cell simulator\n\n"
                          << usage();
              return 0;
            case CommandLine::Action::version:
              if (root)
                std::cout << "ssbcell " << version_string() << "\n"
                          << library_versions() << "\n";
              return 0;
            case CommandLine::Action::print_parameters:
              {
                dealii::ParameterHandler prm;
                RunParameters::declare_parameters(prm);
                if (root)
                  prm.print_parameters(std::cout, cl.print_format == "json" ?
                                                    dealii::ParameterHandler::JSON :
                                                    dealii::ParameterHandler::PRM);
                return 0;
              }
            case CommandLine::Action::sweep:
              return run_sweep(cl);
            case CommandLine::Action::poisson:
              return run_poisson_reference(cl.parameter_file, cl.overrides, MPI_COMM_WORLD);
            default:
              {
                RunRequest request;
                request.parameter_file = cl.parameter_file;
                request.overrides      = cl.overrides;
                request.directory      = cl.output_directory.empty() ?
                                           default_output_directory(cl.parameter_file) :
                                           cl.output_directory;
                request.quiet          = cl.quiet;
                return run_simulation(request, MPI_COMM_WORLD);
              }
          }
      }
    catch (const InputError &e)
      {
        if (root)
          std::cerr << format_error(e) << std::endl;
        return 2;
      }
  }
} // namespace ssbcell
