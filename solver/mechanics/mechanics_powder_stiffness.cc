// MechanicsCoupling::powder_stiffness, refresh_stiffness and press_powder:
// the Young's modulus of a pressed electrolyte powder follows its porosity
// by the `Mechanics/Powder stiffness` model (physics/powder_stiffness.h;
// docs/physics.md, "Stiffness of a pressed powder").

#include <deal.II/base/mpi.h>

#include <meshes/ids.h>
#include <solver/mechanics/mechanics_coupling.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iomanip>
#include <sstream>
#include <stdexcept>
#include <string>

namespace ssbcell
{
  using namespace dealii;

  namespace
  {
    // The pressing iteration stops when no cell's stiffness changes by more
    // than this (relative): the stress then moves by about as much, far
    // below what the contact law resolves.
    constexpr double pressing_tolerance = 1e-3;
    // Each pressing iteration can only stiffen cells (the pressures held
    // only rise), so the iteration is monotone and bounded; in practice a
    // few tens of iterations at most.
    constexpr unsigned int max_pressing_iterations = 200;
  } // namespace

  template <int dim>
  double
  MechanicsCoupling<dim>::powder_stiffness(double porosity) const
  {
    // Reached only with a model whose stiffness follows the porosity (the
    // constructor's stiffness_follows_contacts), hence never null here.
    AssertThrow(stiffness_model && effective_conductivity, ExcInternalError());
    return stiffness_model->factor(porosity, *effective_conductivity);
  }

  template <int dim>
  double
  MechanicsCoupling<dim>::refresh_stiffness(const Vector<double> &porosity, double threshold)
  {
    const auto         &tria   = cell_model.get_dof_handler().get_triangulation();
    std::vector<double> next   = stiffness;
    double              change = 0.;
    for (const auto &cell : tria.active_cell_iterators())
      if (!cell->is_artificial() && cell->material_id() == material_id::electrolyte)
        {
          const unsigned int k = cell->active_cell_index();
          next[k]              = powder_stiffness(porosity(k));
          change               = std::max(change, std::abs(next[k] / stiffness[k] - 1.));
        }
    change = Utilities::MPI::max(change, tria.get_communicator());
    if (change > threshold)
      {
        stiffness = std::move(next);
        mechanics.set_stiffness_factors(stiffness);
      }
    return change;
  }

  template <int dim>
  void
  MechanicsCoupling<dim>::press_powder()
  {
    // The powder is pressed from loose: the load goes where the powder is
    // stiff, and a cell stiffens with the pressure it has held. The
    // pressures only rise in this iteration, as they do while the press
    // closes, so each cell ends at the porosity of the most it carried.
    const auto &tria = cell_model.get_dof_handler().get_triangulation();
    pressure_held.resize(tria.n_active_cells(), 0.);
    // The loose powder, whatever the mechanics last solved (with a yield
    // stress, press() has run with the dense modulus).
    Vector<double> loose(tria.n_active_cells());
    loose = initial_porosity;
    refresh_stiffness(loose, 0.);
    const auto start = std::chrono::steady_clock::now();
    for (unsigned int i = 0; i < max_pressing_iterations; ++i)
      {
        mechanics.solve();
        pressing_iterations         = i + 1;
        const std::vector<double> p = cell_pressures();
        for (std::size_t k = 0; k < p.size(); ++k)
          pressure_held[k] = std::max(pressure_held[k], p[k]);
        const double change = refresh_stiffness(cell_porosity(), pressing_tolerance);
        if (progress)
          {
            const std::chrono::duration<double> wall =
              std::chrono::steady_clock::now() - start;
            std::ostringstream line;
            line << "  pressing the powder: iteration " << i + 1
                 << ", largest stiffness change " << std::scientific << std::setprecision(2)
                 << change << " (settled below " << pressing_tolerance << "), " << std::fixed
                 << std::setprecision(0) << wall.count() << " s";
            progress(line.str());
          }
        if (change <= pressing_tolerance)
          {
            powder_pressed = true;
            return;
          }
      }
    throw std::runtime_error("the pressing of the powder did not settle in " +
                             std::to_string(max_pressing_iterations) +
                             " iterations (Mechanics/Powder stiffness)");
  }

#define SSBCELL_INSTANTIATE(dim)                                                             \
  template double MechanicsCoupling<dim>::powder_stiffness(double) const;                    \
  template double MechanicsCoupling<dim>::refresh_stiffness(const Vector<double> &, double); \
  template void   MechanicsCoupling<dim>::press_powder();
  SSBCELL_INSTANTIATE(1)
  SSBCELL_INSTANTIATE(2)
  SSBCELL_INSTANTIATE(3)
#undef SSBCELL_INSTANTIATE
} // namespace ssbcell
