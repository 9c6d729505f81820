#pragma once
// Subsection `Cell`: what turns C-rates into currents and charge into mAh/g.

#include <deal.II/base/parameter_handler.h>

namespace ssbcell
{
  struct CellParameters
  {
    double nominal_capacity_mAh_g = 0.; // defines 1C
    double loading_kg_m2          = 0.; // active-material mass per cell area
    double temperature_K          = 0.;
    double separator_thickness    = 0.; // [m], lumped in 1D particle models

    // The current density [A/m^2] that passes the nominal capacity in 1 h.
    double
    one_c_current() const
    {
      // mAh/g * 3.6 C/mAh * 1000 g/kg * kg/m^2 / 3600 s
      return nominal_capacity_mAh_g * loading_kg_m2;
    }

    static void
    declare_parameters(dealii::ParameterHandler &prm);
    void
    parse_parameters(dealii::ParameterHandler &prm);
  };
} // namespace ssbcell
