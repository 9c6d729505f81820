// Particle populations in the 1D electrochemical cell model: the pieces of
// the mesh (one per particle class, all starting at r = 0), their weights,
// the shared outer electrolyte node, and the per-class diagnostics.
//
// Each class k of radius R_k holds the fraction w_k of the active-material
// volume, so the electrode has n_k ~ w_k / V_k of its particles per unit of
// active material. The model stands for one particle of the mean volume
// V = sum_k w_k V_k: every integral over piece k is weighted by
// s_k = w_k V / V_k particles, which keeps one particle (s = 1) unchanged
// and makes the total volume, surface, Li inventory and current those of
// the population. The pieces' outer ends are one node (the composite
// electrolyte next to the lumped separator): a constraint ties their
// electrolyte DoFs together, so the current constraint and the lumped
// anode law see the sum over classes, and all classes share phi_s.

#include <deal.II/base/quadrature_lib.h>
#include <deal.II/fe/fe_values.h>

#include <meshes/ids.h>
#include <physics/coating_spreading.h>
#include <physics/constants.h>
#include <physics/input_error.h>
#include <solver/cell_models/electrochemical_cell.h>

#include <map>
#include <stdexcept>

namespace ssbcell
{
  using namespace dealii;

  template <int dim>
  std::vector<std::pair<types::global_dof_index, types::global_dof_index>>
  ElectrochemicalCell<dim>::setup_particle_classes()
  {
    if (classes.empty())
      return {};
    const auto &tria = dof_handler.get_triangulation();
    if (dim != 1)
      throw InputError("particle classes are a 1D particle-model feature",
                       "resolve the particles in the mesh instead", "", 0,
                       "Geometry/Spherical particle/Particle class radii [m]");

    // A piece starts at a coarse cell whose inner end is a boundary (r = 0);
    // the generator creates the pieces in class order.
    std::vector<unsigned int> coarse_class(tria.n_cells(0), 0);
    int                       piece = -1;
    for (const auto &c : tria.cell_iterators_on_level(0))
      {
        if (c->face(0)->at_boundary())
          ++piece;
        coarse_class[c->index()] = static_cast<unsigned int>(std::max(piece, 0));
      }
    if (piece + 1 != static_cast<int>(classes.size()))
      throw std::logic_error("the 1D mesh has " + std::to_string(piece + 1) + " pieces for " +
                             std::to_string(classes.size()) + " particle classes");
    class_of_cell.assign(tria.n_active_cells(), 0);
    for (const auto &c : tria.active_cell_iterators())
      {
        typename Triangulation<dim>::cell_iterator coarse = c;
        while (coarse->level() > 0)
          coarse = coarse->parent();
        class_of_cell[c->active_cell_index()] = coarse_class[coarse->index()];
      }

    // Active-material volume of one particle of each class.
    std::vector<double> volume(classes.size(), 0.);
    const QGauss<dim>   quadrature(degree + 2);
    FEValues<dim>       fe_values(mapping, fe_collection[0], quadrature,
                                  update_JxW_values | update_quadrature_points);
    for (const auto &c : dof_handler.active_cell_iterators())
      if (c->is_locally_owned() && c->material_id() == material_id::active_material)
        {
          fe_values.reinit(c);
          for (unsigned int q = 0; q < quadrature.size(); ++q)
            volume[class_of_cell[c->active_cell_index()]] +=
              fe_values.JxW(q) *
              volume_weight(coordinate_system, fe_values.quadrature_point(q));
        }
    Utilities::MPI::sum(volume, comm, volume);
    double mean_volume = 0.;
    for (unsigned int k = 0; k < classes.size(); ++k)
      mean_volume += classes[k].volume_fraction * volume[k];
    class_scale.resize(classes.size());
    for (unsigned int k = 0; k < classes.size(); ++k)
      class_scale[k] = classes[k].volume_fraction * mean_volume / volume[k];
    set_class_series_resistances();

    // The electrolyte DoFs (phi_e, and c_e) at each piece's outer end; every
    // rank knows all cells of the shared 1D mesh.
    std::vector<std::map<unsigned int, types::global_dof_index>> outer(classes.size());
    std::vector<types::global_dof_index>                         face_dofs;
    for (const auto &c : dof_handler.active_cell_iterators())
      for (const unsigned int f : c->face_indices())
        if (c->face(f)->at_boundary() && c->face(f)->boundary_id() == boundary_id::outer)
          {
            const auto &fe = c->get_fe();
            face_dofs.resize(fe.n_dofs_per_face(f));
            c->face(f)->get_dof_indices(face_dofs, c->active_fe_index());
            for (unsigned int i = 0; i < face_dofs.size(); ++i)
              {
                const unsigned int component = fe.face_system_to_component_index(i, f).first;
                if (component > 0)
                  outer[class_of_cell[c->active_cell_index()]][component] = face_dofs[i];
              }
          }
    std::vector<std::pair<types::global_dof_index, types::global_dof_index>> pairs;
    for (unsigned int k = 1; k < classes.size(); ++k)
      for (const auto &[component, dof] : outer[k])
        pairs.emplace_back(dof, outer[0].at(component));
    return pairs;
  }

  namespace
  {
    // The coating's sheet conductance sigma L [S] and the reaction's
    // resistance R_ct = RT/(F i0_ref) [ohm m^2] of the spreading closed form.
    std::pair<double, double>
    spreading_inputs(const Materials &materials, double coating_thickness, double temperature)
    {
      const double L = materials.coating_options.thin_layer_thickness > 0. ?
                         materials.coating_options.thin_layer_thickness :
                         coating_thickness;
      if (!(L > 0.))
        throw InputError("lateral transport from class contacts needs a coating",
                         "set Geometry/Coating thickness [m] or a thin-layer thickness", "", 0,
                         "Materials/Coating/Electrolyte contact/Lateral transport from class "
                         "contacts");
      return {materials.coating.conductivity * L,
              constants::gas * temperature /
                (constants::faraday * materials.active.exchange_current)};
    }
  } // namespace

  template <int dim>
  void
  ElectrochemicalCell<dim>::set_class_series_resistances()
  {
    // A class whose coating touches the electrolyte on a fraction a_c of
    // its surface: Li+ spreads along the coating to the whole surface. The
    // thin-shell closed form gives the particle's resistance beyond that of
    // its reaction, at the exchange current of theta = 0.5; per area of the
    // particle's surface it is in series with the reaction.
    class_series.assign(classes.size(), 0.);
    series_change_omega = -1.;
    if (!materials.coating_options.class_contacts_spread)
      return;
    const auto [sheet, R_ct] =
      spreading_inputs(materials, coating_thickness, cell.temperature_K);
    for (unsigned int k = 0; k < classes.size(); ++k)
      class_series[k] =
        spreading_area_resistance(classes[k].contact_fraction, sheet, R_ct, classes[k].radius);
  }

  template <int dim>
  std::complex<double>
  ElectrochemicalCell<dim>::class_series_change(unsigned int k, double omega) const
  {
    // The same spreading over the double layer beneath the coating: the
    // surface admittance 1/R_ct + i omega C_dl (the whole surface reacts, in
    // contact with its coating). Both values come from the same
    // integration, so the change is exactly 0 at omega = 0.
    if (omega != series_change_omega)
      {
        const auto [sheet, R_ct] =
          spreading_inputs(materials, coating_thickness, cell.temperature_K);
        const std::complex<double> y(1. / R_ct, omega * materials.capacitance.active_surface);
        series_change.resize(classes.size());
        for (unsigned int c = 0; c < classes.size(); ++c)
          {
            const double a = classes[c].contact_fraction, r = classes[c].radius;
            series_change[c] = spreading_area_impedance(a, sheet, y, r) -
                               spreading_area_impedance(a, sheet, 1. / R_ct, r);
          }
        series_change_omega = omega;
      }
    return series_change[k];
  }

  template <int dim>
  std::vector<std::pair<std::string, double>>
  ElectrochemicalCell<dim>::population_diagnostics(const LA::Vector &x) const
  {
    if (classes.size() < 2)
      return {};
    // Mean stoichiometry per class: shows how the classes share the charge
    // (and how a rest evens them out through the electrolyte).
    std::vector<double> li(2 * classes.size(), 0.);
    const QGauss<dim>   quadrature(degree + 2);
    FEValues<dim>       fe_values(mapping, fe_collection[0], quadrature,
                                  update_values | update_JxW_values | update_quadrature_points);
    std::vector<double> c_q(quadrature.size());
    for (const auto &c : dof_handler.active_cell_iterators())
      if (c->is_locally_owned() && c->material_id() == material_id::active_material)
        {
          fe_values.reinit(c);
          fe_values[FEValuesExtractors::Scalar(0)].get_function_values(x, c_q);
          const unsigned int k = class_of_cell[c->active_cell_index()];
          for (unsigned int q = 0; q < quadrature.size(); ++q)
            {
              const double w = fe_values.JxW(q) *
                               volume_weight(coordinate_system, fe_values.quadrature_point(q));
              li[2 * k] += c_q[q] * w;
              li[2 * k + 1] += w;
            }
        }
    Utilities::MPI::sum(li, comm, li);
    std::vector<std::pair<std::string, double>> result;
    for (unsigned int k = 0; k < classes.size(); ++k)
      result.emplace_back("particle_class_" + std::to_string(k + 1) + "_stoichiometry",
                          li[2 * k] / li[2 * k + 1] / materials.active.max_concentration);
    return result;
  }

#define SSBCELL_INSTANTIATE(dim)                                                            \
  template std::vector<std::pair<types::global_dof_index, types::global_dof_index>>         \
  ElectrochemicalCell<dim>::setup_particle_classes();                                       \
  template std::vector<std::pair<std::string, double>>                                      \
  ElectrochemicalCell<dim>::population_diagnostics(const LA::Vector &) const;               \
  template std::complex<double> ElectrochemicalCell<dim>::class_series_change(unsigned int, \
                                                                              double) const;
  SSBCELL_INSTANTIATE(1)
  SSBCELL_INSTANTIATE(2)
  SSBCELL_INSTANTIATE(3)
#undef SSBCELL_INSTANTIATE
} // namespace ssbcell
