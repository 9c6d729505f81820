#pragma once
// Subsection `Materials/Double layer`: the charge an interface stores as its
// potential jump changes, which only the small-signal (impedance) problem
// resolves (solver/frequency_domain/). In the time domain the interfaces
// charge within R_ct C (about a millisecond, docs/characterisation.md), far
// below any time step of a cycling protocol, so the transient model leaves
// them out.
//
// Per m^2 of real contact: the active-material surface (AM|coating, or
// AM|SE without a coating), the coating|electrolyte interface, the anode; and
// the relative permittivity of a thin-layer coating, whose geometric
// capacitance eps0 eps_r / L lies across its ionic resistance L/sigma.

#include <deal.II/base/parameter_handler.h>

namespace ssbcell
{
  struct InterfaceCapacitance
  {
    double active_surface       = 0.; // [F/m^2]
    double coating_electrolyte  = 0.; // [F/m^2]
    double anode                = 0.; // [F/m^2]
    double coating_permittivity = 1.; // eps_r of a thin-layer coating

    static void
    declare_parameters(dealii::ParameterHandler &prm);
    // Called inside subsection `Materials`.
    void
    parse_parameters(dealii::ParameterHandler &prm);

    // eps0 eps_r / L [F/m^2] of a thin layer of thickness L (0: none).
    double
    thin_layer_capacitance(double thickness) const;
  };
} // namespace ssbcell
