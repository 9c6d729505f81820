#include <physics/input_error.h>
#include <solver/app/command_line.h>

namespace ssbcell
{
  std::string
  usage()
  {
    return "Usage:\n"
           "  ssbcell [FILE.prm] [--set \"Section/Name=value\"]... [--output DIR] [--quiet]\n"
           "  ssbcell --print-parameters [prm|json]\n"
           "  ssbcell --version | --help\n"
           "  mpirun -np N ssbcell FILE.prm\n"
           "  mpirun -np N ssbcell sweep FILE.prm   a parameter study (Sweep subsection)\n"
           "  mpirun -np N ssbcell poisson FILE.prm [--set ...]   an AMG-preconditioned\n"
           "      Poisson solve on the mesh of the run; prints one JSON line with its\n"
           "      timings (the unit of cost of scripts/bench)\n"
           "\n"
           "Without FILE the default cell runs (a coated NMC532 particle, 1D).\n"
           "Outputs go to output/<FILE without .prm> (or output/default_cell):\n"
           "statistics.csv, summary.json, parameters.prm, log.txt, solution/.\n"
           "Exit status: 0 success, 2 bad input, 3 simulation failed, 1 other.\n"
           "Options starting with a single '-' are passed to PETSc.\n";
  }

  CommandLine
  parse_command_line(const std::vector<std::string> &args)
  {
    CommandLine cl;
    auto        fail = [](const std::string &what, const std::string &hint) {
      throw InputError(what, hint, "command line", 0);
    };
    for (std::size_t i = 0; i < args.size(); ++i)
      {
        const std::string &a    = args[i];
        auto               next = [&](const std::string &option) {
          if (i + 1 >= args.size())
            fail("option " + option + " needs a value", "see ssbcell --help");
          return args[++i];
        };
        if (a == "--help" || a == "-h")
          cl.action = CommandLine::Action::help;
        else if (a == "--version")
          cl.action = CommandLine::Action::version;
        else if (a == "--print-parameters")
          {
            cl.action = CommandLine::Action::print_parameters;
            if (i + 1 < args.size() && (args[i + 1] == "prm" || args[i + 1] == "json"))
              cl.print_format = args[++i];
          }
        else if (a == "--set")
          cl.overrides.push_back(next(a));
        else if (a.rfind("--set=", 0) == 0)
          cl.overrides.push_back(a.substr(6));
        else if (a == "--output")
          cl.output_directory = next(a);
        else if (a.rfind("--output=", 0) == 0)
          cl.output_directory = a.substr(9);
        else if (a == "--quiet" || a == "-q")
          cl.quiet = true;
        else if (a.rfind("--", 0) == 0)
          fail("unknown option '" + a + "'", "see ssbcell --help");
        else if (a.size() > 1 && a[0] == '-')
          {
            // A PETSc option; its value (if any) follows without a dash.
            if (i + 1 < args.size() && args[i + 1][0] != '-' &&
                args[i + 1].find(".prm") == std::string::npos)
              ++i;
          }
        else if (a == "sweep" && cl.parameter_file.empty() &&
                 cl.action == CommandLine::Action::run)
          cl.action = CommandLine::Action::sweep;
        else if (a == "poisson" && cl.parameter_file.empty() &&
                 cl.action == CommandLine::Action::run)
          cl.action = CommandLine::Action::poisson;
        else if (cl.parameter_file.empty())
          cl.parameter_file = a;
        else
          fail("more than one parameter file ('" + cl.parameter_file + "', '" + a + "')",
               "give one FILE.prm");
      }
    return cl;
  }
} // namespace ssbcell
