#pragma once
// Subsection `Materials/Electronic conduction`: how electrons reach the
// particles. `ideal`: an ideal electronic network, so phi_s is one scalar
// (the electrode potential). `resolved`: phi_s is a field in the active
// material and carbon, div(sigma_s grad phi_s) = 0, held at the electrode
// potential on the current collector.

#include <deal.II/base/parameter_handler.h>

namespace ssbcell
{
  struct ElectronicConduction
  {
    bool   resolved                     = false;
    double active_material_conductivity = 0.; // sigma_s in the AM [S/m]
    double carbon_conductivity          = 0.; // sigma_s in carbon [S/m]

    static void
    declare_parameters(dealii::ParameterHandler &prm);
    // Called inside subsection `Materials`.
    void
    parse_parameters(dealii::ParameterHandler &prm);
  };
} // namespace ssbcell
