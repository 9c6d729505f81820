#include <solver/app/version.h>
#include <solver/io/json_writer.h>
#include <solver/io/summary_file.h>

#include <fstream>

namespace ssbcell
{
  namespace
  {
    void
    write_step(JsonWriter &json, const StepRecord &r)
    {
      json.begin_object();
      json.value("index", r.index).value("kind", r.kind).value("text", r.text);
      if (r.cycle >= 0)
        json.value("cycle", r.cycle);
      if (r.c_rate > 0.)
        json.value("c_rate", r.c_rate);
      json.value("capacity_mAh_g", r.capacity_mAh_g)
        .value("capacity_mAh_cm2", r.capacity_mAh_cm2)
        .value("duration_s", r.duration_s)
        .value("end_reason", r.end_reason)
        .value("end_voltage_V", r.end_voltage_V)
        .value("end_current_A_m2", r.end_current_A_m2);
      if (std::isfinite(r.charge_transfer_resistance_mid_ohm_m2))
        json.value("charge_transfer_resistance_mid_ohm_m2",
                   r.charge_transfer_resistance_mid_ohm_m2);
      if (!r.impedance_file.empty())
        {
          json.value("impedance_file", r.impedance_file);
          json.begin_object("impedance");
          for (const auto &[name, value] : r.impedance)
            json.value(name, value);
          json.end_object();
        }
      if (!r.losses.empty())
        {
          json.begin_object("voltage_losses");
          for (const auto &[name, value] : r.losses)
            json.value(name, value);
          json.end_object();
        }
      json.end_object();
    }
  } // namespace

  void
  write_summary(const std::string &file, const RunSummary &summary)
  {
    JsonWriter json;
    json.begin_object();
    json.value("status", summary.status).value("message", summary.message);
    json.value("ssbcell_version", version_string());
    json.begin_array("steps");
    for (const auto &r : summary.steps)
      write_step(json, r);
    json.end_array();

    json.begin_object("diagnostics");
    for (const auto &[name, value] : summary.diagnostics)
      json.value(name, value);
    if (!summary.contact_by_angle.empty())
      {
        json.begin_array("contact_fraction_by_angle");
        for (const auto &bin : summary.contact_by_angle)
          json.begin_object()
            .value("angle_min_deg", bin.min_deg)
            .value("angle_max_deg", bin.max_deg)
            .value("mean", bin.mean)
            .end_object();
        json.end_array();
      }
    for (const auto &[group, values] : summary.groups)
      {
        json.begin_object(group);
        for (const auto &[name, value] : values)
          json.value(name, value);
        json.end_object();
      }
    if (!summary.exact_solution.empty())
      {
        json.begin_object("verification");
        json.value("exact_solution", summary.exact_solution);
        json.value("error_L2_rel", summary.verification_error);
        json.value("time_s", summary.verification_time);
        json.end_object();
      }
    if (!summary.work.empty())
      {
        json.begin_object("work");
        for (const auto &[name, value] : summary.work)
          json.value(name, value);
        json.end_object();
      }
    json.end_object();
    json.end_object();
    std::ofstream out(file);
    out << json.str();
  }
} // namespace ssbcell
