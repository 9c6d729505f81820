// The `Sweep` subsection: the parameters a sweep varies and their values,
// and the cases (their cartesian product).

#include <deal.II/base/utilities.h>

#include <physics/input_error.h>
#include <solver/io/text.h>
#include <solver/studies/sweep.h>

#include <cmath>
#include <iomanip>
#include <sstream>

namespace ssbcell
{
  namespace
  {
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

} // namespace ssbcell
