#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <physics/input_error.h>
#include <solver/io/parameter_reader.h>
#include <solver/io/text.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace ssbcell
{
  namespace
  {
    // deal.II stores names with every character other than [a-zA-Z0-9]
    // written as _XX (hex); its JSON output may keep that form.
    std::string
    demangle(const std::string &s)
    {
      std::string out;
      for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i] == '_' && i + 2 < s.size() + 0 && std::isxdigit(s[i + 1]) &&
            std::isxdigit(s[i + 2]))
          {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
          }
        else
          out += s[i];
      return out;
    }

    void
    collect_patterns(const boost::property_tree::ptree  &tree,
                     const std::string                  &prefix,
                     std::map<std::string, std::string> &patterns)
    {
      for (const auto &[key, child] : tree)
        {
          const std::string name = demangle(key);
          if (child.get_optional<std::string>("pattern_description"))
            patterns[prefix + name] = child.get<std::string>("pattern_description");
          else if (!child.empty())
            collect_patterns(child, prefix + name + "/", patterns);
        }
    }

    // Readable form of deal.II's pattern descriptions, for hints.
    std::string
    describe_pattern(const std::string &pattern)
    {
      auto inner = pattern;
      if (inner.size() > 2 && inner.front() == '[' && inner.back() == ']')
        inner = inner.substr(1, inner.size() - 2);
      if (inner.rfind("Double", 0) == 0)
        return "a number (e.g. 2e-6)";
      if (inner.rfind("Integer", 0) == 0)
        {
          const auto range = inner.find("range ");
          return "a whole number" +
                 (range == std::string::npos ? "" : " in " + trim(inner.substr(range + 6)));
        }
      if (inner.rfind("Bool", 0) == 0)
        return "true or false";
      if (inner.rfind("Selection ", 0) == 0)
        return "one of: " + trim(inner.substr(10));
      return pattern;
    }

    // Printable form of a line for an error message.
    std::string
    quote(const std::string &line)
    {
      std::string out;
      for (const unsigned char ch : line.substr(0, 60))
        if (std::isprint(ch))
          out += static_cast<char>(ch);
        else
          {
            char buf[8];
            std::snprintf(buf, sizeof(buf), "\\x%02x", ch);
            out += buf;
          }
      return out + (line.size() > 60 ? "..." : "");
    }
  } // namespace

  std::string
  join_path(const std::vector<std::string> &parts, const std::string &last)
  {
    std::string path;
    for (const auto &p : parts)
      path += (path.empty() ? "" : "/") + p;
    if (!last.empty())
      path += (path.empty() ? "" : "/") + last;
    return path;
  }

  ParameterReader::ParameterReader(dealii::ParameterHandler &prm)
    : prm(prm)
  {
    std::stringstream json;
    prm.print_parameters(json, dealii::ParameterHandler::JSON);
    boost::property_tree::ptree tree;
    boost::property_tree::read_json(json, tree);
    collect_patterns(tree, "", patterns);
  }

  std::string
  ParameterReader::pattern_of(const std::string &path) const
  {
    const auto it = patterns.find(path);
    return it == patterns.end() ? "" : it->second;
  }

  std::pair<std::string, unsigned int>
  ParameterReader::location(const std::string &path) const
  {
    const auto it = locations.find(path);
    return it == locations.end() ? std::make_pair(std::string(), 0u) : it->second;
  }

  void
  ParameterReader::read_file(const std::string &file_name)
  {
    // An ifstream opens a folder without complaint (and reads nothing).
    std::error_code error;
    if (std::filesystem::is_directory(file_name, error))
      throw InputError("'" + file_name + "' is a folder, not a parameter file",
                       "give a .prm file, e.g. params/default_cell.prm", file_name, 0);
    std::ifstream in(file_name, std::ios::binary);
    if (!in)
      throw InputError("cannot open parameter file '" + file_name + "'", "check the path",
                       file_name, 0);
    std::stringstream buffer;
    buffer << in.rdbuf();
    read_string(buffer.str(), file_name);
  }

  void
  ParameterReader::read_string(const std::string &text, const std::string &file)
  {
    std::istringstream        in(text);
    std::vector<std::string>  sections;
    std::vector<unsigned int> opened_at;
    std::string               raw;
    unsigned int              line_no = 0;
    while (std::getline(in, raw))
      {
        ++line_no;
        const unsigned int first_line = line_no;
        // Continuation lines end in a backslash.
        std::string line = raw;
        while (!line.empty() && line.back() == '\\' && std::getline(in, raw))
          {
            line.pop_back();
            line += raw;
            ++line_no;
          }
        if (line.find('\0') != std::string::npos)
          throw InputError("line is not text: '" + quote(line) + "'",
                           "a parameter file holds lines 'subsection NAME', "
                           "'set NAME = VALUE' and 'end'",
                           file, first_line);
        const auto hash = line.find('#');
        if (hash != std::string::npos)
          line.erase(hash);
        line = trim(line);
        if (line.empty())
          continue;

        std::istringstream words(line);
        std::string        keyword;
        words >> keyword;
        for (auto &ch : keyword)
          ch = std::tolower(static_cast<unsigned char>(ch));

        if (keyword == "subsection")
          {
            const std::string name = trim(line.substr(10));
            auto              path = sections;
            path.push_back(name);
            if (name.empty() || !prm.subsection_path_exists(path))
              throw InputError("unknown subsection '" + name + "'" +
                                 (sections.empty() ? "" : " in '" + join_path(sections) + "'"),
                               "see 'ssbcell --print-parameters' for the sections", file,
                               first_line);
            sections = path;
            opened_at.push_back(first_line);
          }
        else if (keyword == "end")
          {
            if (trim(line.substr(3)) != "")
              throw InputError("cannot read line '" + quote(line) + "'",
                               "'end' closes a subsection and stands alone", file, first_line);
            if (sections.empty())
              throw InputError("'end' without a matching 'subsection'",
                               "remove it or open the subsection", file, first_line);
            sections.pop_back();
            opened_at.pop_back();
          }
        else if (keyword == "set")
          {
            const std::string rest = line.substr(3);
            const auto        eq   = rest.find('=');
            if (eq == std::string::npos || trim(rest.substr(0, eq)).empty())
              throw InputError("cannot read line '" + quote(line) + "'",
                               "expected 'set NAME = VALUE'", file, first_line);
            set_value(sections, trim(rest.substr(0, eq)), trim(rest.substr(eq + 1)), file,
                      first_line);
          }
        else if (keyword == "include")
          {
            const std::string name = trim(line.substr(7));
            if (!sections.empty())
              throw InputError("'include' inside a subsection",
                               "include files at the top level", file, first_line);
            // Relative to the including file, as C's #include; then the
            // working directory.
            const std::filesystem::path beside =
              std::filesystem::path(file).parent_path() / name;
            read_file(std::filesystem::path(name).is_relative() &&
                          std::filesystem::exists(beside) ?
                        beside.string() :
                        name);
          }
        else
          throw InputError("cannot read line '" + quote(line) + "'",
                           "a parameter file holds lines 'subsection NAME', "
                           "'set NAME = VALUE' and 'end'",
                           file, first_line);
      }
    if (!sections.empty())
      throw InputError("subsection '" + sections.back() + "' is not closed",
                       "add 'end' for the subsection opened at line " +
                         std::to_string(opened_at.back()),
                       file, line_no);
  }

  void
  ParameterReader::set_value(const std::vector<std::string> &sections,
                             const std::string              &name,
                             const std::string              &value,
                             const std::string              &file,
                             unsigned int                    line)
  {
    const std::string path = join_path(sections, name);
    for (const auto &s : sections)
      prm.enter_subsection(s);
    // Every declared entry has a pattern (ParameterHandler::get does not
    // reliably throw for undeclared names in release builds).
    std::string error = patterns.count(path) ? "" : "unknown";
    if (error.empty())
      try
        {
          prm.set(name, value);
        }
      catch (...)
        {
          error = "value";
        }
    for (std::size_t i = 0; i < sections.size(); ++i)
      prm.leave_subsection();

    if (error == "unknown")
      throw InputError("unknown parameter '" + name + "'" +
                         (sections.empty() ? "" :
                                             " in subsection '" + join_path(sections) + "'"),
                       "see 'ssbcell --print-parameters' for the names", file, line);
    if (error == "value")
      {
        const std::string pattern = pattern_of(path);
        throw InputError("invalid value '" + quote(value) + "' for '" + path + "'",
                         pattern.empty() ? "see 'ssbcell --print-parameters'" :
                                           "expected " + describe_pattern(pattern),
                         file, line);
      }
    locations[path] = {file, line};
  }

  void
  ParameterReader::apply_override(const std::string &assignment,
                                  unsigned int       index,
                                  const std::string &source)
  {
    const std::string where = source + " #" + std::to_string(index);
    const auto        eq    = assignment.find('=');
    if (eq == std::string::npos)
      throw InputError("--set needs 'Section/Name=value', got '" + quote(assignment) + "'",
                       "e.g. --set \"Geometry/Particle radius [m]=3e-6\"", where, 0);
    std::vector<std::string> parts;
    std::string              path = trim(assignment.substr(0, eq)), part;
    std::istringstream       in(path);
    while (std::getline(in, part, '/'))
      parts.push_back(trim(part));
    // Names may contain '/' inside units ("[m^2/s]"): glue such pieces back.
    std::vector<std::string> merged;
    for (const auto &p : parts)
      if (!merged.empty() && std::count(merged.back().begin(), merged.back().end(), '[') >
                               std::count(merged.back().begin(), merged.back().end(), ']'))
        merged.back() += "/" + p;
      else
        merged.push_back(p);
    const std::string name = merged.back();
    merged.pop_back();
    auto prefix = merged;
    if (!merged.empty() && !prm.subsection_path_exists(merged))
      throw InputError("unknown subsection '" + join_path(merged) + "'",
                       "see 'ssbcell --print-parameters' for the sections", where, 0);
    set_value(prefix, name, trim(assignment.substr(eq + 1)), where, 0);
  }
} // namespace ssbcell
