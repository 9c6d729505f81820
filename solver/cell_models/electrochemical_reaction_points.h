#pragma once
// ElectrochemicalCell::for_each_reaction_point: the state of the particle
// reaction at every quadrature point of the reacting surface, for the
// outputs and the loss breakdown (included by the files that report).

#include <deal.II/base/quadrature_lib.h>
#include <deal.II/fe/fe_values.h>

#include <meshes/interfaces.h>
#include <physics/particle_reaction.h>
#include <solver/cell_models/electrochemical_cell.h>
#include <solver/linear_algebra/cell_dof_values.h>

namespace ssbcell
{
  template <int dim>
  template <typename Visitor>
  void
  ElectrochemicalCell<dim>::for_each_reaction_point(const LA::Vector &x,
                                                    double            phi_s,
                                                    Visitor           visit) const
  {
    const ParticleReaction        reaction(materials.active, materials.anode.potential_vs_li,
                                           cell.temperature_K, materials.thin_layer_resistance());
    const dealii::QGauss<dim - 1> face_quadrature(degree + 2);
    const auto                    flags =
      dealii::update_values | dealii::update_JxW_values | dealii::update_quadrature_points;
    dealii::FEFaceValues<dim> am_face(
      mapping, fe_collection[electrochemistry::fe_index::active_material], face_quadrature,
      flags);
    // Made for the neighbours' elements as they occur.
    std::vector<std::unique_ptr<dealii::FEFaceValues<dim>>> el_face(
      electrochemistry::fe_index::n_fe_indices);
    const unsigned int  n_q   = face_quadrature.size();
    const double        c_ref = materials.electrolyte.concentration;
    std::vector<double> phi_s_q(n_q, phi_s), c_s(n_q), phi_e(n_q), c_e(n_q, c_ref);
    const dealii::FEValuesExtractors::Scalar concentration(
      electrochemistry::component::concentration),
      solid(electrochemistry::component::solid_potential),
      salt(electrochemistry::component::salt);
    CellDofValues am_local, el_local;
    for (const auto &c : dof_handler.active_cell_iterators())
      if (c->is_locally_owned())
        for (const unsigned int f : c->face_indices())
          if (is_reacting_face(c, f))
            {
              const auto         neighbor = c->neighbor(f);
              const unsigned int index    = neighbor->active_fe_index();
              am_face.reinit(c, f);
              if (!el_face[index])
                el_face[index] =
                  std::make_unique<dealii::FEFaceValues<dim>>(mapping, fe_collection[index],
                                                              face_quadrature, flags);
              el_face[index]->reinit(neighbor, c->neighbor_of_neighbor(f));
              const auto &am_values = am_local.read(c, x);
              const auto &el_values = el_local.read(neighbor, x);
              am_face[concentration].get_function_values_from_local_dof_values(am_values, c_s);
              if (materials.electronic.resolved)
                am_face[solid].get_function_values_from_local_dof_values(am_values, phi_s_q);
              (*el_face[index])[dealii::FEValuesExtractors::Scalar(
                                  electrochemistry::potential_component(index))]
                .get_function_values_from_local_dof_values(el_values, phi_e);
              if (index == electrochemistry::fe_index::binary_electrolyte)
                (*el_face[index])[salt].get_function_values_from_local_dof_values(el_values,
                                                                                  c_e);
              else
                std::fill(c_e.begin(), c_e.end(), c_ref);
              for (unsigned int q = 0; q < n_q; ++q)
                {
                  const SurfaceCoupling coupling = surface_coupling(c, f, q);
                  const double w = am_face.JxW(q) * weight(c, am_face.quadrature_point(q));
                  const ReactionState s =
                    reaction.evaluate(c_s[q], phi_s_q[q], phi_e[q], c_e[q] / c_ref,
                                      coupling.contact_fraction, coupling.ocp_shift,
                                      coupling.series_resistance);
                  visit(c, f, w, s, c_s[q] / materials.active.max_concentration, coupling,
                        phi_s_q[q]);
                }
            }
  }

} // namespace ssbcell
