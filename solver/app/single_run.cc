#include <deal.II/base/mpi.h>
#include <deal.II/base/parameter_handler.h>

#include <physics/input_error.h>
#include <solver/app/single_run.h>
#include <solver/app/version.h>
#include <solver/io/parameter_reader.h>
#include <solver/io/run_log.h>
#include <solver/parameters/run_parameters.h>
#include <solver/time_integration/simulator.h>

#include <filesystem>

namespace ssbcell
{
  namespace
  {
    template <int dim>
    int
    simulate(const RunParameters &par,
             RunLog              &log,
             const std::string   &directory,
             MPI_Comm             comm)
    {
      Simulator<dim> simulator(par, log, comm);
      return simulator.run(directory);
    }

    void
    prepare_directory(const std::string &directory, dealii::ParameterHandler &prm)
    {
      std::error_code error;
      std::filesystem::create_directories(directory + "/solution", error);
      if (error)
        throw InputError("cannot create the output folder '" + directory + "'",
                         error.message(), "command line", 0);
      for (const auto &f : std::filesystem::directory_iterator(directory + "/solution"))
        std::filesystem::remove(f.path()); // no stale files from a longer run
      std::filesystem::remove(directory + "/particles.csv", error); // nor from another mesh
      prm.print_parameters(directory + "/parameters.prm", dealii::ParameterHandler::PRM);
    }
  } // namespace

  void
  locate_input_error(InputError            &e,
                     const ParameterReader &reader,
                     const std::string     &parameter_file)
  {
    // Range checks know the parameter, the reader knows where it was set.
    if (!e.parameter_path.empty() && e.file.empty())
      {
        const auto [file, line] = reader.location(e.parameter_path);
        e.file = !file.empty() ? file : parameter_file.empty() ? "defaults" : parameter_file;
        e.line = line;
      }
  }

  std::string
  default_output_directory(const std::string &parameter_file)
  {
    if (parameter_file.empty())
      return "output/default_cell";
    return "output/" + std::filesystem::path(parameter_file).stem().string();
  }

  int
  run_simulation(const RunRequest &request, MPI_Comm comm)
  {
    const bool               root = dealii::Utilities::MPI::this_mpi_process(comm) == 0;
    dealii::ParameterHandler prm;
    RunParameters::declare_parameters(prm);
    ParameterReader reader(prm);
    try
      {
        if (!request.parameter_file.empty())
          reader.read_file(request.parameter_file);
        for (unsigned int i = 0; i < request.overrides.size(); ++i)
          reader.apply_override(request.overrides[i], i + 1);
        for (unsigned int i = 0; i < request.case_overrides.size(); ++i)
          reader.apply_override(request.case_overrides[i], i + 1, request.case_label);

        RunParameters par;
        par.parse_parameters(prm);
        if (root)
          prepare_directory(request.directory, prm);
        MPI_Barrier(comm);

        RunLog log(root, request.quiet);
        log.open_file(request.directory + "/log.txt");
        log.out() << "ssbcell " << version_string() << " (" << library_versions() << ") on "
                  << dealii::Utilities::MPI::n_mpi_processes(comm) << " MPI rank(s)\n"
                  << "Parameters: "
                  << (request.parameter_file.empty() ? "built-in default cell" :
                                                       request.parameter_file)
                  << "; output: " << request.directory << "\n";
        switch (par.geometry.dimension)
          {
            case 1:
              return simulate<1>(par, log, request.directory, comm);
            case 2:
              return simulate<2>(par, log, request.directory, comm);
            default:
              return simulate<3>(par, log, request.directory, comm);
          }
      }
    catch (InputError &e)
      {
        locate_input_error(e, reader, request.parameter_file);
        throw;
      }
  }
} // namespace ssbcell
