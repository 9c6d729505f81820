#pragma once
// What a cell model with a reacting particle surface offers a model coupled
// to it (the mechanics, solver/mechanics/mechanics_coupling.h): its DoF
// handler, whose active-material faces towards coating or electrolyte are
// the reacting surface (meshes/interfaces.h); a vector for its state; the
// quadrature of that surface; and a hook for what the coupled model imposes
// on the reaction at each of its points, and on the electrolyte's
// conductivity.

#include <deal.II/base/quadrature.h>
#include <deal.II/dofs/dof_handler.h>

#include <solver/linear_algebra/linear_algebra.h>

#include <functional>

namespace ssbcell
{
  // What another model imposes on the particle reaction at a point of the
  // reacting surface: the contact fraction a_c [-], a shift of the
  // open-circuit potential [V], and a series resistance.
  struct SurfaceCoupling
  {
    double contact_fraction = 1.;
    double ocp_shift        = 0.;
    // A resistance in series with the reaction [ohm m^2] (the spreading
    // of Li+ along the coating from a particle class's contacts).
    double series_resistance = 0.;
  };

  template <int dim>
  class ReactingSurface
  {
  public:
    using CellIterator = typename dealii::DoFHandler<dim>::active_cell_iterator;
    // The coupling at quadrature point q of face `face` of an active-material
    // cell (a reacting face).
    using SurfaceCouplingFunction =
      std::function<SurfaceCoupling(const CellIterator &, unsigned int face, unsigned int q)>;

    virtual ~ReactingSurface() = default;

    virtual const dealii::DoFHandler<dim> &
    get_dof_handler() const = 0;
    // A ghosted vector of the model's state (c is component 0).
    virtual LA::Vector
    ghosted_vector() const = 0;
    // The quadrature of the reacting faces: the coupling is asked for at
    // its points.
    virtual dealii::Quadrature<dim - 1>
    surface_quadrature() const = 0;
    // Replaces a_c = 1 and a zero OCP shift. `shifts_ocp` says whether the
    // shift can be nonzero (it then has its own entry in the loss breakdown).
    virtual void
    set_surface_coupling(SurfaceCouplingFunction coupling, bool shifts_ocp) = 0;
    // The factor f of sigma_eff = sigma f in an electrolyte cell (a pressed
    // powder's pores; 1 without). Read at every assembly.
    using ConductivityFactorFunction = std::function<double(const CellIterator &)>;
    virtual void
    set_conductivity_factor(ConductivityFactorFunction factor) = 0;
  };
} // namespace ssbcell
