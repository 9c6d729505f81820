#pragma once
// statistics.csv: one row per accepted time step, written by rank 0 and
// flushed every row, so a running simulation can be watched.

#include <fstream>
#include <string>
#include <vector>

namespace ssbcell
{
  class StatisticsFile
  {
  public:
    StatisticsFile(const std::string              &file_name,
                   const std::vector<std::string> &columns,
                   bool                            is_root);

    void
    write_row(const std::vector<double> &values);

  private:
    std::ofstream out;
    std::size_t   n_columns;
  };
} // namespace ssbcell
