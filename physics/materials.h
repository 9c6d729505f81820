#pragma once
// Material parameters of the cell (subsection `Materials`). Defaults are the
// NMC532 / LNTO / LGPS / In-Li values of docs/physics.md.

#include <deal.II/base/parameter_handler.h>

#include <physics/coating_contact.h>
#include <physics/diffusivity_model.h>
#include <physics/elastic_properties.h>
#include <physics/electrolyte_model.h>
#include <physics/electronic_conduction.h>
#include <physics/exchange_current.h>
#include <physics/interface_capacitance.h>
#include <physics/open_circuit_potential.h>

#include <memory>

namespace ssbcell
{
  struct ActiveMaterial
  {
    double max_concentration     = 0.;  // c_max [mol/m^3]
    double initial_stoichiometry = 0.;  // theta at t = 0
    double density               = 0.;  // [kg/m^3]
    double exchange_current      = 0.;  // i0_ref at theta = 0.5 [A/m^2]
    double alpha_anodic          = 0.5; // alpha_a; alpha_c = 1 - alpha_a
    std::shared_ptr<const DiffusivityModel>     diffusivity;
    std::shared_ptr<const OpenCircuitPotential> ocp;
    std::shared_ptr<const ExchangeCurrentModel> exchange_current_model;
    ElasticProperties                           elastic;
    ChemicalStrain                              chemical_strain;

    // c_ref of the chemical strain [mol/m^3].
    double
    stress_free_concentration() const
    {
      return chemical_strain.stress_free_concentration.value_or(initial_stoichiometry *
                                                                max_concentration);
    }

    // i0(theta) [A/m^2] and its slope.
    double
    exchange_current_at(double theta) const
    {
      return exchange_current_model->value(exchange_current, theta, alpha_anodic,
                                           1. - alpha_anodic);
    }
    double
    exchange_current_slope(double theta) const
    {
      return exchange_current_model->derivative(exchange_current, theta, alpha_anodic,
                                                1. - alpha_anodic);
    }

    static void
    declare_parameters(dealii::ParameterHandler &prm);
    void
    parse_parameters(dealii::ParameterHandler &prm);
  };

  // A Li+ conductor (coating or solid electrolyte) and its transport model.
  struct IonConductor
  {
    double      conductivity  = 0.; // sigma at c_ref [S/m]
    double      concentration = 0.; // c_ref, the Li+ concentration [mol/m^3]
    std::string model_name;
    std::shared_ptr<const ElectrolyteModel> transport;
    ElasticProperties                       elastic;

    static void
    declare_parameters(dealii::ParameterHandler &prm, const std::string &default_conductivity);
    void
    parse_parameters(dealii::ParameterHandler &prm,
                     const std::string        &section,
                     double                    temperature);
  };

  // The coating's options beyond its transport.
  struct CoatingOptions
  {
    // > 0: the coating is a zero-thickness layer of this thickness on the
    // AM|SE interface, an area-specific resistance L/sigma [m].
    double thin_layer_thickness = 0.;
    // Area-specific resistance of Li+ transfer from the coating into the
    // electrolyte [ohm m^2]; 0: phi_e is continuous there.
    double ion_transfer_resistance = 0.;
    // Where a resolved coating touches the electrolyte (2D, 3D).
    std::shared_ptr<const CoatingContact> electrolyte_contact;
    // The particle classes of a 1D population: false, a class's contact
    // fraction scales its exchange current (only the touching part of a bare
    // surface reacts); true, the coating covers the whole surface, touches
    // the electrolyte on that fraction, and Li+ spreads along it
    // (physics/coating_spreading.h).
    bool class_contacts_spread = false;
  };

  // The conductive additive (material id 5): a carbon black's aggregates,
  // meshed as their solid carbon.
  struct ConductiveAdditive
  {
    ElasticProperties elastic;
    // Volume share of the voids inside the aggregates [-]: too fine for the
    // electrolyte's grains to enter, they survive pressing (carbon black
    // keeps its compressed oil absorption after 165 MPa, ASTM D3493). Pores
    // of the composite outside the mesh, as the surface gaps are; they
    // change nothing else (docs/physics.md, "Voids inside the carbon").
    double aggregate_porosity = 0.;

    // Void volume per unit volume of the carbon's solid: phi/(1 - phi).
    double
    void_per_solid_volume() const
    {
      return aggregate_porosity / (1. - aggregate_porosity);
    }

    static void
    declare_parameters(dealii::ParameterHandler &prm);
    void
    parse_parameters(dealii::ParameterHandler &prm);
  };

  struct Anode
  {
    double potential_vs_li  = 0.; // U_anode [V vs Li/Li+]
    double exchange_current = 0.; // i0 [A/m^2]

    static void
    declare_parameters(dealii::ParameterHandler &prm);
    void
    parse_parameters(dealii::ParameterHandler &prm);
  };

  struct Materials
  {
    ActiveMaterial       active;
    IonConductor         coating;
    CoatingOptions       coating_options;
    IonConductor         electrolyte;
    Anode                anode;
    ElectronicConduction electronic;
    InterfaceCapacitance capacitance; // impedance steps only
    ConductiveAdditive   carbon;

    static void
    declare_parameters(dealii::ParameterHandler &prm);
    // The temperature [K] converts diffusivities into conductivities.
    void
    parse_parameters(dealii::ParameterHandler &prm, double temperature);

    // Area-specific resistance of a thin-layer coating [ohm m^2]: L/sigma
    // plus its ion-transfer resistance to the electrolyte; 0 without.
    double
    thin_layer_resistance() const
    {
      return coating_options.thin_layer_thickness > 0. ?
               coating_options.thin_layer_thickness / coating.conductivity +
                 coating_options.ion_transfer_resistance :
               0.;
    }
  };
} // namespace ssbcell
