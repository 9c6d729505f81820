#pragma once
// Material parameters of the cell (subsection `Materials`). Defaults are the
// NMC532 / LNTO / LGPS / In-Li values of docs/physics.md.

#include <deal.II/base/parameter_handler.h>

#include <physics/diffusivity_model.h>
#include <physics/open_circuit_potential.h>

#include <memory>

namespace ssbcell
{
  struct ActiveMaterial
  {
    double max_concentration     = 0.; // c_max [mol/m^3]
    double initial_stoichiometry = 0.; // theta at t = 0
    double density               = 0.; // [kg/m^3]
    double exchange_current      = 0.; // i0_ref at theta = 0.5 [A/m^2]
    double alpha_anodic          = 0.5; // alpha_a; alpha_c = 1 - alpha_a
    std::shared_ptr<const DiffusivityModel>     diffusivity;
    std::shared_ptr<const OpenCircuitPotential> ocp;

    static void
    declare_parameters(dealii::ParameterHandler &prm);
    void
    parse_parameters(dealii::ParameterHandler &prm);
  };

  // A Li+ conductor (coating or solid electrolyte), single-ion.
  struct IonConductor
  {
    double conductivity = 0.; // [S/m]

    static void
    declare_parameters(dealii::ParameterHandler &prm,
                       const std::string        &default_conductivity);
    void
    parse_parameters(dealii::ParameterHandler &prm, const std::string &section);
  };

  struct Anode
  {
    double potential_vs_li       = 0.; // U_anode [V vs Li/Li+]
    double exchange_current      = 0.; // i0 [A/m^2]

    static void
    declare_parameters(dealii::ParameterHandler &prm);
    void
    parse_parameters(dealii::ParameterHandler &prm);
  };

  struct Materials
  {
    ActiveMaterial active;
    IonConductor   coating;
    IonConductor   electrolyte;
    Anode          anode;

    static void
    declare_parameters(dealii::ParameterHandler &prm);
    void
    parse_parameters(dealii::ParameterHandler &prm);
  };
} // namespace ssbcell
