#pragma once
// Reads `.prm` files and `--set` overrides into a ParameterHandler whose
// entries are all declared, with errors that name the file and line:
// unknown subsections and names, malformed values, unterminated
// subsections, stray `end`s and lines that are not parameter syntax (binary
// garbage included) are InputErrors. It remembers where each parameter was
// set, so range checks made later can point at the offending line.

#include <deal.II/base/parameter_handler.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ssbcell
{
  class ParameterReader
  {
  public:
    explicit ParameterReader(dealii::ParameterHandler &prm);

    void
    read_file(const std::string &file_name);
    // Same syntax as a file; `name` stands for the file name in messages.
    void
    read_string(const std::string &text, const std::string &name);
    // "Section/Subsection/Name=value"; errors name '<source> #<index>'.
    void
    apply_override(const std::string &assignment,
                   unsigned int       index,
                   const std::string &source = "--set");

    // Where a parameter ("Section/Name") was last set: {file, line}, or
    // {"", 0} for a default value.
    std::pair<std::string, unsigned int>
    location(const std::string &path) const;

    // The pattern description of a declared parameter ("" if unknown).
    std::string
    pattern_of(const std::string &path) const;

  private:
    void
    set_value(const std::vector<std::string> &sections,
              const std::string              &name,
              const std::string              &value,
              const std::string              &file,
              unsigned int                    line);

    dealii::ParameterHandler                                   &prm;
    std::map<std::string, std::pair<std::string, unsigned int>> locations;
    std::map<std::string, std::string>                          patterns;
  };

  // "A/B/C" <-> {"A", "B", "C"}
  std::string
  join_path(const std::vector<std::string> &parts, const std::string &last = "");
} // namespace ssbcell
