// What ElectrochemicalCell reports of its reacting surface: the
// exchange-current integral and the loss breakdown of the cell voltage.
//
// Loss breakdown. With the current-weighted mean <.> = sum(. i_n w)/P over
// the particle surface (P = sum i_n w), testing the charge balance with
// q = phi_e turns eta = phi_s - phi_e - (U + dU - U_a) - (R_film + R_s) i_n
// into the exact identity
//   V = [U(theta_mean) - U_a] + [<U(theta_s)> - U(theta_mean)] + <dU> + <eta>
//       + <R_film i_n> + <R_s i_n> + D_coat/P + D_SE/P - <eta_a>_anode,
// with D = -int i . grad phi_e w the ohmic dissipation of a region and the
// anode mean weighted by its current (a lumped 1D anode adds its own
// overpotential and the separator drop -I R_sep). dU is the OCP shift of
// the stressed host (mechanics), reported as stress_V where it is set; R_s
// the spreading from a particle class's contacts (contact_spreading_V).

#include <deal.II/base/quadrature_lib.h>
#include <deal.II/fe/fe_values.h>

#include <meshes/interfaces.h>
#include <physics/butler_volmer.h>
#include <solver/cell_models/electrochemical_cell.h>
#include <solver/cell_models/electrochemical_reaction_points.h>
#include <solver/linear_algebra/cell_dof_values.h>

namespace ssbcell
{
  using namespace dealii;
  using namespace electrochemistry;

  template <int dim>
  std::optional<double>
  ElectrochemicalCell<dim>::exchange_current_integral(const LA::Vector &x) const
  {
    double sum = 0.;
    // The reaction's exchange current does not depend on phi_s.
    for_each_reaction_point(x, 0.,
                            [&](const auto &, unsigned int, double w, const ReactionState &s,
                                double, const SurfaceCoupling &,
                                double) { sum += s.exchange_current * w; });
    return Utilities::MPI::sum(sum, comm);
  }

  template <int dim>
  void
  ElectrochemicalCell<dim>::electrolyte_sums(const LA::Vector &x,
                                             double            dissipation[2],
                                             double            anode[2]) const
  {
    // Ohmic dissipation per region (coating, electrolyte) and the anode's
    // current-weighted overpotential (sum i_a eta_a w, sum i_a w).
    const QGauss<dim>     quadrature(degree + 2);
    const QGauss<dim - 1> face_quadrature(degree + 2);
    const auto            flags =
      update_values | update_gradients | update_JxW_values | update_quadrature_points;
    const double                     c_ref = materials.electrolyte.concentration;
    const FEValuesExtractors::Scalar salt(component::salt);
    for (const unsigned int index :
         {fe_index::ion_conductor, fe_index::binary_electrolyte, fe_index::separated_coating})
      {
        const FEValuesExtractors::Scalar potential(potential_component(index));
        // Made only for the elements that occur (making one costs more than
        // a 1D particle's sums).
        std::unique_ptr<FEValues<dim>>     cell_values;
        std::unique_ptr<FEFaceValues<dim>> face_values;
        std::vector<Tensor<1, dim>> grad_phi(quadrature.size()), grad_c(quadrature.size());
        std::vector<double> c_e(quadrature.size(), c_ref), phi_face(face_quadrature.size()),
          c_face(face_quadrature.size(), c_ref);
        const bool    has_salt = index == fe_index::binary_electrolyte;
        CellDofValues local;
        for (const auto &c : dof_handler.active_cell_iterators())
          if (c->is_locally_owned() && c->active_fe_index() == index)
            {
              if (!cell_values)
                cell_values = std::make_unique<FEValues<dim>>(mapping, fe_collection[index],
                                                              quadrature, flags);
              FEValues<dim> &ev = *cell_values;
              ev.reinit(c);
              const auto &values = local.read(c, x);
              ev[potential].get_function_gradients_from_local_dof_values(values, grad_phi);
              if (has_salt)
                {
                  ev[salt].get_function_values_from_local_dof_values(values, c_e);
                  ev[salt].get_function_gradients_from_local_dof_values(values, grad_c);
                }
              const auto        &model  = *conductor(c->material_id()).transport;
              const unsigned int region = c->material_id() == material_id::coating ? 0 : 1;
              const double       f      = term_context->conductivity_factor(c);
              for (unsigned int q = 0; q < quadrature.size(); ++q)
                {
                  const auto k = model.coefficients(ADNumber(c_e[q]));
                  dissipation[region] += (k.current_c.val() * (grad_c[q] * grad_phi[q]) +
                                          k.current_phi.val() * (grad_phi[q] * grad_phi[q])) *
                                         f * ev.JxW(q) * weight(c, ev.quadrature_point(q));
                }
              for (const unsigned int f : c->face_indices())
                if (is_boundary_face(c, f, boundary_id::anode))
                  {
                    if (!face_values)
                      face_values =
                        std::make_unique<FEFaceValues<dim>>(mapping, fe_collection[index],
                                                            face_quadrature, flags);
                    FEFaceValues<dim> &ef = *face_values;
                    ef.reinit(c, f);
                    ef[potential].get_function_values_from_local_dof_values(values, phi_face);
                    if (has_salt)
                      ef[salt].get_function_values_from_local_dof_values(values, c_face);
                    for (unsigned int q = 0; q < face_quadrature.size(); ++q)
                      {
                        const double w = ef.JxW(q) * weight(c, ef.quadrature_point(q));
                        const double i_a =
                          anode_current(materials.anode.exchange_current, cell.temperature_K,
                                        phi_face[q], c_face[q] / c_ref)
                            .val();
                        anode[0] += i_a * (-phi_face[q]) * w;
                        anode[1] += i_a * w;
                      }
                  }
            }
      }
  }

  template <int dim>
  double
  ElectrochemicalCell<dim>::ion_transfer_dissipation(const LA::Vector &x) const
  {
    // int i_t [phi_e] w over the coating|electrolyte faces.
    if (!split_coating)
      return 0.;
    const QGauss<dim - 1> face_quadrature(degree + 2);
    const auto            flags = update_values | update_gradients | update_JxW_values |
                       update_quadrature_points | update_normal_vectors;
    const double        R_t     = materials.coating_options.ion_transfer_resistance;
    const auto         &contact = *materials.coating_options.electrolyte_contact;
    FEFaceValues<dim>   coat(mapping, fe_collection[fe_index::separated_coating],
                             face_quadrature, flags);
    FEFaceValues<dim>   se(mapping, fe_collection[fe_index::ion_conductor], face_quadrature,
                           flags);
    std::vector<double> phi_c(face_quadrature.size()), phi_se(face_quadrature.size());
    double              transfer = 0.;
    for (const auto &c : dof_handler.active_cell_iterators())
      if (c->is_locally_owned() && c->active_fe_index() == fe_index::separated_coating)
        for (const unsigned int f : c->face_indices())
          if (is_coating_electrolyte_face(c, f))
            {
              coat.reinit(c, f);
              se.reinit(c->neighbor(f), c->neighbor_of_neighbor(f));
              coat[FEValuesExtractors::Scalar(component::coating_potential)]
                .get_function_values(x, phi_c);
              se[FEValuesExtractors::Scalar(component::electrolyte_potential)]
                .get_function_values(x, phi_se);
              for (unsigned int q = 0; q < face_quadrature.size(); ++q)
                transfer += contact_fraction_at(contact, coat.normal_vector(q)) *
                            std::pow(phi_c[q] - phi_se[q], 2) / R_t * coat.JxW(q) *
                            weight(c, coat.quadrature_point(q));
            }
    return transfer;
  }

  template <int dim>
  std::vector<std::pair<std::string, double>>
  ElectrochemicalCell<dim>::voltage_losses(const LA::Vector &x, double voltage) const
  {
    const auto  &am  = materials.active;
    const double R_f = materials.thin_layer_resistance();
    // Sums over the particle surface: P, i_n U, i_n eta, i_n^2 R, i_n dU,
    // and the area-weighted ones for a cell at rest.
    double s[12] = {0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0.};
    for_each_reaction_point(x, voltage,
                            [&](const auto &, unsigned int, double w, const ReactionState &r,
                                double theta, const SurfaceCoupling &coupling,
                                double phi_s_here) {
                              const double i = r.current.val();
                              s[0] += i * w;
                              s[1] += i * am.ocp->value(theta) * w;
                              s[2] += i * r.overpotential * w;
                              s[3] += i * i * R_f * w;
                              s[4] += w;
                              s[7] += i * phi_s_here * w;
                              s[8] += phi_s_here * w;
                              s[5] += am.ocp->value(theta) * w;
                              s[6] += r.overpotential * w;
                              s[9] += i * coupling.ocp_shift * w;
                              s[10] += coupling.ocp_shift * w;
                              s[11] += i * i * coupling.series_resistance * w;
                            });
    double dissipation[2] = {0., 0.}, anode[2] = {0., 0.};
    electrolyte_sums(x, dissipation, anode);
    double transfer = ion_transfer_dissipation(x);
    for (double *v :
         {&s[0], &s[1], &s[2], &s[3], &s[4], &s[5], &s[6], &s[7], &s[8], &s[9], &s[10], &s[11],
          &dissipation[0], &dissipation[1], &anode[0], &anode[1], &transfer})
      *v = Utilities::MPI::sum(*v, comm);

    const double theta_mean = amount_of_li(x) / am_volume / am.max_concentration;
    const double ocv        = am.ocp->value(theta_mean) - materials.anode.potential_vs_li;
    const double P          = s[0];
    // At rest (no net current) the current weights vanish: use the area.
    const bool at_rest = !(std::abs(P) > 1e-12 * s[4] * am.exchange_current);
    double     diffusion =
      at_rest ? s[5] / s[4] - am.ocp->value(theta_mean) : s[1] / P - am.ocp->value(theta_mean);
    double       charge_transfer = at_rest ? s[6] / s[4] : s[2] / P;
    const double stress          = at_rest ? s[10] / s[4] : s[9] / P;
    // A thin layer's drop splits into its bulk L/sigma and its ion transfer.
    const double R_t           = materials.coating_options.ion_transfer_resistance;
    const double film_share    = R_f > 0. ? (R_f - R_t) / R_f : 0.;
    double       thin_layer    = at_rest ? 0. : film_share * s[3] / P;
    double       ion_transfer  = at_rest       ? 0. :
                                 split_coating ? transfer / P :
                                                 (1. - film_share) * s[3] / P;
    double       ohmic_coating = at_rest ? 0. : dissipation[0] / P;
    double       ohmic_se      = at_rest ? 0. : dissipation[1] / P;
    double       anode_part    = 0.;
    // The drop from the collector to the reacting surface (resolved phi_s).
    const double electronic = at_rest ? voltage - s[8] / s[4] : voltage - s[7] / P;
    if (lumped_anode)
      {
        // phi_e = -(eta_a(I) + I R_sep) on the outer boundary.
        const double I = at_rest ? 0. : cell_current_density(P);
        anode_part     = -ButlerVolmer{0.5, 0.5, cell.temperature_K}.overpotential(
              materials.anode.exchange_current, I);
        ohmic_se -= I * cell.lumped_electrolyte_resistance(materials.electrolyte.conductivity);
      }
    else if (std::abs(anode[1]) > 0. && !at_rest)
      anode_part = -anode[0] / anode[1];
    std::vector<std::pair<std::string, double>> losses = {{"open_circuit_V", ocv},
                                                          {"diffusion_V", diffusion},
                                                          {"charge_transfer_V",
                                                           charge_transfer},
                                                          {"ohmic_coating_V", ohmic_coating},
                                                          {"ohmic_electrolyte_V", ohmic_se},
                                                          {"anode_V", anode_part}};
    if (materials.electronic.resolved)
      losses.emplace_back("ohmic_electronic_V", electronic);
    if (R_t > 0.)
      losses.insert(losses.begin() + 4, {"ion_transfer_V", ion_transfer});
    if (R_f > 0.)
      losses.insert(losses.begin() + 3, {"thin_layer_V", thin_layer});
    if (materials.coating_options.class_contacts_spread)
      losses.insert(losses.begin() + 3, {"contact_spreading_V", at_rest ? 0. : s[11] / P});
    if (ocp_shifted)
      losses.insert(losses.begin() + 2, {"stress_V", stress});
    return losses;
  }

#define SSBCELL_INSTANTIATE(dim)                                                      \
  template std::optional<double> ElectrochemicalCell<dim>::exchange_current_integral( \
    const LA::Vector &) const;                                                        \
  template std::vector<std::pair<std::string, double>>                                \
  ElectrochemicalCell<dim>::voltage_losses(const LA::Vector &, double) const;
  SSBCELL_INSTANTIATE(1)
  SSBCELL_INSTANTIATE(2)
  SSBCELL_INSTANTIATE(3)
#undef SSBCELL_INSTANTIATE
} // namespace ssbcell
