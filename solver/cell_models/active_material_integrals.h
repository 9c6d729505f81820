#pragma once
// Integrals of the Li concentration over the active material (material id 1)
// and its surface, with the coordinate system's volume weight; shared by the
// cell models. `component` selects c in the finite element `fe` used on
// active-material cells (0 for a scalar FE_Q). Results are summed over ranks.

#include <deal.II/base/function.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/fe/fe.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/fe/mapping.h>

#include <meshes/geometry.h>
#include <solver/linear_algebra/linear_algebra.h>

#include <functional>
#include <memory>
#include <utility>

namespace ssbcell
{
  template <int dim>
  struct ActiveMaterialIntegrals
  {
    using CellIterator = typename dealii::DoFHandler<dim>::active_cell_iterator;

    const dealii::Mapping<dim>       &mapping;
    const dealii::FiniteElement<dim> &fe;
    const dealii::DoFHandler<dim>    &dof_handler;
    unsigned int                      component;
    CoordinateSystem                  coordinate_system;
    unsigned int                      quadrature_degree;
    // Which faces of an active-material cell form its (reacting) surface.
    std::function<bool(const CellIterator &, unsigned int)> is_surface_face;
    // A factor per cell on the volume weight (particle populations); none: 1.
    std::function<double(const CellIterator &)> cell_scale = {};
    // Made at the first integral and kept: these integrals run several
    // times per time step, and making an FEValues costs more than a 1D
    // particle's integral.
    mutable std::unique_ptr<dealii::FEValues<dim>>     cell_values = {};
    mutable std::unique_ptr<dealii::FEFaceValues<dim>> face_values = {};

    double
    weight(const CellIterator &cell, const dealii::Point<dim> &p) const
    {
      return volume_weight(coordinate_system, p) * (cell_scale ? cell_scale(cell) : 1.);
    }

    // int_AM c w dx [mol]
    double
    amount(const LA::Vector &x) const;
    // int_S c w ds
    double
    surface_integral(const LA::Vector &x) const;
    // int_S f(c) w ds
    double
    surface_integral_of(const LA::Vector &x, const std::function<double(double)> &f) const;
    // ||c - exact||_L2 and ||exact - reference||_L2, with a higher quadrature
    // so that its error does not pollute measured convergence orders.
    std::pair<double, double>
    l2_error(const LA::Vector &x, const dealii::Function<dim> &exact, double reference) const;
  };
} // namespace ssbcell
