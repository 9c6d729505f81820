#pragma once
// MechanicsProblem's view of the concentration: c, and from it the chemical
// strain eps0 = (Omega/3)(c - c_ref), at the quadrature points of the
// mechanics' own FEValues. A field of another model is evaluated with that
// model's finite element at the same reference points (values only, so no
// mapping is needed); a point function at the mapped points.
// Included by the mechanics' .cc files only.

#include <deal.II/fe/fe_values.h>
#include <deal.II/fe/fe_values_extractors.h>
#include <deal.II/hp/fe_values.h>
#include <deal.II/hp/q_collection.h>

#include <meshes/ids.h>
#include <solver/mechanics/mechanics_problem.h>

#include <memory>

namespace ssbcell
{
  template <int dim>
  class MechanicsProblem<dim>::Concentration
  {
  public:
    // The quadratures of the FEValues the caller will pass (either may be
    // null if that kind is not used).
    Concentration(const MechanicsProblem<dim>       &problem,
                  const dealii::Quadrature<dim>     *cell_quadrature,
                  const dealii::Quadrature<dim - 1> *face_quadrature)
      : problem(problem)
    {
      if (!problem.field_source)
        return;
      const auto &fe = problem.field_source->dof_handler->get_fe_collection();
      if (cell_quadrature)
        values = std::make_unique<dealii::hp::FEValues<dim>>(
          fe, dealii::hp::QCollection<dim>(*cell_quadrature), dealii::update_values);
      if (face_quadrature)
        face_values = std::make_unique<dealii::hp::FEFaceValues<dim>>(
          fe, dealii::hp::QCollection<dim - 1>(*face_quadrature), dealii::update_values);
    }

    // eps0 at the points of `mech` on `cell` (0 outside the active material).
    void
    cell_strain(const TriaCell              &cell,
                const dealii::FEValues<dim> &mech,
                std::vector<double>         &eps0)
    {
      eps0.assign(mech.n_quadrature_points, 0.);
      if (cell->material_id() != material_id::active_material || !has_source())
        return;
      if (problem.field_source)
        {
          values->reinit(source_cell(cell));
          field_values(values->get_present_fe_values(), eps0);
        }
      else
        point_values(cell, mech, eps0);
      to_strain(eps0);
    }

    void
    face_strain(const TriaCell                  &cell,
                unsigned int                     face,
                const dealii::FEFaceValues<dim> &mech,
                std::vector<double>             &eps0)
    {
      eps0.assign(mech.n_quadrature_points, 0.);
      if (cell->material_id() != material_id::active_material || !has_source())
        return;
      if (problem.field_source)
        {
          face_values->reinit(source_cell(cell), face);
          field_values(face_values->get_present_fe_values(), eps0);
        }
      else
        point_values(cell, mech, eps0);
      to_strain(eps0);
    }

  private:
    bool
    has_source() const
    {
      return problem.field_source || problem.point_source;
    }

    typename dealii::DoFHandler<dim>::active_cell_iterator
    source_cell(const TriaCell &cell) const
    {
      return typename dealii::DoFHandler<dim>::active_cell_iterator(
        &cell->get_triangulation(), cell->level(), cell->index(),
        problem.field_source->dof_handler);
    }

    template <typename Values>
    void
    field_values(const Values &v, std::vector<double> &c) const
    {
      const dealii::FEValuesExtractors::Scalar component(problem.field_source->component);
      v[component].get_function_values(*problem.field_source->vector, c);
    }

    template <typename Values>
    void
    point_values(const TriaCell &cell, const Values &mech, std::vector<double> &c) const
    {
      for (unsigned int q = 0; q < c.size(); ++q)
        c[q] = problem.point_source(cell, mech.quadrature_point(q));
    }

    void
    to_strain(std::vector<double> &c) const
    {
      const double c_ref = problem.stress_free_concentration();
      for (auto &value : c)
        value = problem.materials.active.chemical_strain.strain(value, c_ref);
    }

    const MechanicsProblem<dim>                   &problem;
    std::unique_ptr<dealii::hp::FEValues<dim>>     values;
    std::unique_ptr<dealii::hp::FEFaceValues<dim>> face_values;
  };
} // namespace ssbcell
