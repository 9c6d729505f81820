#include <solver/io/statistics_file.h>

#include <cmath>
#include <iomanip>
#include <stdexcept>

namespace ssbcell
{
  StatisticsFile::StatisticsFile(const std::string              &file_name,
                                 const std::vector<std::string> &columns,
                                 bool                            is_root)
    : n_columns(columns.size())
  {
    if (!is_root)
      return;
    out.open(file_name);
    if (!out)
      throw std::runtime_error("cannot write " + file_name);
    for (std::size_t i = 0; i < columns.size(); ++i)
      out << (i ? "," : "") << columns[i];
    out << "\n" << std::setprecision(10);
  }

  void
  StatisticsFile::write_row(const std::vector<double> &values)
  {
    if (!out.is_open())
      return;
    if (values.size() != n_columns)
      throw std::logic_error("statistics row has the wrong number of values");
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
