// What the time loop reports: capacities and the Li inventory, the error of
// a verification run, the VTU output, progress, and the contents of
// summary.json.

#include <deal.II/base/function.h>
#include <deal.II/base/mpi.h>

#include <meshes/ids.h>
#include <physics/constants.h>
#include <solver/time_integration/simulator.h>

#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>

namespace ssbcell
{
  using namespace dealii;

  template <int dim>
  double
  Simulator<dim>::capacity_since(double li_start) const
  {
    // mol * C/mol / kg = C/kg; 1 mAh/g = 3600 C/kg.
    return std::abs(history.newest().li_passed - li_start) * constants::faraday /
           (par.materials.active.density * problem->volume()) / 3600.;
  }

  template <int dim>
  double
  Simulator<dim>::li_inventory_error() const
  {
    const double li_now = problem->amount_of_li(ghosted(history.newest().x));
    if (exact && exact->mean_concentration(time, exact_setup))
      {
        // Prescribed surface concentration: no charge is counted, so compare
        // the uptake with the exact one (a discretisation error, not round-off).
        const double expected =
          (*exact->mean_concentration(time, exact_setup) - exact_setup.initial_concentration) *
          problem->volume();
        return expected == 0. ? 0. :
                                std::abs(li_now - li_initial - expected) / std::abs(expected);
      }
    const double mismatch = std::abs(li_now - li_initial - li_passed_net);
    return li_passed_gross > 0. ? mismatch / li_passed_gross : mismatch / li_initial;
  }

  template <int dim>
  double
  Simulator<dim>::verification_error(const LA::Vector &x_owned, double t) const
  {
    const DiffusionSetup                 &setup    = exact_setup;
    const ExactDiffusionSolution         *solution = exact.get();
    ScalarFunctionFromFunctionObject<dim> exact_function([&](const Point<dim> &p) {
      std::array<double, 3> x{};
      for (unsigned int d = 0; d < dim; ++d)
        x[d] = p[d];
      return solution->value(x, t, setup);
    });
    const auto [error, norm] =
      problem->l2_error(ghosted(x_owned), exact_function, setup.initial_concentration);
    return norm > 0. ? error / norm : error;
  }

  template <int dim>
  void
  Simulator<dim>::write_solution()
  {
    if (!solution_output)
      return;
    TimerOutput::Scope scope(timer, "output");
    const LA::Vector  &x      = ghosted(history.newest().x);
    auto               fields = problem->cell_fields(x, history.newest().voltage);
    if (mechanics)
      for (auto &field : mechanics->cell_fields())
        fields.push_back(std::move(field));
    if (mechanics && mechanics->compacts())
      {
        fields.emplace_back("porosity", Vector<float>(mechanics->cell_porosity()));
        fields.emplace_back("conductivity_factor",
                            Vector<float>(mechanics->cell_conductivity()));
      }
    solution_output->write(problem->get_dof_handler(), *mapping, x, problem->field_names(),
                           fields, par.materials.active.max_concentration, time,
                           [this](DataOut<dim> &data_out) {
                             if (mechanics)
                               mechanics->add_data_vectors(data_out);
                           });
  }

  template <int dim>
  double
  Simulator<dim>::estimated_duration() const
  {
    // For the progress estimate: a cut-off step is guessed to pass the
    // nominal capacity.
    double total = 0.;
    for (const auto &step : par.protocol.steps)
      if (step.duration_s)
        total += *step.duration_s;
      else if (step.kind == StepKind::hold)
        total += 3600.; // a guess: holds end at a small current
      else if (step.kind != StepKind::rest)
        total +=
          3600. * cell.one_c_current() / current_density(step.current, cell.one_c_current());
    return total;
  }

  template <int dim>
  void
  Simulator<dim>::report_progress(unsigned int     step_index,
                                  const CellState &state,
                                  double           step_start)
  {
    const double wall = wall_clock.wall_time();
    if (wall - last_progress_wall < 2.)
      return;
    last_progress_wall = wall;
    const double fraction =
      estimated_total_time > 0. ? std::min(0.99, time / estimated_total_time) : 0.;
    std::ostringstream line;
    line << std::fixed << std::setprecision(3) << "  step " << step_index
         << ": t = " << (time - step_start) / 3600. << " h, V = " << state.voltage << " V";
    if (fraction > 0.)
      line << "  [" << std::setprecision(0) << 100. * fraction << " %, about "
           << wall * (1. - fraction) / fraction << " s left]";
    log.progress(line.str());
  }

  template <int dim>
  double
  Simulator<dim>::charge_transfer_resistance(const LA::Vector &x) const
  {
    // RT / (F int i0 a_c dA), the active-material surface scaled to the cell
    // area by the loading (as the current is).
    const auto i0_integral = problem->exchange_current_integral(x);
    if (!i0_integral)
      return std::nan("");
    const double surface_per_cell_area = cell.loading_kg_m2 / par.materials.active.density *
                                         problem->surface_area() / problem->volume();
    const double i0_mean = *i0_integral / problem->surface_area();
    return constants::gas * cell.temperature_K /
           (constants::faraday * i0_mean * surface_per_cell_area);
  }

  template <int dim>
  void
  Simulator<dim>::record_resistance()
  {
    const double r_ct = charge_transfer_resistance(ghosted(history.newest().x));
    if (std::isfinite(r_ct))
      step_resistance.emplace_back(capacity_since(li_at_step_start), r_ct);
  }

  template <int dim>
  double
  Simulator<dim>::resistance_at_half(double capacity) const
  {
    // The capacity of a charge or discharge step grows with every state.
    const double half = 0.5 * capacity;
    for (std::size_t k = 1; k < step_resistance.size(); ++k)
      {
        const auto [q0, r0] = step_resistance[k - 1];
        const auto [q1, r1] = step_resistance[k];
        if (q1 >= half && q1 > q0)
          return r0 + (r1 - r0) * (half - q0) / (q1 - q0);
      }
    return std::numeric_limits<double>::quiet_NaN();
  }

  template <int dim>
  RunSummary
  Simulator<dim>::summary(const std::string &status,
                          const std::string &message,
                          double             li_error) const
  {
    RunSummary s;
    s.status            = status;
    s.message           = message;
    s.steps             = records;
    auto &d             = s.diagnostics;
    d                   = {{"li_inventory_error_rel", li_error},
                           {"li_inventory_error_rel_max", max_li_error},
                           {"time_steps_accepted", double(n_accepted)},
                           {"time_steps_rejected", double(n_rejected)},
                           {"final_time_s", time},
                           {"final_c_surface_mol_m3", last_state.c_surface},
                           {"final_c_mean_mol_m3", last_state.c_mean},
                           {"final_voltage_V", last_state.voltage}};
    const LA::Vector &x = ghosted(history.newest().x);
    for (const auto &entry : problem->diagnostics(x))
      d.push_back(entry);
    if (mechanics)
      {
        for (const auto &entry : mechanics->diagnostics())
          d.push_back(entry);
        for (const auto &bin : mechanics->contact_by_angle())
          s.contact_by_angle.push_back({bin.min_deg, bin.max_deg, bin.mean});
      }
    if (mechanics && mechanics->compacts())
      for (const auto &entry :
           mechanics->porosity_diagnostics(mechanics->cell_porosity(),
                                           par.template mesh_generator<dim>().layers()))
        d.push_back(entry);
    else if (cell.compaction)
      {
        d.emplace_back("separator_porosity", cell.separator_porosity);
        d.emplace_back("composite_porosity", cell.composite_porosity);
        d.emplace_back("composite_electrolyte_fraction", cell.composite_fraction);
        d.emplace_back("separator_thickness_m", cell.separator_thickness);
        d.emplace_back("composite_thickness_m", cell.composite_thickness);
      }
    d.emplace_back("n_cells", double(triangulation->n_global_active_cells()));
    d.emplace_back("n_dofs", double(problem->get_dof_handler().n_dofs()));
    d.emplace_back("n_mpi_ranks", double(Utilities::MPI::n_mpi_processes(comm)));
    d.emplace_back("one_c_current_A_m2", cell.one_c_current());
    const double r_ct = charge_transfer_resistance(x);
    if (std::isfinite(r_ct))
      {
        d.emplace_back("charge_transfer_resistance_ohm_m2", r_ct);
        log.out() << "Charge-transfer resistance (linearised, end of run): " << r_ct
                  << " ohm m^2 of cell area\n";
      }
    // The same at half of the last discharge: where the surface is far from
    // the ends of the stoichiometry window that make i0 vanish.
    for (auto r = records.rbegin(); r != records.rend(); ++r)
      if (r->kind == "discharge")
        {
          if (std::isfinite(r->charge_transfer_resistance_mid_ohm_m2))
            d.emplace_back("charge_transfer_resistance_mid_discharge_ohm_m2",
                           r->charge_transfer_resistance_mid_ohm_m2);
          break;
        }
    d.emplace_back("active_material_volume_m3", problem->volume());
    d.emplace_back("active_material_surface_area_m2", problem->surface_area());
    std::vector<std::pair<std::string, double>> volumes, interfaces, boundaries;
    for (const auto &[id, v] : measures.volume)
      volumes.emplace_back(material_id::name(id), v);
    for (const auto &[ids, a] : measures.interface_area)
      interfaces.emplace_back(std::string(material_id::name(ids.first)) + "|" +
                                material_id::name(ids.second),
                              a);
    for (const auto &[id, a] : measures.boundary_area)
      boundaries.emplace_back(boundary_id::name(id), a);
    s.groups = {{"region_volumes_m3", volumes},
                {"interface_areas_m2", interfaces},
                {"boundary_areas_m2", boundaries}};
    if (exact)
      {
        s.exact_solution     = par.exact_solution;
        s.verification_error = last_verification_error;
        s.verification_time  = time;
      }
    // The wall time, and the set-up (mesh, spaces and initial state, rank 0):
    // what the time loop does not repeat, so that benchmarks can take it out
    // of the time per step.
    d.emplace_back("wall_time_s", wall_clock.wall_time());
    const auto sections = timer.get_summary_data(TimerOutput::total_wall_time);
    if (const auto setup = sections.find("setup"); setup != sections.end())
      d.emplace_back("setup_time_s", setup->second);
    s.work = problem->work_counters();
    return s;
  }

#define SSBCELL_INSTANTIATE(dim)                                                                \
  template double     Simulator<dim>::capacity_since(double) const;                             \
  template double     Simulator<dim>::li_inventory_error() const;                               \
  template double     Simulator<dim>::verification_error(const LA::Vector &, double) const;     \
  template void       Simulator<dim>::write_solution();                                         \
  template double     Simulator<dim>::estimated_duration() const;                               \
  template void       Simulator<dim>::record_resistance();                                      \
  template double     Simulator<dim>::resistance_at_half(double) const;                         \
  template void       Simulator<dim>::report_progress(unsigned int, const CellState &, double); \
  template RunSummary Simulator<dim>::summary(const std::string &, const std::string &,         \
                                              double) const;
  SSBCELL_INSTANTIATE(1)
  SSBCELL_INSTANTIATE(2)
  SSBCELL_INSTANTIATE(3)
#undef SSBCELL_INSTANTIATE
} // namespace ssbcell
