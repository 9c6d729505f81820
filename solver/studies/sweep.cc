#include <deal.II/base/mpi.h>
#include <deal.II/base/timer.h>
#include <deal.II/base/utilities.h>

#include <physics/input_error.h>
#include <solver/app/single_run.h>
#include <solver/io/json_writer.h>
#include <solver/io/parameter_reader.h>
#include <solver/parameters/run_parameters.h>
#include <solver/studies/sweep.h>
#include <solver/studies/sweep_table.h>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace ssbcell
{
  namespace
  {
    std::string
    read_text(const std::string &file)
    {
      std::ifstream      in(file);
      std::ostringstream text;
      text << in.rdbuf();
      return text.str();
    }

    // A case that could not run still gets a summary.json, so that the table
    // and a rerun know about it.
    void
    write_error_summary(const std::string &directory,
                        const std::string &status,
                        const std::string &message)
    {
      std::filesystem::create_directories(directory);
      JsonWriter json;
      json.begin_object().value("status", status).value("message", message);
      json.begin_array("steps").end_array().end_object();
      std::ofstream(directory + "/summary.json") << json.str();
    }

    // Reads the sweep file and checks the Sweep subsection against the
    // parameters and the job's size.
    SweepParameters
    read_sweep(const CommandLine        &cl,
               ParameterReader          &reader,
               dealii::ParameterHandler &prm,
               unsigned int              size)
    {
      SweepParameters sweep;
      try
        {
          reader.read_file(cl.parameter_file);
          for (unsigned int i = 0; i < cl.overrides.size(); ++i)
            reader.apply_override(cl.overrides[i], i + 1);
          sweep.parse_parameters(prm);
          for (unsigned int k = 0; k < sweep.varied.size(); ++k)
            if (reader.pattern_of(sweep.varied[k].name).empty())
              throw InputError("'" + sweep.varied[k].name + "' is not a parameter",
                               "see 'ssbcell --print-parameters'", "", 0,
                               "Sweep/Parameter " + std::to_string(k + 1) + "/Name");
          if (sweep.varied.empty())
            throw InputError("the Sweep subsection varies no parameter",
                             "set Sweep/Parameter 1/Name and Values", "", 0,
                             "Sweep/Parameter 1/Name");
          if (sweep.ranks_per_case > size)
            throw InputError("Ranks per case = " + std::to_string(sweep.ranks_per_case) +
                               " but the job has " + std::to_string(size) + " rank(s)",
                             "start more ranks or lower it", "", 0, "Sweep/Ranks per case");
        }
      catch (InputError &e)
        {
          if (!e.parameter_path.empty() && e.file.empty())
            {
              const auto [file, line] = reader.location(e.parameter_path);
              e.file                  = file.empty() ? cl.parameter_file : file;
              e.line                  = line;
            }
          throw;
        }
      return sweep;
    }

    // Runs one case on the group's ranks; returns its status. A case that
    // cannot run (bad input, an exception) gets an error summary.
    std::string
    run_case(const RunRequest &request, MPI_Comm group, bool group_root)
    {
      try
        {
          return run_simulation(request, group) == 0 ? "ok" : "failed";
        }
      catch (const InputError &e)
        {
          if (group_root)
            write_error_summary(request.directory, "error",
                                e.what() + (e.hint.empty() ? "" : " (" + e.hint + ")"));
          return "error";
        }
      catch (const std::exception &e)
        {
          if (group_root)
            write_error_summary(request.directory, "failed", e.what());
          return "failed";
        }
    }

    // The cases are handed out in order as groups become free (a counter on
    // rank 0 that every group's root increments atomically, MPI one-sided):
    // a slow case then delays no other, where a fixed round-robin made a
    // group run its share whatever the others were doing.
    class CaseQueue
    {
    public:
      explicit CaseQueue(MPI_Comm world)
      {
        const bool owner = dealii::Utilities::MPI::this_mpi_process(world) == 0;
        MPI_Win_allocate(owner ? sizeof(long) : 0, sizeof(long), MPI_INFO_NULL, world,
                         &counter, &window);
        if (owner)
          {
            MPI_Win_lock(MPI_LOCK_EXCLUSIVE, 0, 0, window);
            *counter = 0;
            MPI_Win_unlock(0, window);
          }
        MPI_Barrier(world);
      }
      ~CaseQueue()
      {
        MPI_Win_free(&window);
      }
      CaseQueue(const CaseQueue &) = delete;
      CaseQueue &
      operator=(const CaseQueue &) = delete;

      // The next case for the group (the same on all its ranks).
      long
      next(MPI_Comm group, bool group_root)
      {
        long       index = 0;
        const long one   = 1;
        if (group_root)
          {
            MPI_Win_lock(MPI_LOCK_SHARED, 0, 0, window);
            MPI_Fetch_and_op(&one, &index, MPI_LONG, 0, 0, MPI_SUM, window);
            MPI_Win_unlock(0, window);
          }
        MPI_Bcast(&index, 1, MPI_LONG, 0, group);
        return index;
      }

    private:
      long   *counter = nullptr;
      MPI_Win window;
    };
  } // namespace

  int
  run_sweep(const CommandLine &cl)
  {
    const MPI_Comm     world = MPI_COMM_WORLD;
    const unsigned int rank  = dealii::Utilities::MPI::this_mpi_process(world);
    const unsigned int size  = dealii::Utilities::MPI::n_mpi_processes(world);
    if (cl.parameter_file.empty())
      throw InputError("'sweep' needs a parameter file with a Sweep subsection",
                       "mpirun -np N ssbcell sweep FILE.prm", "command line", 0);
    dealii::ParameterHandler prm;
    RunParameters::declare_parameters(prm);
    ParameterReader       reader(prm);
    const SweepParameters sweep = read_sweep(cl, reader, prm, size);

    const auto               cases     = sweep.cases();
    const std::string        directory = cl.output_directory.empty() ?
                                           default_output_directory(cl.parameter_file) :
                                           cl.output_directory;
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < cases.size(); ++i)
      ids.push_back("case-" + dealii::Utilities::int_to_string(i, 4));

    // Groups of `Ranks per case` ranks; left-over ranks wait.
    const unsigned int n_groups = size / sweep.ranks_per_case;
    const unsigned int group    = rank / sweep.ranks_per_case;
    MPI_Comm           group_comm;
    MPI_Comm_split(world, group < n_groups ? int(group) : MPI_UNDEFINED, rank, &group_comm);
    if (rank == 0)
      {
        std::filesystem::create_directories(directory);
        std::cout << "Sweep of " << cases.size() << " case(s) on " << n_groups
                  << " group(s) of " << sweep.ranks_per_case << " rank(s); output "
                  << directory << std::endl;
      }
    CaseQueue queue(world);
    if (group < n_groups)
      {
        const bool group_root = dealii::Utilities::MPI::this_mpi_process(group_comm) == 0;
        for (long next = queue.next(group_comm, group_root); next < long(cases.size());
             next      = queue.next(group_comm, group_root))
          {
                 const std::size_t i           = next;
                 const std::string folder      = directory + "/cases/" + ids[i];
                 const std::string description = case_description(cases[i]);
                 // Finished before, with the same values: keep it.
                 if (std::filesystem::exists(folder + "/summary.json") &&
                read_text(folder + "/case.txt") == description)
              {
                     if (group_root)
                  std::cout << ids[i] << ": finished before, skipped" << std::endl;
                continue;
              }
            dealii::Timer     timer;
                 const std::string status =
                   run_case({cl.parameter_file, cl.overrides, cases[i], "sweep case", folder, true},
                            group_comm, group_root);
                 if (!group_root)
              continue;
            std::ofstream(folder + "/case.txt") << description;
                 // The table grows as cases finish (a killed sweep keeps its rows).
                 write_sweep_table(directory, sweep, cases, ids);
                 std::string values;
                 for (const auto &a : cases[i])
              values += (values.empty() ? "" : ", ") + a;
            std::cout << ids[i] << " [" << values << "]: " << status << " (" << std::fixed
                           << std::setprecision(1) << timer.wall_time() << " s)"
                           << std::defaultfloat << std::endl;
          }
        MPI_Comm_free(&group_comm);
      }
    MPI_Barrier(world);
    if (rank == 0)
      {
        write_sweep_table(directory, sweep, cases, ids);
        std::cout << "Wrote " << directory << "/sweep.csv" << std::endl;
      }
    return 0;
  }
} // namespace ssbcell
