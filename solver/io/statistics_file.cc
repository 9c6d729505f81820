#include <solver/io/statistics_file.h>

#include <cmath>
#include <iomanip>
#include <stdexcept>

namespace ssbcell
{
  void
  StatisticsFile::add_column(const std::string &name, std::function<double()> value)
  {
    for (const auto &column : columns)
      if (column.first == name)
        throw std::logic_error("statistics column '" + name + "' registered twice");
    columns.emplace_back(name, std::move(value));
  }

  std::vector<std::string>
  StatisticsFile::column_names() const
  {
    std::vector<std::string> names;
    for (const auto &column : columns)
      names.push_back(column.first);
    return names;
  }

  void
  StatisticsFile::open(const std::string &file_name, bool is_root)
  {
    if (!is_root)
      return;
    out.open(file_name);
    if (!out)
      throw std::runtime_error("cannot write " + file_name);
    for (std::size_t i = 0; i < columns.size(); ++i)
      out << (i ? "," : "") << columns[i].first;
    out << "\n" << std::setprecision(10);
  }

  void
  StatisticsFile::write_row()
  {
    // Every rank evaluates the columns: some are collective (MPI sums).
    std::vector<double> values;
    for (const auto &column : columns)
      values.push_back(column.second());
    if (!out.is_open())
      return;
    for (std::size_t i = 0; i < values.size(); ++i)
      {
        if (i)
          out << ",";
        if (std::isfinite(values[i]))
          out << values[i];
        else
          out << "nan";
      }
    out << std::endl;
  }
} // namespace ssbcell
