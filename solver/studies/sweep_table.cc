
#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <solver/studies/sweep_table.h>

#include <deal.II/base/mpi.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace ssbcell
{
  namespace
  {
    namespace pt = boost::property_tree;

    // RFC 4180 quoting where needed.
    std::string
    csv_field(const std::string &s)
    {
      if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
      std::string quoted = "\"";
      for (const char c : s)
        quoted += (c == '"') ? std::string("\"\"") : std::string(1, c);
      return quoted + "\"";
    }

    std::string
    read_text(const std::string &file)
    {
      std::ifstream      in(file);
      std::ostringstream text;
      text << in.rdbuf();
      return text.str();
    }

    // One row: its cells by column name, and the column names in the order
    // they were added.
    struct Row
    {
      std::vector<std::string>           order;
      std::map<std::string, std::string> cells;

      void
      set(const std::string &column, const std::string &value)
      {
        if (cells.emplace(column, value).second)
          order.push_back(column);
      }
    };

    // The results of the protocol steps of one summary, `max_steps` wide.
    void
    add_steps(const pt::ptree &summary, std::size_t max_steps, Row &row)
    {
      std::vector<const pt::ptree *> steps;
      if (const auto s = summary.get_child_optional("steps"))
        for (const auto &entry : *s)
          steps.push_back(&entry.second);
      const pt::ptree *discharge = nullptr;
      for (std::size_t k = 0; k < max_steps; ++k)
        for (const std::string column :
             {"kind", "capacity_mAh_g", "capacity_mAh_cm2", "end_reason", "end_voltage_V"})
          row.set("step" + std::to_string(k) + "_" + column,
                  k < steps.size() ? steps[k]->get<std::string>(column, "") : "");
      for (const auto *step : steps)
        if (step->get<std::string>("kind", "") == "discharge")
          discharge = step;
      row.set("discharge_capacity_mAh_g",
              discharge ? discharge->get<std::string>("capacity_mAh_g", "") : "");
      row.set("discharge_c_rate", discharge ? discharge->get<std::string>("c_rate", "") : "");
      row.set("li_inventory_error_rel",
              summary.get<std::string>("diagnostics.li_inventory_error_rel", ""));
      // The spectrum of the first impedance step, as read and fitted.
      for (const auto *step : steps)
        if (step->get<std::string>("kind", "") == "impedance")
          {
            if (const auto values = step->get_child_optional("impedance"))
              for (const auto &[name, value] : *values)
                row.set("impedance_" + name, value.get_value<std::string>());
            break;
          }
      // The voltage-loss breakdown at the end of the last discharge.
      if (discharge)
        if (const auto losses = discharge->get_child_optional("voltage_losses"))
          for (const auto &[name, value] : *losses)
            row.set("discharge_" + name, value.get_value<std::string>());
    }

    // Every scalar diagnostic, and the contact fraction by angle.
    void
    add_diagnostics(const pt::ptree &summary, Row &row)
    {
      const auto diagnostics = summary.get_child_optional("diagnostics");
      if (!diagnostics)
        return;
      for (const auto &[name, value] : *diagnostics)
        if (value.empty()) // a scalar, not an object or a list
          row.set(name, value.get_value<std::string>());
      if (const auto bins = diagnostics->get_child_optional("contact_fraction_by_angle"))
        for (const auto &[key, bin] : *bins)
          {
            (void)key;
            row.set("contact_fraction_" + bin.get<std::string>("angle_min_deg", "") + "_" +
                      bin.get<std::string>("angle_max_deg", "") + "_deg",
                    bin.get<std::string>("mean", ""));
          }
    }
  } // namespace

  std::string
  case_description(const std::vector<std::string> &assignments)
  {
    std::string description;
    for (const auto &a : assignments)
      description += a + "\n";
    return description;
  }

  void
  write_sweep_table(const std::string                           &directory,
                    const SweepParameters                       &sweep,
                    const std::vector<std::vector<std::string>> &cases,
                    const std::vector<std::string>              &ids)
  {
    // The finished cases: a summary.json written for these values.
    std::vector<std::size_t> finished;
    std::vector<pt::ptree>   summaries(cases.size());
    std::size_t              max_steps = 0;
    for (std::size_t i = 0; i < cases.size(); ++i)
      {
        const std::string folder = directory + "/cases/" + ids[i];
        if (!std::filesystem::exists(folder + "/summary.json") ||
            read_text(folder + "/case.txt") != case_description(cases[i]))
          continue;
        try
          {
            pt::read_json(folder + "/summary.json", summaries[i]);
          }
        catch (...)
          {
            summaries[i].put("status", "missing");
          }
        finished.push_back(i);
        if (const auto steps = summaries[i].get_child_optional("steps"))
          max_steps = std::max(max_steps, steps->size());
      }

    std::vector<Row>         rows;
    std::vector<std::string> columns;
    for (const std::size_t i : finished)
      {
        Row row;
        row.set("case_id", ids[i]);
        for (std::size_t k = 0; k < sweep.varied.size(); ++k)
          row.set(sweep.varied[k].name, cases[i][k].substr(cases[i][k].find('=') + 1));
        row.set("status", summaries[i].get<std::string>("status", "missing"));
        row.set("message", summaries[i].get<std::string>("message", ""));
        add_steps(summaries[i], max_steps, row);
        add_diagnostics(summaries[i], row);
        for (const auto &column : row.order)
          if (std::find(columns.begin(), columns.end(), column) == columns.end())
            columns.push_back(column);
        rows.push_back(std::move(row));
      }

    // A unique temporary name, then a rename: readers never see half a file.
    const std::string file = directory + "/sweep.csv";
    const std::string temporary =
      file + ".tmp" + std::to_string(dealii::Utilities::MPI::this_mpi_process(MPI_COMM_WORLD));
    {
      std::ofstream csv(temporary);
      for (std::size_t c = 0; c < columns.size(); ++c)
        csv << (c ? "," : "") << csv_field(columns[c]);
      csv << "\n";
      for (const auto &row : rows)
        {
          for (std::size_t c = 0; c < columns.size(); ++c)
            {
              const auto cell = row.cells.find(columns[c]);
              csv << (c ? "," : "")
                  << (cell == row.cells.end() ? "" : csv_field(cell->second));
            }
          csv << "\n";
        }
    }
    std::filesystem::rename(temporary, file);
  }
} // namespace ssbcell
