#include <deal.II/base/mpi.h>
#include <deal.II/base/parameter_handler.h>

#include <meshes/geometry.h>
#include <solver/application.h>
#include <solver/command_line.h>
#include <solver/input_error.h>
#include <solver/parameter_reader.h>
#include <solver/run_log.h>
#include <solver/run_parameters.h>
#include <solver/simulator.h>
#include <solver/version.h>

#include <filesystem>
#include <fstream>
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

    std::string
    default_output_directory(const std::string &parameter_file)
    {
      if (parameter_file.empty())
        return "output/default_cell";
      return "output/" + std::filesystem::path(parameter_file).stem().string();
    }

    template <int dim>
    int
    simulate(const RunParameters &par, dealii::ParameterHandler &prm, RunLog &log,
             const std::string &directory)
    {
      Simulator<dim> simulator(par, prm, log, MPI_COMM_WORLD);
      return simulator.run(directory);
    }
  } // namespace

  int
  run_application(int argc, char **argv)
  {
    const bool root = dealii::Utilities::MPI::this_mpi_process(MPI_COMM_WORLD) == 0;
    std::vector<std::string> args(argv + 1, argv + argc);
    CommandLine              cl;
    dealii::ParameterHandler prm;
    std::unique_ptr<ParameterReader> reader;
    try
      {
        cl = parse_command_line(args);
        if (cl.action == CommandLine::Action::help)
          {
            if (root)
              std::cout << "ssbcell " << version_string()
                        << ": all-solid-state battery cell simulator\n\n"
                        << usage();
            return 0;
          }
        if (cl.action == CommandLine::Action::version)
          {
            if (root)
              std::cout << "ssbcell " << version_string() << "\n"
                        << library_versions() << "\n";
            return 0;
          }
        if (cl.action == CommandLine::Action::sweep)
          throw InputError("the 'sweep' command is not implemented yet",
                           "run the cases one by one", "command line", 0);

        RunParameters::declare_parameters(prm);
        if (cl.action == CommandLine::Action::print_parameters)
          {
            if (root)
              prm.print_parameters(std::cout, cl.print_format == "json" ?
                                                dealii::ParameterHandler::JSON :
                                                dealii::ParameterHandler::PRM);
            return 0;
          }

        reader = std::make_unique<ParameterReader>(prm);
        if (!cl.parameter_file.empty())
          reader->read_file(cl.parameter_file);
        for (unsigned int i = 0; i < cl.overrides.size(); ++i)
          reader->apply_override(cl.overrides[i], i + 1);

        RunParameters par;
        par.parse_parameters(prm);

        const std::string directory = cl.output_directory.empty() ?
                                        default_output_directory(cl.parameter_file) :
                                        cl.output_directory;
        if (root)
          {
            std::error_code error;
            std::filesystem::create_directories(directory + "/solution", error);
            if (error)
              throw InputError("cannot create the output folder '" + directory + "'",
                               error.message(), "command line", 0);
            std::filesystem::path solution(directory + "/solution");
            for (const auto &f : std::filesystem::directory_iterator(solution))
              std::filesystem::remove(f.path()); // no stale files from a longer run
            prm.print_parameters(directory + "/parameters.prm",
                                 dealii::ParameterHandler::PRM);
          }
        MPI_Barrier(MPI_COMM_WORLD);

        RunLog log(root, cl.quiet);
        log.open_file(directory + "/log.txt");
        log.out() << "ssbcell " << version_string() << " (" << library_versions()
                  << ") on " << dealii::Utilities::MPI::n_mpi_processes(MPI_COMM_WORLD)
                  << " MPI rank(s)\n"
                  << "Parameters: "
                  << (cl.parameter_file.empty() ? "built-in default cell" : cl.parameter_file)
                  << "; output: " << directory << "\n";
        switch (par.geometry.dimension)
          {
            case 1:
              return simulate<1>(par, prm, log, directory);
            case 2:
              return simulate<2>(par, prm, log, directory);
            default:
              return simulate<3>(par, prm, log, directory);
          }
      }
    catch (InputError &e)
      {
        if (!e.parameter_path.empty() && e.file.empty() && reader)
          {
            const auto [file, line] = reader->location(e.parameter_path);
            e.file = file.empty() ? (cl.parameter_file.empty() ? "defaults" :
                                                                 cl.parameter_file) :
                                    file;
            e.line = line;
          }
        if (root)
          std::cerr << format_error(e) << std::endl;
        return 2;
      }
  }
} // namespace ssbcell
