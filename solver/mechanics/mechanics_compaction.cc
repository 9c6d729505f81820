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
  typename MechanicsCoupling<dim>::PorositySums
  MechanicsCoupling<dim>::porosity_sums(const Vector<double>             &porosity,
                                        const std::optional<LayerBounds> &layers) const
  {
    PorositySums    s;
    const bool      conducts = effective_conductivity != nullptr;
    const auto     &tria     = cell_model.get_dof_handler().get_triangulation();
    const FE_Q<dim> fe(1);
    FEValues<dim>   values(mapping, fe, QGauss<dim>(degree + 1),
                           update_quadrature_points | update_JxW_values);
    for (const auto &cell : tria.active_cell_iterators())
      {
        if (!cell->is_locally_owned())
          continue;
        values.reinit(cell);
        const auto   id          = cell->material_id();
        const bool   electrolyte = id == material_id::electrolyte;
        const double phi         = electrolyte ? porosity(cell->active_cell_index()) :
                                   id == material_id::void_region ? 1. :
                                                                    0.;
        const double f           = electrolyte && conducts ? powder_conductivity(phi) : 0.;
        const double e =
          electrolyte && !stiffness.empty() ? stiffness[cell->active_cell_index()] : 0.;
        if (electrolyte)
          {
            s.lowest  = std::min(s.lowest, phi);
            s.highest = std::max(s.highest, phi);
          }
        // By quadrature point: a cell may straddle the top of the separator.
        for (unsigned int q = 0; q < values.n_quadrature_points; ++q)
          {
            const auto  &x = values.quadrature_point(q);
            const double v = values.JxW(q) * volume_weight(coordinate_system, x);
            if (electrolyte)
              {
                s.electrolyte_volume += v;
                s.electrolyte_pores += phi * v;
                s.electrolyte_conductivity += f * v;
                s.electrolyte_stiffness += e * v;
              }
            if (!layers)
              continue;
            const double z = x[dim - 1];
            if (z >= layers->composite_top)
              continue;
            const unsigned int layer = z < layers->separator_top ? 0 : 1;
            s.layer_volume[layer] += v;
            s.layer_pores[layer] += phi * v;
            if (layer == 0 && electrolyte)
              {
                s.separator_electrolyte_volume += v;
                s.separator_conductivity += f * v;
                s.separator_stiffness += e * v;
              }
            if (layer == 1 && id == material_id::carbon)
              s.composite_carbon += v;
          }
      }
    const MPI_Comm comm = tria.get_communicator();
    for (double *sum :
         {&s.electrolyte_volume, &s.electrolyte_pores, &s.electrolyte_conductivity,
          &s.electrolyte_stiffness, &s.separator_electrolyte_volume, &s.separator_conductivity,
          &s.separator_stiffness, &s.layer_volume[0], &s.layer_volume[1], &s.layer_pores[0],
          &s.layer_pores[1], &s.composite_carbon})
      *sum = Utilities::MPI::sum(*sum, comm);
    s.lowest  = Utilities::MPI::min(s.lowest, comm);
    s.highest = Utilities::MPI::max(s.highest, comm);
    return s;
  }

  template <int dim>
  std::vector<std::pair<std::string, double>>
  MechanicsCoupling<dim>::porosity_diagnostics(const Vector<double>             &porosity,
                                               const std::optional<LayerBounds> &layers) const
  {
    const PorositySums                          s = porosity_sums(porosity, layers);
    std::vector<std::pair<std::string, double>> d;
    if (s.electrolyte_volume > 0.)
      {
        d.emplace_back("electrolyte_porosity_mean",
                       s.electrolyte_pores / s.electrolyte_volume);
        d.emplace_back("electrolyte_porosity_min", s.lowest);
        d.emplace_back("electrolyte_porosity_max", s.highest);
        if (effective_conductivity)
          d.emplace_back("electrolyte_conductivity_factor_mean",
                         s.electrolyte_conductivity / s.electrolyte_volume);
        if (!stiffness.empty())
          d.emplace_back("electrolyte_stiffness_factor_mean",
                         s.electrolyte_stiffness / s.electrolyte_volume);
      }
    if (effective_conductivity && s.separator_electrolyte_volume > 0.)
      d.emplace_back("separator_conductivity_factor",
                     s.separator_conductivity / s.separator_electrolyte_volume);
    if (!stiffness.empty() && s.separator_electrolyte_volume > 0.)
      d.emplace_back("separator_stiffness_factor",
                     s.separator_stiffness / s.separator_electrolyte_volume);
    if (!stiffness.empty())
      d.emplace_back("powder_pressing_iterations", double(pressing_iterations));
    // How far the stack pressure pushes the collector in [m].
    d.emplace_back("stack_compression_m", mechanics.loaded_boundary_displacement());
    if (layers)
      add_layer_porosities(porosity, s, d);
    return d;
  }

  template <int dim>
  void
  MechanicsCoupling<dim>::add_layer_porosities(
    const Vector<double>                        &porosity,
    PorositySums                                 s,
    std::vector<std::pair<std::string, double>> &d) const
  {
    // The gaps at the particle surfaces and the voids inside the carbon's
    // aggregates (the mesh's carbon being their solid) are pores of the
    // composite that the mesh does not hold: they add to its volume as well
    // as to its pores.
    const bool   gaps         = surface_gap && surface_gap->has_gaps();
    const double gap          = gaps ? surface_gap_sums(porosity).second : 0.;
    const double carbon_voids = s.composite_carbon * materials.carbon.void_per_solid_volume();
    s.layer_volume[1] += gap + carbon_voids;
    s.layer_pores[1] += gap + carbon_voids;
    const char *names[2] = {"separator_porosity", "composite_porosity"};
    for (unsigned int layer = 0; layer < 2; ++layer)
      if (s.layer_volume[layer] > 0.)
        d.emplace_back(names[layer], s.layer_pores[layer] / s.layer_volume[layer]);
    const double composite = s.layer_volume[1];
    if (gaps && composite > 0.)
      d.emplace_back("composite_surface_gap_porosity", gap / composite);
    if (s.composite_carbon > 0.)
      {
        // The aggregates whole (solid and voids): what a tomogram that cannot
        // tell carbon from pores counts as pore, besides the pores.
        d.emplace_back("composite_carbon_fraction",
                       (s.composite_carbon + carbon_voids) / composite);
        d.emplace_back("composite_carbon_void_porosity", carbon_voids / composite);
      }
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
