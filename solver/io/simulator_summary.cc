// Simulator::write_summary: summary.json (docs/outputs.md), the results of
// every protocol step and the diagnostics of the run.

#include <deal.II/base/mpi.h>

#include <meshes/ids.h>
#include <solver/app/version.h>
#include <solver/io/json_writer.h>
#include <solver/time_integration/simulator.h>

#include <cmath>
#include <fstream>

namespace ssbcell
{
  using namespace dealii;

  template <int dim>
  void
  Simulator<dim>::write_summary(const std::string &file,
                                const std::string &status,
                                const std::string &message,
                                double             li_error) const
  {
    // Only rank 0 writes; every value below is already known on all ranks.
    if (!log.is_root())
      return;
    JsonWriter json;
    json.begin_object();
    json.value("status", status).value("message", message);
    json.value("ssbcell_version", version_string());
    json.begin_array("steps");
    for (const auto &r : records)
      {
        json.begin_object();
        json.value("index", r.index).value("kind", r.kind).value("text", r.text);
        if (r.cycle >= 0)
          json.value("cycle", r.cycle);
        json.value("capacity_mAh_g", r.capacity_mAh_g)
          .value("capacity_mAh_cm2", r.capacity_mAh_cm2)
          .value("duration_s", r.duration_s)
          .value("end_reason", r.end_reason)
          .value("end_voltage_V", r.end_voltage_V)
          .value("end_current_A_m2", r.end_current_A_m2);
        if (!r.losses.empty())
          {
            json.begin_object("voltage_losses");
            for (const auto &[name, value] : r.losses)
              json.value(name, value);
            json.end_object();
          }
        json.end_object();
      }
    json.end_array();

    json.begin_object("diagnostics");
    json.value("li_inventory_error_rel", li_error);
    json.value("li_inventory_error_rel_max", max_li_error);
    json.value("time_steps_accepted", n_accepted).value("time_steps_rejected", n_rejected);
    json.value("final_time_s", time);
    json.value("final_c_surface_mol_m3", last_state.c_surface);
    json.value("final_c_mean_mol_m3", last_state.c_mean);
    json.value("final_voltage_V", last_state.voltage);
    for (const auto &[name, value] : final_diagnostics)
      json.value(name, value);
    if (!final_contact_by_angle.empty())
      {
        json.begin_array("contact_fraction_by_angle");
        for (const auto &bin : final_contact_by_angle)
          json.begin_object()
            .value("angle_min_deg", bin.min_deg)
            .value("angle_max_deg", bin.max_deg)
            .value("mean", bin.mean)
            .end_object();
        json.end_array();
      }
    json.value("n_cells", static_cast<long long>(triangulation->n_global_active_cells()));
    json.value("n_dofs", static_cast<long long>(problem->get_dof_handler().n_dofs()));
    json.value("n_mpi_ranks", Utilities::MPI::n_mpi_processes(comm));
    json.value("one_c_current_A_m2", cell.one_c_current());
    if (std::isfinite(charge_transfer_resistance))
      json.value("charge_transfer_resistance_ohm_m2", charge_transfer_resistance);
    json.value("active_material_volume_m3", problem->volume());
    json.value("active_material_surface_area_m2", problem->surface_area());
    json.begin_object("region_volumes_m3");
    for (const auto &[id, v] : measures.volume)
      json.value(material_id::name(id), v);
    json.end_object();
    json.begin_object("interface_areas_m2");
    for (const auto &[ids, a] : measures.interface_area)
      json.value(std::string(material_id::name(ids.first)) + "|" +
                   material_id::name(ids.second),
                 a);
    json.end_object();
    json.begin_object("boundary_areas_m2");
    for (const auto &[id, a] : measures.boundary_area)
      json.value(boundary_id::name(id), a);
    json.end_object();
    if (exact)
      {
        json.begin_object("verification");
        json.value("exact_solution", par.exact_solution);
        json.value("error_L2_rel", last_verification_error);
        json.value("time_s", time);
        json.end_object();
      }
    json.value("wall_time_s", wall_clock.wall_time());
    // Mesh, spaces and initial state (rank 0): what the time loop does not
    // repeat, so that benchmarks can take it out of the time per step.
    const auto sections = timer.get_summary_data(TimerOutput::total_wall_time);
    if (const auto s = sections.find("setup"); s != sections.end())
      json.value("setup_time_s", s->second);
    const auto work = problem->work_counters();
    if (!work.empty())
      {
        json.begin_object("work");
        for (const auto &[name, value] : work)
          json.value(name, value);
        json.end_object();
      }
    json.end_object();
    json.end_object();
    std::ofstream out(file);
    out << json.str();
  }

  template void
  Simulator<1>::write_summary(const std::string &,
                              const std::string &,
                              const std::string &,
                              double) const;
  template void
  Simulator<2>::write_summary(const std::string &,
                              const std::string &,
                              const std::string &,
                              double) const;
  template void
  Simulator<3>::write_summary(const std::string &,
                              const std::string &,
                              const std::string &,
                              double) const;
} // namespace ssbcell
