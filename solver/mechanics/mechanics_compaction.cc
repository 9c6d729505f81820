// MechanicsCoupling::set_compaction, cell_porosity and porosity_diagnostics: a
// compaction law on a resolved mesh (docs/physics.md, "Compaction of a resolved
// electrolyte"). Each electrolyte cell is a piece of pressed powder held at
// the mean compressive stress the mechanics finds in it, so the pores follow
// the local stress: lower where hard particles carry the load.

#include <deal.II/base/mpi.h>
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/distributed/tria_base.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/grid/grid_tools.h>

#include <meshes/ids.h>
#include <physics/linear_elasticity.h>
#include <solver/mechanics/mechanics_coupling.h>

#include <algorithm>
#include <cmath>

namespace ssbcell
{
  using namespace dealii;

  namespace
  {
    // sigma_eff / sigma where the powder does not percolate: a sealed pocket
    // must still have a defined potential. Small enough that a particle
    // reached only through such powder stays inactive: 1e-8 of LGPS's
    // 1.2 S/m across 2 um passes 6e-3 A/m^2 at 1 V, and a 5 um NCM particle
    // holds about 5e3 C/m^2, so it would take 1e6 s (three times a 0.01C
    // discharge) to fill it.
    constexpr double sealed_powder_conductivity = 1e-8;
  } // namespace

  template <int dim>
  void
  MechanicsCoupling<dim>::set_compaction(
    std::shared_ptr<const CompactionLaw>              law,
    double                                            phi0,
    std::shared_ptr<const EffectiveConductivityModel> model)
  {
    compaction             = std::move(law);
    initial_porosity       = phi0;
    effective_conductivity = std::move(model);
    const auto &tria       = cell_model.get_dof_handler().get_triangulation();
    powder_cells.clear();
    conductivity.assign(tria.n_active_cells(), 1.);
    if (!compaction || !effective_conductivity)
      return;
    for (const auto &cell : tria.active_cell_iterators())
      if (cell->is_locally_owned() && cell->material_id() == material_id::electrolyte)
        powder_cells.push_back(cell->active_cell_index());
    accepted_conductivity = conductivity;
    if (stiffness_follows_contacts)
      stiffness.assign(tria.n_active_cells(), 1.);
    cell_model.set_conductivity_factor(
      [this](const CellIterator &c) { return conductivity[c->active_cell_index()]; });
  }

  template <int dim>
  double
  MechanicsCoupling<dim>::powder_conductivity(double porosity) const
  {
    return std::max(sealed_powder_conductivity, effective_conductivity->factor(1. - porosity));
  }

  template <int dim>
  void
  MechanicsCoupling<dim>::conductivity_residual(const Vector<double> &porosity,
                                                std::vector<double>  &r) const
  {
    for (const unsigned int k : powder_cells)
      r.push_back(powder_conductivity(porosity(k)) - conductivity[k]);
  }

  template <int dim>
  std::vector<double>
  MechanicsCoupling<dim>::cell_pressures() const
  {
    const unsigned int  n = cell_model.get_dof_handler().get_triangulation().n_active_cells();
    std::vector<double> pressure(n), volume(n);
    mechanics.for_each_point(QGauss<dim>(degree + 1), [&](const auto &s) {
      if (s.cell->material_id() != material_id::electrolyte)
        return;
      const unsigned int k = s.cell->active_cell_index();
      pressure[k] -= elasticity::hydrostatic(s.stress) * s.weight;
      volume[k] += s.weight;
    });
    for (unsigned int k = 0; k < n; ++k)
      pressure[k] = volume[k] > 0. ? std::max(0., pressure[k] / volume[k]) : 0.;
    return pressure;
  }

  template <int dim>
  Vector<double>
  MechanicsCoupling<dim>::cell_porosity() const
  {
    const auto        &tria = cell_model.get_dof_handler().get_triangulation();
    const unsigned int n    = tria.n_active_cells();
    Vector<double>     porosity(n);
    if (!compaction)
      return porosity;
    const std::vector<double> pressure = cell_pressures();
    for (const auto &cell : tria.active_cell_iterators())
      if (cell->is_locally_owned() && cell->material_id() == material_id::void_region)
        porosity(cell->active_cell_index()) = 1.; // all pore
      else if (cell->is_locally_owned() && cell->material_id() == material_id::electrolyte)
        {
          const unsigned int k    = cell->active_cell_index();
          const double       held = k < pressure_held.size() ? pressure_held[k] : 0.;
          porosity(k) = compaction->porosity(std::max(pressure[k], held), initial_porosity,
                                             materials.electrolyte.elastic.yield);
        }
    // Reacting faces of owned cells look across into ghost cells.
    using Cell = typename Triangulation<dim>::active_cell_iterator;
    if (dynamic_cast<const parallel::TriangulationBase<dim> *>(&tria))
      GridTools::exchange_cell_data_to_ghosts<double, Triangulation<dim>>(
        tria, [&](const Cell &c) { return porosity(c->active_cell_index()); },
        [&](const Cell &c, const double &value) { porosity(c->active_cell_index()) = value; });
    return porosity;
  }

  template <int dim>
  std::vector<std::pair<std::string, double>>
  MechanicsCoupling<dim>::porosity_diagnostics(const Vector<double>             &porosity,
                                               const std::optional<LayerBounds> &layers) const
  {
    // Sums over owned cells: electrolyte volume and its pores; per layer
    // (separator, composite) all volume and the pores, voids counted whole.
    enum : unsigned int
    {
      se_volume,
      se_pores,
      layer_volume, // + 2 * layer
      layer_pores,
      se_conductivity = 6, // sum of f(1 - phi) v over electrolyte
      separator_se_volume, // electrolyte in the separator
      separator_se_conductivity,
      se_stiffness, // sum of E_eff / E v over electrolyte
      separator_se_stiffness,
      composite_carbon, // the carbon's (solid) volume in the composite
      n_sums
    };
    const bool          conducts = effective_conductivity != nullptr;
    std::vector<double> sum(n_sums, 0.);
    double              lowest = HUGE_VAL, highest = -HUGE_VAL;
    const auto         &tria = cell_model.get_dof_handler().get_triangulation();
    const FE_Q<dim>     fe(1);
    FEValues<dim>       values(mapping, fe, QGauss<dim>(degree + 1),
                               update_quadrature_points | update_JxW_values);
    for (const auto &cell : tria.active_cell_iterators())
      {
        if (!cell->is_locally_owned())
          continue;
        values.reinit(cell);
        const auto   id  = cell->material_id();
        const double phi = id == material_id::electrolyte ?
                             porosity(cell->active_cell_index()) :
                           id == material_id::void_region ? 1. :
                                                            0.;
        const double f =
          id == material_id::electrolyte && conducts ? powder_conductivity(phi) : 0.;
        const double e = id == material_id::electrolyte && !stiffness.empty() ?
                           stiffness[cell->active_cell_index()] :
                           0.;
        if (id == material_id::electrolyte)
          {
            lowest  = std::min(lowest, phi);
            highest = std::max(highest, phi);
          }
        // By quadrature point: a cell may straddle the top of the separator.
        for (unsigned int q = 0; q < values.n_quadrature_points; ++q)
          {
            const auto  &x = values.quadrature_point(q);
            const double v = values.JxW(q) * volume_weight(coordinate_system, x);
            if (id == material_id::electrolyte)
              {
                sum[se_volume] += v;
                sum[se_pores] += phi * v;
                sum[se_conductivity] += f * v;
                sum[se_stiffness] += e * v;
              }
            if (!layers)
              continue;
            const double z     = x[dim - 1];
            const int    layer = z < layers->separator_top ? 0 :
                                 z < layers->composite_top ? 1 :
                                                             -1;
            if (layer == 0 && id == material_id::electrolyte)
              {
                sum[separator_se_volume] += v;
                sum[separator_se_conductivity] += f * v;
                sum[separator_se_stiffness] += e * v;
              }
            if (layer >= 0)
              {
                sum[layer_volume + 2 * layer] += v;
                sum[layer_pores + 2 * layer] += phi * v;
              }
            if (layer == 1 && id == material_id::carbon)
              sum[composite_carbon] += v;
          }
      }
    const MPI_Comm comm = tria.get_communicator();
    Utilities::MPI::sum(sum, comm, sum);
    std::vector<std::pair<std::string, double>> d;
    if (sum[se_volume] > 0.)
      {
        d.emplace_back("electrolyte_porosity_mean", sum[se_pores] / sum[se_volume]);
        d.emplace_back("electrolyte_porosity_min", Utilities::MPI::min(lowest, comm));
        d.emplace_back("electrolyte_porosity_max", Utilities::MPI::max(highest, comm));
        if (conducts)
          d.emplace_back("electrolyte_conductivity_factor_mean",
                         sum[se_conductivity] / sum[se_volume]);
        if (!stiffness.empty())
          d.emplace_back("electrolyte_stiffness_factor_mean",
                         sum[se_stiffness] / sum[se_volume]);
      }
    if (conducts && sum[separator_se_volume] > 0.)
      d.emplace_back("separator_conductivity_factor",
                     sum[separator_se_conductivity] / sum[separator_se_volume]);
    if (!stiffness.empty() && sum[separator_se_volume] > 0.)
      d.emplace_back("separator_stiffness_factor",
                     sum[separator_se_stiffness] / sum[separator_se_volume]);
    if (!stiffness.empty())
      d.emplace_back("powder_pressing_iterations", double(pressing_iterations));
    // How far the stack pressure pushes the collector in [m].
    d.emplace_back("stack_compression_m", mechanics.loaded_boundary_displacement());
    // The gaps at the particle surfaces are pores of the composite that the
    // mesh does not hold: they add to its volume as well as to its pores.
    const double gap = surface_gap && surface_gap->has_gaps() && layers ?
                         surface_gap_sums(porosity).second :
                         0.;
    sum[layer_volume + 2] += gap;
    sum[layer_pores + 2] += gap;
    // So are the voids inside the carbon's aggregates, the mesh's carbon
    // being their solid.
    const double carbon_voids =
      sum[composite_carbon] * materials.carbon.void_per_solid_volume();
    sum[layer_volume + 2] += carbon_voids;
    sum[layer_pores + 2] += carbon_voids;
    const char *names[2] = {"separator_porosity", "composite_porosity"};
    for (unsigned int layer = 0; layer < 2; ++layer)
      if (sum[layer_volume + 2 * layer] > 0.)
        d.emplace_back(names[layer],
                       sum[layer_pores + 2 * layer] / sum[layer_volume + 2 * layer]);
    if (surface_gap && surface_gap->has_gaps() && sum[layer_volume + 2] > 0.)
      d.emplace_back("composite_surface_gap_porosity", gap / sum[layer_volume + 2]);
    if (sum[composite_carbon] > 0.)
      {
        // The aggregates whole (solid and voids): what a tomogram that cannot
        // tell carbon from pores counts as pore, besides the pores.
        d.emplace_back("composite_carbon_fraction",
                       (sum[composite_carbon] + carbon_voids) / sum[layer_volume + 2]);
        d.emplace_back("composite_carbon_void_porosity", carbon_voids / sum[layer_volume + 2]);
      }
    return d;
  }

#define SSBCELL_INSTANTIATE(dim)                                                                      \
  template void MechanicsCoupling<dim>::set_compaction(                                               \
    std::shared_ptr<const CompactionLaw>, double,                                                     \
    std::shared_ptr<const EffectiveConductivityModel>);                                               \
  template double         MechanicsCoupling<dim>::powder_conductivity(double) const;                  \
  template void           MechanicsCoupling<dim>::conductivity_residual(const Vector<double> &,       \
                                                                        std::vector<double> &) const; \
  template Vector<double> MechanicsCoupling<dim>::cell_porosity() const;                              \
  template std::vector<std::pair<std::string, double>>                                                \
  MechanicsCoupling<dim>::porosity_diagnostics(const Vector<double> &,                                \
                                               const std::optional<LayerBounds> &) const;
  SSBCELL_INSTANTIATE(1)
  SSBCELL_INSTANTIATE(2)
  SSBCELL_INSTANTIATE(3)
#undef SSBCELL_INSTANTIATE
} // namespace ssbcell
