#pragma once
// Errors caused by what the user gave us (parameter file, --set, mesh file).
// The main program turns them into exit status 2 and the one-line message
//   ssbcell: error: FILE:LINE: <what> (<hint>)
// A component that only knows the parameter path (e.g. a range check after
// parsing) sets `parameter_path`; the main program looks up where it was set.

#include <stdexcept>
#include <string>

namespace ssbcell
{
  class InputError : public std::runtime_error
  {
  public:
    InputError(const std::string &what,
               const std::string &hint           = "",
               const std::string &file           = "",
               const unsigned int line           = 0,
               const std::string &parameter_path = "")
      : std::runtime_error(what)
      , hint(hint)
      , file(file)
      , line(line)
      , parameter_path(parameter_path)
    {
    }

    std::string  hint;
    std::string  file;
    unsigned int line;
    // "Section/Subsection/Name" of the offending parameter, if known.
    std::string parameter_path;
  };
} // namespace ssbcell
