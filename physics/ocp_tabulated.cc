// Open-circuit potential U(theta) from a measured table in a CSV file,
// interpolated with a monotone cubic spline (physics/monotone_spline.h).

#include <physics/monotone_spline.h>
#include <physics/open_circuit_potential.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace ssbcell
{
  namespace
  {
    const std::string parameter_path =
      "Materials/Active material/Open-circuit potential table/File name";

    [[noreturn]] void
    table_error(const std::string &file_name, const std::string &what, const std::string &hint)
    {
      throw InputError("open-circuit potential table '" + file_name + "': " + what, hint, "",
                       0, parameter_path);
    }

    // Splits at commas, semicolons, tabs and blanks (empty fields vanish).
    std::vector<std::string>
    split_fields(std::string line)
    {
      for (char &c : line)
        if (c == ',' || c == ';' || c == '\t' || c == '\r')
          c = ' ';
      std::istringstream       in(line);
      std::vector<std::string> fields;
      for (std::string f; in >> f;)
        fields.push_back(f);
      return fields;
    }

    // True if all of `s` is one number (strtod syntax).
    bool
    parse_number(const std::string &s, double &x)
    {
      char *end = nullptr;
      x         = std::strtod(s.c_str(), &end);
      return !s.empty() && end == s.c_str() + s.size();
    }

    class TabulatedOCP : public OpenCircuitPotential
    {
    public:
      static void
      declare_parameters(dealii::ParameterHandler &prm)
      {
        prm.enter_subsection("Open-circuit potential table");
        prm.declare_entry("File name", "", dealii::Patterns::Anything(),
                          "CSV file for model 'tabulated' with two columns theta, U "
                          "[V vs Li/Li+], one point per line, theta strictly increasing in "
                          "[0,1]. Columns may be separated by commas, semicolons, tabs or "
                          "blanks; a header line is allowed and '#' starts a comment. A "
                          "relative name is taken from the working directory. Between the "
                          "points U is a monotone cubic spline; outside the table it is "
                          "continued linearly with the end slope.");
        prm.leave_subsection();
      }

      void
      parse_parameters(dealii::ParameterHandler &prm) override
      {
        prm.enter_subsection("Open-circuit potential table");
        const std::string file_name = prm.get("File name");
        prm.leave_subsection();
        spline = std::make_unique<MonotoneCubicSpline>(read_table(file_name));
      }

      // Outside the table range [theta_first, theta_last] (e.g. theta
      // slightly beyond the measured window during a solve) the spline
      // continues linearly with its end slope: U and dU/dtheta stay
      // continuous and bounded instead of a cubic running away.
      double
      value(double theta) const override
      {
        return spline->value(theta);
      }
      double
      derivative(double theta) const override
      {
        return spline->derivative(theta);
      }

    private:
      static MonotoneCubicSpline
      read_table(const std::string &file_name)
      {
        const auto fail = [&](const std::string &what, const std::string &hint) {
          table_error(file_name, what, hint);
        };
        if (file_name.empty())
          fail("no file name given",
               "set 'File name' to a CSV file with columns theta, U [V]");
        std::ifstream in(file_name);
        if (!in)
          fail("cannot open the file", "relative names are taken from the working directory");

        std::vector<double> theta, u;
        bool                first_content_line = true;
        unsigned int        line_no            = 0;
        for (std::string line; std::getline(in, line);)
          {
            ++line_no;
            const auto fields = split_fields(line.substr(0, line.find('#')));
            if (fields.empty())
              continue;
            const std::string   at = "line " + std::to_string(line_no) + ": ";
            std::vector<double> x(fields.size());
            bool                any_number = false, all_numbers = true;
            for (std::size_t i = 0; i < fields.size(); ++i)
              {
                const bool ok = parse_number(fields[i], x[i]);
                any_number    = any_number || ok;
                all_numbers   = all_numbers && ok;
              }
            // The first line without any number is a header.
            const bool header  = first_content_line && !any_number;
            first_content_line = false;
            if (header)
              continue;
            if (fields.size() != 2)
              fail(at + "expected 2 columns (theta, U), found " +
                     std::to_string(fields.size()),
                   "one point 'theta, U' per line");
            if (!all_numbers)
              fail(at + "'" + fields[parse_number(fields[0], x[0]) ? 1 : 0] +
                     "' is not a number",
                   "only the first line may be a header");
            if (!(x[0] >= 0. && x[0] <= 1.))
              fail(at + "theta = " + fields[0] + " is outside [0,1]",
                   "theta is the stoichiometry c/c_max");
            if (!theta.empty() && !(x[0] > theta.back()))
              fail(at + "theta = " + fields[0] + " does not increase from the previous point",
                   "sort the table by strictly increasing theta");
            if (!std::isfinite(x[1]))
              fail(at + "U = " + fields[1] + " is not finite", "");
            theta.push_back(x[0]);
            u.push_back(x[1]);
          }
        if (in.bad())
          fail("read error", "");
        if (theta.size() < 2)
          fail("has " + std::to_string(theta.size()) + " data rows, at least 2 are needed",
               "one point 'theta, U' per line");
        try
          {
            return MonotoneCubicSpline(std::move(theta), std::move(u));
          }
        catch (const std::invalid_argument &e)
          {
            table_error(file_name, e.what(), "");
          }
      }

      std::unique_ptr<MonotoneCubicSpline> spline;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::OpenCircuitPotential,
                       ssbcell::TabulatedOCP,
                       "tabulated",
                       "U(theta) from a CSV table (theta, U) with a monotone "
                       "cubic spline; subsection 'Open-circuit potential table'.")
