#pragma once
// Reading numbers with physical range checks. A value out of range is bad
// input: InputError names the parameter path, and the main program reports
// the file and line where it was set.

#include <deal.II/base/parameter_handler.h>

#include <physics/input_error.h>

#include <cmath>
#include <sstream>
#include <string>

namespace ssbcell
{
  // Reads `name` in the current subsection (whose full path is `section`) and
  // checks lower <= value <= upper (strict where asked).
  inline double
  get_checked(dealii::ParameterHandler &prm,
              const std::string        &section,
              const std::string        &name,
              double                    lower,
              double                    upper,
              bool                      strict_lower = false,
              const std::string        &hint         = "")
  {
    const double value = prm.get_double(name);
    const bool ok = std::isfinite(value) && (strict_lower ? value > lower : value >= lower) &&
                    value <= upper;
    if (!ok)
      {
        std::ostringstream what, range;
        what << "'" << section << "/" << name << "' = " << value << " is out of range";
        range << "must be " << (strict_lower ? "> " : ">= ") << lower;
        if (std::isfinite(upper))
          range << " and <= " << upper;
        throw InputError(what.str(), hint.empty() ? range.str() : range.str() + "; " + hint,
                         "", 0, section + "/" + name);
      }
    return value;
  }

  inline double
  get_positive(dealii::ParameterHandler &prm,
               const std::string        &section,
               const std::string        &name,
               const std::string        &hint = "")
  {
    return get_checked(prm, section, name, 0., HUGE_VAL, true, hint);
  }
} // namespace ssbcell
