#include <deal.II/base/mpi.h>
#include <deal.II/base/timer.h>
#include <deal.II/base/utilities.h>

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <physics/input_error.h>
#include <physics/parameter_checks.h>
#include <solver/app/single_run.h>
#include <solver/io/json_writer.h>
#include <solver/io/parameter_reader.h>
#include <solver/io/text.h>
#include <solver/parameters/run_parameters.h>
#include <solver/studies/sweep.h>

#include <cmath>
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

    // RFC 4180 quoting where needed.
    std::string
    csv_field(const std::string &s)
    {
      if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
      std::string quoted = "\"";
      for (const char c : s)
        quoted += (c == '"') ? std::string("\"\"") : std::string(1, c);
      return quoted + "\"";
    }

    std::string
    to_text(double v)
    {
      std::ostringstream out;
      out << std::setprecision(12) << v;
      return out.str();
    }
  } // namespace

  std::vector<std::string>
  expand_sweep_values(const std::string &text, const std::string &path)
  {
    const std::string t = trim(text);
    for (const std::string function : {"linspace", "logspace"})
      if (t.rfind(function + "(", 0) == 0 && t.back() == ')')
        {
          const auto args = dealii::Utilities::split_string_list(
            t.substr(function.size() + 1, t.size() - function.size() - 2), ',');
          double       a = 0., b = 0.;
          unsigned int n = 0;
          try
            {
              if (args.size() != 3)
                throw std::invalid_argument(t);
              a = std::stod(args[0]);
              b = std::stod(args[1]);
              n = std::stoul(args[2]);
            }
          catch (...)
            {
              throw InputError("cannot read '" + t + "'",
                               function + "(first, last, number of values)", "", 0, path);
            }
          if (n < 1 || n > 10000 || (function == "logspace" && (a <= 0. || b <= 0.)))
            throw InputError("'" + t + "' does not give a list of values",
                             "1 to 10000 values; logspace needs positive ends", "", 0, path);
          std::vector<std::string> values;
          for (unsigned int i = 0; i < n; ++i)
            {
              const double s = n == 1 ? 0. : double(i) / (n - 1);
              values.push_back(
                to_text(function == "linspace" ? a + s * (b - a) : a * std::pow(b / a, s)));
            }
          return values;
        }
    const char               separator = t.find('|') != std::string::npos ? '|' : ',';
    std::vector<std::string> values;
    std::istringstream       in(t);
    std::string              value;
    while (std::getline(in, value, separator))
      if (!trim(value).empty())
        values.push_back(trim(value));
    return values;
  }

  void
  SweepParameters::declare_parameters(dealii::ParameterHandler &prm)
  {
    namespace Patterns = dealii::Patterns;
    prm.enter_subsection("Sweep");
    prm.declare_entry("Ranks per case", "1", Patterns::Integer(1),
                      "MPI ranks that run one case of `ssbcell sweep`; the "
                      "job's ranks form groups of this size.");
    for (unsigned int k = 1; k <= max_parameters; ++k)
      {
        prm.enter_subsection("Parameter " + std::to_string(k));
        prm.declare_entry("Name", "", Patterns::Anything(),
                          "A parameter to vary, as 'Section/Subsection/Name' "
                          "(e.g. 'Cell/Active material loading [mg/cm^2]'); "
                          "empty = unused.");
        prm.declare_entry("Values", "", Patterns::Anything(),
                          "Its values: 'a, b, c', 'a | b | c' (for values with "
                          "commas, such as protocols), 'linspace(a, b, n)' or "
                          "'logspace(a, b, n)'.");
        prm.leave_subsection();
      }
    prm.leave_subsection();
  }

  void
  SweepParameters::parse_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Sweep");
    ranks_per_case = prm.get_integer("Ranks per case");
    varied.clear();
    for (unsigned int k = 1; k <= max_parameters; ++k)
      {
        const std::string section = "Parameter " + std::to_string(k);
        prm.enter_subsection(section);
        Varied v;
        v.name                   = trim(prm.get("Name"));
        const std::string values = prm.get("Values");
        prm.leave_subsection();
        if (v.name.empty())
          continue;
        v.values = expand_sweep_values(values, "Sweep/" + section + "/Values");
        if (v.values.empty())
          throw InputError("'" + v.name + "' is to be varied but has no values",
                           "set "
                           "Sweep/" +
                             section + "/Values",
                           "", 0, "Sweep/" + section + "/Name");
        varied.push_back(v);
      }
    prm.leave_subsection();
  }

  std::vector<std::vector<std::string>>
  SweepParameters::cases() const
  {
    std::vector<std::vector<std::string>> result = {{}};
    for (const auto &v : varied)
      {
        std::vector<std::vector<std::string>> extended;
        for (const auto &partial : result)
          for (const auto &value : v.values)
            {
              auto c = partial;
              c.push_back(v.name + "=" + value);
              extended.push_back(c);
            }
        result = extended;
      }
    return result;
  }

  namespace
  {
    // Reads every case's summary.json and writes sweep.csv.
    void
    write_sweep_table(const std::string                           &directory,
                      const SweepParameters                       &sweep,
                      const std::vector<std::vector<std::string>> &cases,
                      const std::vector<std::string>              &ids)
    {
      namespace pt = boost::property_tree;
      std::vector<pt::ptree> summaries(cases.size());
      std::size_t            max_steps = 0;
      for (std::size_t i = 0; i < cases.size(); ++i)
        {
          try
            {
              pt::read_json(directory + "/cases/" + ids[i] + "/summary.json", summaries[i]);
            }
          catch (...)
            {
              summaries[i].put("status", "missing");
            }
          if (const auto steps = summaries[i].get_child_optional("steps"))
            max_steps = std::max(max_steps, steps->size());
        }

      std::ofstream csv(directory + "/sweep.csv");
      csv << "case_id";
      for (const auto &v : sweep.varied)
        csv << "," << csv_field(v.name);
      csv << ",status,message";
      for (std::size_t k = 0; k < max_steps; ++k)
        for (const char *column :
             {"kind", "capacity_mAh_g", "capacity_mAh_cm2", "end_reason", "end_voltage_V"})
          csv << ",step" << k << "_" << column;
      csv << ",discharge_capacity_mAh_g,li_inventory_error_rel\n";

      for (std::size_t i = 0; i < cases.size(); ++i)
        {
          const auto &s = summaries[i];
          csv << ids[i];
          for (const auto &assignment : cases[i])
            csv << "," << csv_field(assignment.substr(assignment.find('=') + 1));
          csv << "," << s.get<std::string>("status", "missing") << ","
              << csv_field(s.get<std::string>("message", ""));
          std::string discharge = "";
          std::size_t k         = 0;
          if (const auto steps = s.get_child_optional("steps"))
            for (const auto &[key, step] : *steps)
              {
                (void)key;
                csv << "," << step.get<std::string>("kind", "") << ","
                    << step.get<std::string>("capacity_mAh_g", "") << ","
                    << step.get<std::string>("capacity_mAh_cm2", "") << ","
                    << csv_field(step.get<std::string>("end_reason", "")) << ","
                    << step.get<std::string>("end_voltage_V", "");
                if (step.get<std::string>("kind", "") == "discharge")
                  discharge = step.get<std::string>("capacity_mAh_g", "");
                ++k;
              }
          for (; k < max_steps; ++k)
            csv << ",,,,,";
          csv << "," << discharge << ","
              << s.get<std::string>("diagnostics.li_inventory_error_rel", "") << "\n";
        }
    }

    // A case that could not run still gets a summary.json, so that the table
    // and a rerun know about it.
    void
    write_error_summary(const std::string &file,
                        const std::string &status,
                        const std::string &message)
    {
      JsonWriter json;
      json.begin_object().value("status", status).value("message", message);
      json.begin_array("steps").end_array().end_object();
      std::ofstream(file) << json.str();
    }
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
    ParameterReader reader(prm);
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
      std::cout << "Sweep of " << cases.size() << " case(s) on " << n_groups << " group(s) of "
                << sweep.ranks_per_case << " rank(s); output " << directory << std::endl;

    if (group < n_groups)
      {
        const bool group_root = dealii::Utilities::MPI::this_mpi_process(group_comm) == 0;
        for (std::size_t i = group; i < cases.size(); i += n_groups)
          {
            const std::string case_directory = directory + "/cases/" + ids[i];
            std::string       description;
            for (const auto &a : cases[i])
              description += a + "\n";
            // Finished before, with the same values: keep it.
            if (std::filesystem::exists(case_directory + "/summary.json") &&
                read_text(case_directory + "/case.txt") == description)
              {
                if (group_root)
                  std::cout << ids[i] << ": finished before, skipped" << std::endl;
                continue;
              }
            dealii::Timer timer;
            std::string   status = "ok";
            RunRequest    request{cl.parameter_file, cl.overrides,   cases[i],
                               "sweep case",      case_directory, true};
            try
              {
                status = run_simulation(request, group_comm) == 0 ? "ok" : "failed";
              }
            catch (const InputError &e)
              {
                status = "error";
                if (group_root)
                  {
                    std::filesystem::create_directories(case_directory);
                    write_error_summary(case_directory + "/summary.json", status,
                                        e.what() +
                                          (e.hint.empty() ? "" : " (" + e.hint + ")"));
                  }
              }
            catch (const std::exception &e)
              {
                status = "failed";
                if (group_root)
                  {
                    std::filesystem::create_directories(case_directory);
                    write_error_summary(case_directory + "/summary.json", status, e.what());
                  }
              }
            if (group_root)
              {
                std::ofstream(case_directory + "/case.txt") << description;
                std::string values;
                for (const auto &a : cases[i])
                  values += (values.empty() ? "" : ", ") + a;
                std::cout << ids[i] << " [" << values << "]: " << status << " (" << std::fixed
                          << std::setprecision(1) << timer.wall_time() << " s)"
                          << std::defaultfloat << std::endl;
              }
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
