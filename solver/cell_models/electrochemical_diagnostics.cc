// What ElectrochemicalCell reports beyond the solution: the exchange-current
// integral, the loss breakdown of the cell voltage and the surface fields
// eta, i_n, a_c (and the OCP shift of the stressed host) for the VTU output.
//
// Loss breakdown. With the current-weighted mean <.> = sum(. i_n w)/P over
// the particle surface (P = sum i_n w), testing the charge balance with
// q = phi_e turns eta = phi_s - phi_e - (U + dU - U_a) - R_film i_n into the
// exact identity
//   V = [U(theta_mean) - U_a] + [<U(theta_s)> - U(theta_mean)] + <dU> + <eta>
//       + <R_film i_n> + D_coat/P + D_SE/P - <eta_a>_anode,
// with D = -int i . grad phi_e w the ohmic dissipation of a region and the
// anode mean weighted by its current (a lumped 1D anode adds its own
// overpotential and the separator drop -I R_sep). dU is the OCP shift of
// the stressed host (mechanics), reported as stress_V where it is set.

#include <deal.II/base/quadrature_lib.h>
#include <deal.II/fe/fe_values.h>

#include <meshes/ids.h>
#include <physics/constants.h>
#include <physics/particle_reaction.h>
#include <solver/cell_models/electrochemical_cell.h>

namespace ssbcell
{
  using namespace dealii;

  namespace
  {
    const FEValuesExtractors::Scalar concentration(0), potential(1), salt(2);
  }

  template <int dim>
  template <typename Visitor>
  void
  ElectrochemicalCell<dim>::for_each_reaction_point(const LA::Vector &x,
                                                    double            phi_s,
                                                    Visitor           visit) const
  {
    const ParticleReaction reaction(materials.active, materials.anode.potential_vs_li,
                                    cell.temperature_K, materials.thin_layer_resistance());
    const QGauss<dim - 1>  face_quadrature(degree + 2);
    const auto        flags = update_values | update_JxW_values | update_quadrature_points;
    FEFaceValues<dim> am_face(mapping, fe_collection[0], face_quadrature, flags);
    std::vector<std::unique_ptr<FEFaceValues<dim>>> el_face(5);
    for (const unsigned int i : {1u, 2u, 4u})
      el_face[i] =
        std::make_unique<FEFaceValues<dim>>(mapping, fe_collection[i], face_quadrature, flags);
    std::vector<double> phi_s_q(face_quadrature.size(), phi_s);
    std::vector<double> c_s(face_quadrature.size()), phi_e(face_quadrature.size()),
      c_e(face_quadrature.size(), materials.electrolyte.concentration);
    for (const auto &c : dof_handler.active_cell_iterators())
      if (c->is_locally_owned() && c->material_id() == material_id::active_material)
        for (const unsigned int f : c->face_indices())
          if (is_reaction_face(c, f))
            {
              const auto         neighbor = c->neighbor(f);
              const unsigned int index    = neighbor->active_fe_index();
              am_face.reinit(c, f);
              el_face[index]->reinit(neighbor, c->neighbor_of_neighbor(f));
              am_face[concentration].get_function_values(x, c_s);
              if (materials.electronic.resolved)
                am_face[FEValuesExtractors::Scalar(4)].get_function_values(x, phi_s_q);
              (*el_face[index])[potential_of(index)].get_function_values(x, phi_e);
              if (index == 2)
                (*el_face[index])[salt].get_function_values(x, c_e);
              else
                std::fill(c_e.begin(), c_e.end(), materials.electrolyte.concentration);
              for (unsigned int q = 0; q < face_quadrature.size(); ++q)
                {
                  const SurfaceCoupling coupling = surface_coupling(c, f, q);
                  const double w = am_face.JxW(q) * weight(c, am_face.quadrature_point(q));
                  const ReactionState s =
                    reaction.evaluate(c_s[q], phi_s_q[q], phi_e[q],
                                      c_e[q] / materials.electrolyte.concentration,
                                      coupling.contact_fraction, coupling.ocp_shift);
                  visit(c, f, w, s, c_s[q] / materials.active.max_concentration, coupling,
                        phi_s_q[q]);
                }
            }
  }

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
  std::vector<std::pair<std::string, double>>
  ElectrochemicalCell<dim>::voltage_losses(const LA::Vector &x, double voltage) const
  {
    const auto  &am  = materials.active;
    const double R_f = materials.thin_layer_resistance();
    // Sums over the particle surface: P, i_n U, i_n eta, i_n^2 R, i_n dU,
    // and the area-weighted ones for a cell at rest.
    double s[11] = {0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0.};
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
                            });

    // Ohmic dissipation per region and the anode's current-weighted
    // overpotential (sum i_a eta_a w, sum i_a w).
    double                dissipation[2] = {0., 0.}, anode[2] = {0., 0.};
    const QGauss<dim>     quadrature(degree + 2);
    const QGauss<dim - 1> face_quadrature(degree + 2);
    const auto            flags =
      update_values | update_gradients | update_JxW_values | update_quadrature_points;
    for (const unsigned int index : {1u, 2u, 4u})
      {
        const FEValuesExtractors::Scalar potential = potential_of(index);
        FEValues<dim>                    ev(mapping, fe_collection[index], quadrature, flags);
        FEFaceValues<dim>           ef(mapping, fe_collection[index], face_quadrature, flags);
        std::vector<Tensor<1, dim>> grad_phi(quadrature.size()), grad_c(quadrature.size());
        std::vector<double> c_e(quadrature.size(), materials.electrolyte.concentration),
          phi_face(face_quadrature.size()),
          c_face(face_quadrature.size(), materials.electrolyte.concentration);
        for (const auto &c : dof_handler.active_cell_iterators())
          if (c->is_locally_owned() && c->active_fe_index() == index)
            {
              ev.reinit(c);
              ev[potential].get_function_gradients(x, grad_phi);
              if (index == 2)
                {
                  ev[salt].get_function_values(x, c_e);
                  ev[salt].get_function_gradients(x, grad_c);
                }
              const auto        &model  = *conductor(c->material_id()).transport;
              const unsigned int region = c->material_id() == material_id::coating ? 0 : 1;
              for (unsigned int q = 0; q < quadrature.size(); ++q)
                {
                  const auto k = model.coefficients(ADNumber(c_e[q]));
                  dissipation[region] += (k.current_c.val() * (grad_c[q] * grad_phi[q]) +
                                          k.current_phi.val() * (grad_phi[q] * grad_phi[q])) *
                                         ev.JxW(q) * weight(c, ev.quadrature_point(q));
                }
              for (const unsigned int f : c->face_indices())
                if (c->face(f)->at_boundary() &&
                    c->face(f)->boundary_id() == boundary_id::anode)
                  {
                    ef.reinit(c, f);
                    ef[potential].get_function_values(x, phi_face);
                    if (index == 2)
                      ef[salt].get_function_values(x, c_face);
                    for (unsigned int q = 0; q < face_quadrature.size(); ++q)
                      {
                        const double w = ef.JxW(q) * weight(c, ef.quadrature_point(q));
                        const double i_a =
                          anode_current(materials.anode.exchange_current, cell.temperature_K,
                                        phi_face[q],
                                        c_face[q] / materials.electrolyte.concentration)
                            .val();
                        anode[0] += i_a * (-phi_face[q]) * w;
                        anode[1] += i_a * w;
                      }
                  }
            }
      }
    // Dissipation of the coating|electrolyte ion transfer, int i_t [phi_e] w.
    double transfer = 0.;
    if (split_coating)
      {
        const double        R_t = materials.coating_options.ion_transfer_resistance;
        FEFaceValues<dim>   coat(mapping, fe_collection[4], face_quadrature, flags);
        FEFaceValues<dim>   se(mapping, fe_collection[1], face_quadrature, flags);
        std::vector<double> phi_c(face_quadrature.size()), phi_se(face_quadrature.size());
        for (const auto &c : dof_handler.active_cell_iterators())
          if (c->is_locally_owned() && c->active_fe_index() == 4)
            for (const unsigned int f : c->face_indices())
              if (is_transfer_face(c, f))
                {
                  coat.reinit(c, f);
                  se.reinit(c->neighbor(f), c->neighbor_of_neighbor(f));
                  coat[potential_of(4)].get_function_values(x, phi_c);
                  se[potential_of(1)].get_function_values(x, phi_se);
                  for (unsigned int q = 0; q < face_quadrature.size(); ++q)
                    transfer += std::pow(phi_c[q] - phi_se[q], 2) / R_t * coat.JxW(q) *
                                weight(c, coat.quadrature_point(q));
                }
      }
    for (double *v :
         {&s[0], &s[1], &s[2], &s[3], &s[4], &s[5], &s[6], &s[7], &s[8], &s[9], &s[10],
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
        const double f = constants::faraday / (constants::gas * cell.temperature_K);
        anode_part     = -2. / f * std::asinh(I / (2. * materials.anode.exchange_current));
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
    if (ocp_shifted)
      losses.insert(losses.begin() + 2, {"stress_V", stress});
    return losses;
  }

  template <int dim>
  std::vector<std::pair<std::string, Vector<float>>>
  ElectrochemicalCell<dim>::cell_fields(const LA::Vector &x, double voltage) const
  {
    // Area-weighted means over the reacting faces of each active-material
    // cell; 0 elsewhere.
    const unsigned int n = dof_handler.get_triangulation().n_active_cells();
    Vector<float>      eta(n), i_n(n), a_c(n), shift(n), area(n);
    for_each_reaction_point(x, voltage,
                            [&](const auto &c, unsigned int, double w, const ReactionState &s,
                                double, const SurfaceCoupling &coupling, double) {
                              const unsigned int k = c->active_cell_index();
                              eta(k) += s.overpotential * w;
                              i_n(k) += s.current.val() * w;
                              a_c(k) += coupling.contact_fraction * w;
                              shift(k) += coupling.ocp_shift * w;
                              area(k) += w;
                            });
    for (unsigned int k = 0; k < n; ++k)
      if (area(k) > 0.f)
        {
          eta(k) /= area(k);
          i_n(k) /= area(k);
          a_c(k) /= area(k);
          shift(k) /= area(k);
        }
    std::vector<std::pair<std::string, Vector<float>>> fields{{"eta", eta},
                                                              {"i_n", i_n},
                                                              {"a_c", a_c}};
    if (ocp_shifted)
      fields.emplace_back("ocp_stress_shift", shift);
    if (classes.size() > 1) // the pieces overlap in r: this tells them apart
      {
        Vector<float> label(n);
        for (unsigned int k = 0; k < n; ++k)
          label(k) = class_of_cell[k] + 1;
        fields.emplace_back("particle_class", label);
      }
    return fields;
  }

  template <int dim>
  std::pair<double, double>
  ElectrochemicalCell<dim>::field_errors(const LA::Vector    &x,
                                         const Function<dim> &c_exact,
                                         const Function<dim> &phi_exact) const
  {
    const double        c_error = integrals().l2_error(x, c_exact, 0.).first;
    const QGauss<dim>   quadrature(degree + 3);
    double              error = 0.;
    std::vector<double> phi(quadrature.size());
    for (const unsigned int index : {1u, 2u, 4u})
      {
        const FEValuesExtractors::Scalar potential = potential_of(index);
        FEValues<dim>                    ev(mapping, fe_collection[index], quadrature,
                                            update_values | update_JxW_values | update_quadrature_points);
        for (const auto &c : dof_handler.active_cell_iterators())
          if (c->is_locally_owned() && c->active_fe_index() == index)
            {
              ev.reinit(c);
              ev[potential].get_function_values(x, phi);
              for (unsigned int q = 0; q < quadrature.size(); ++q)
                {
                  const auto  &p = ev.quadrature_point(q);
                  const double e = phi[q] - phi_exact.value(p);
                  error += e * e * ev.JxW(q) * weight(c, p);
                }
            }
      }
    return {c_error, std::sqrt(Utilities::MPI::sum(error, comm))};
  }

#define SSBCELL_INSTANTIATE(dim)                                                      \
  template std::optional<double> ElectrochemicalCell<dim>::exchange_current_integral( \
    const LA::Vector &) const;                                                        \
  template std::vector<std::pair<std::string, double>>                                \
  ElectrochemicalCell<dim>::voltage_losses(const LA::Vector &, double) const;         \
  template std::vector<std::pair<std::string, Vector<float>>>                         \
  ElectrochemicalCell<dim>::cell_fields(const LA::Vector &, double) const;            \
  template std::pair<double, double> ElectrochemicalCell<dim>::field_errors(          \
    const LA::Vector &, const Function<dim> &, const Function<dim> &) const;
  SSBCELL_INSTANTIATE(1)
  SSBCELL_INSTANTIATE(2)
  SSBCELL_INSTANTIATE(3)
#undef SSBCELL_INSTANTIATE
} // namespace ssbcell
