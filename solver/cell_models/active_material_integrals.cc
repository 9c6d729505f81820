#include <deal.II/base/mpi.h>
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/fe/fe_values.h>

#include <meshes/ids.h>
#include <solver/cell_models/active_material_integrals.h>
#include <solver/linear_algebra/cell_dof_values.h>

#include <cmath>

namespace ssbcell
{
  using namespace dealii;

  template <int dim>
  double
  ActiveMaterialIntegrals<dim>::amount(const LA::Vector &x) const
  {
    if (!cell_values)
      cell_values =
        std::make_unique<FEValues<dim>>(mapping, fe, QGauss<dim>(quadrature_degree),
                                        update_values | update_JxW_values |
                                          update_quadrature_points);
    FEValues<dim>                   &fe_values = *cell_values;
    const FEValuesExtractors::Scalar c(component);
    std::vector<double>              c_q(fe_values.n_quadrature_points);
    CellDofValues                    local;
    double                           sum = 0.;
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned() && cell->material_id() == material_id::active_material)
        {
          fe_values.reinit(cell);
          fe_values[c].get_function_values_from_local_dof_values(local.read(cell, x), c_q);
          for (unsigned int q = 0; q < c_q.size(); ++q)
            sum += c_q[q] * fe_values.JxW(q) * weight(cell, fe_values.quadrature_point(q));
        }
    return Utilities::MPI::sum(sum, dof_handler.get_triangulation().get_communicator());
  }

  template <int dim>
  double
  ActiveMaterialIntegrals<dim>::surface_integral(const LA::Vector &x) const
  {
    return surface_integral_of(x, [](double c) { return c; });
  }

  template <int dim>
  double
  ActiveMaterialIntegrals<dim>::surface_integral_of(
    const LA::Vector                    &x,
    const std::function<double(double)> &integrand) const
  {
    if (!face_values)
      face_values =
        std::make_unique<FEFaceValues<dim>>(mapping, fe, QGauss<dim - 1>(quadrature_degree),
                                            update_values | update_JxW_values |
                                              update_quadrature_points);
    FEFaceValues<dim>               &fe_face = *face_values;
    const FEValuesExtractors::Scalar c(component);
    std::vector<double>              c_q(fe_face.n_quadrature_points);
    CellDofValues                    local;
    double                           sum = 0.;
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned() && cell->material_id() == material_id::active_material)
        for (const unsigned int f : cell->face_indices())
          if (is_surface_face(cell, f))
            {
              fe_face.reinit(cell, f);
              fe_face[c].get_function_values_from_local_dof_values(local.read(cell, x), c_q);
              for (unsigned int q = 0; q < c_q.size(); ++q)
                sum += integrand(c_q[q]) * fe_face.JxW(q) *
                       weight(cell, fe_face.quadrature_point(q));
            }
    return Utilities::MPI::sum(sum, dof_handler.get_triangulation().get_communicator());
  }

  template <int dim>
  std::pair<double, double>
  ActiveMaterialIntegrals<dim>::l2_error(const LA::Vector    &x,
                                         const Function<dim> &exact,
                                         double               reference) const
  {
    const QGauss<dim>                quadrature(quadrature_degree + 2);
    FEValues<dim>                    fe_values(mapping, fe, quadrature,
                                               update_values | update_JxW_values | update_quadrature_points);
    const FEValuesExtractors::Scalar c(component);
    std::vector<double>              c_q(quadrature.size());
    double                           error = 0., norm = 0.;
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned() && cell->material_id() == material_id::active_material)
        {
          fe_values.reinit(cell);
          fe_values[c].get_function_values(x, c_q);
          for (unsigned int q = 0; q < quadrature.size(); ++q)
            {
              const auto  &p = fe_values.quadrature_point(q);
              const double w = fe_values.JxW(q) * weight(cell, p);
              const double e = exact.value(p);
              error += (c_q[q] - e) * (c_q[q] - e) * w;
              norm += (e - reference) * (e - reference) * w;
            }
        }
    const MPI_Comm comm = dof_handler.get_triangulation().get_communicator();
    return {std::sqrt(Utilities::MPI::sum(error, comm)),
            std::sqrt(Utilities::MPI::sum(norm, comm))};
  }

  template struct ActiveMaterialIntegrals<1>;
  template struct ActiveMaterialIntegrals<2>;
  template struct ActiveMaterialIntegrals<3>;
} // namespace ssbcell
