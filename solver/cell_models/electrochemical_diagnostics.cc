// What ElectrochemicalCell writes beside its solution: the surface fields
// eta, i_n, a_c (and the OCP shift of the stressed host) per cell for the
// VTU output, and the field errors of a verification against a
// manufactured solution.

#include <deal.II/base/quadrature_lib.h>
#include <deal.II/fe/fe_values.h>

#include <solver/cell_models/electrochemical_cell.h>
#include <solver/cell_models/electrochemical_reaction_points.h>

namespace ssbcell
{
  using namespace dealii;
  using namespace electrochemistry;

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
    for (const unsigned int index :
         {fe_index::ion_conductor, fe_index::binary_electrolyte, fe_index::separated_coating})
      {
        const FEValuesExtractors::Scalar potential(potential_component(index));
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

#define SSBCELL_INSTANTIATE(dim)                                             \
  template std::vector<std::pair<std::string, Vector<float>>>                \
  ElectrochemicalCell<dim>::cell_fields(const LA::Vector &, double) const;   \
  template std::pair<double, double> ElectrochemicalCell<dim>::field_errors( \
    const LA::Vector &, const Function<dim> &, const Function<dim> &) const;
  SSBCELL_INSTANTIATE(1)
  SSBCELL_INSTANTIATE(2)
  SSBCELL_INSTANTIATE(3)
#undef SSBCELL_INSTANTIATE
} // namespace ssbcell
