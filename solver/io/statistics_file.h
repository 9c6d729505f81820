#pragma once
// statistics.csv: one row per accepted time step, written by rank 0 and
// flushed every row, so a running simulation can be watched. Columns are
// registered by name with the function that gives their value; the first
// nine are the contracted ones (docs/outputs.md), in their order.

#include <fstream>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ssbcell
{
  class StatisticsFile
  {
  public:
    // A column and where its value comes from (read when a row is written).
    void
    add_column(const std::string &name, std::function<double()> value);

    // Creates the file and writes the header row (rank 0 only).
    void
    open(const std::string &file_name, bool is_root);

    // Writes one row with the current value of every column.
    void
    write_row();

    std::vector<std::string>
    column_names() const;

  private:
    std::vector<std::pair<std::string, std::function<double()>>> columns;
    std::ofstream                                                out;
  };
} // namespace ssbcell
