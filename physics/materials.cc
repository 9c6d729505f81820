#include <physics/constants.h>
#include <physics/materials.h>
#include <physics/parameter_checks.h>

namespace ssbcell
{
  using dealii::ParameterHandler;
  namespace Patterns = dealii::Patterns;

  void
  ActiveMaterial::declare_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Active material");
    prm.declare_entry("Maximum concentration [mol/m^3]", "35380", Patterns::Double(),
                      "c_max [mol/m^3]: Li concentration at theta = 1 (NMC532: "
                      "the effective value that goes with the nmc532 OCP fit).");
    prm.declare_entry("Initial stoichiometry", "0.96", Patterns::Double(),
                      "theta = c/c_max at t = 0 [-], in [0, 1].");
    prm.declare_entry("Density [kg/m^3]", "4770", Patterns::Double(),
                      "Mass density of the active material [kg/m^3]; converts "
                      "charge to mAh/g.");
    prm.declare_entry("Exchange current density [A/m^2]", "0.5", Patterns::Double(),
                      "i0_ref [A/m^2] of the Butler-Volmer reaction at the "
                      "particle surface at theta = 0.5 (NMC | sulfide: order "
                      "0.1-1); i0 = i0_ref (theta/0.5)^alpha_c "
                      "((1-theta)/0.5)^alpha_a. Used by the electrochemistry "
                      "model.");
    prm.declare_entry("Anodic transfer coefficient", "0.5", Patterns::Double(),
                      "alpha_a [-] in (0, 1) of the Butler-Volmer reaction; "
                      "alpha_c = 1 - alpha_a.");
    prm.declare_entry("Diffusivity [m^2/s]", "8e-15", Patterns::Double(),
                      "Li diffusivity D in the active material [m^2/s]; the "
                      "reference value D_ref for models other than 'constant'.");
    prm.declare_entry("Diffusivity model", "constant",
                      Patterns::Selection(DiffusivityRegistry::instance().names_pattern()),
                      "How D depends on theta. " +
                        DiffusivityRegistry::instance().documentation());
    prm.declare_entry(
      "Open-circuit potential model", "nmc532",
      Patterns::Selection(OpenCircuitPotentialRegistry::instance().names_pattern()),
      "U(theta) [V vs Li/Li+]. " + OpenCircuitPotentialRegistry::instance().documentation());
    prm.declare_entry("Exchange current model", "stoichiometry-dependent",
                      Patterns::Selection(ExchangeCurrentRegistry::instance().names_pattern()),
                      "How i0 depends on the surface stoichiometry. " +
                        ExchangeCurrentRegistry::instance().documentation());
    DiffusivityRegistry::instance().declare_all_parameters(prm);
    OpenCircuitPotentialRegistry::instance().declare_all_parameters(prm);
    ElasticProperties::declare_parameters(prm, "140e9", "0.25", "NMC, docs/model.md 7");
    ChemicalStrain::declare_parameters(prm);
    prm.leave_subsection();
  }

  void
  ActiveMaterial::parse_parameters(ParameterHandler &prm)
  {
    const std::string section = "Materials/Active material";
    prm.enter_subsection("Active material");
    max_concentration     = get_positive(prm, section, "Maximum concentration [mol/m^3]");
    initial_stoichiometry = get_checked(prm, section, "Initial stoichiometry", 0., 1.);
    density               = get_positive(prm, section, "Density [kg/m^3]");
    exchange_current      = get_positive(prm, section, "Exchange current density [A/m^2]");
    alpha_anodic = get_checked(prm, section, "Anodic transfer coefficient", 0., 1., true);
    if (alpha_anodic >= 1.)
      throw InputError("'" + section + "/Anodic transfer coefficient' must be below 1",
                       "alpha_c = 1 - alpha_a must be positive", "", 0,
                       section + "/Anodic transfer coefficient");
    const double d_ref = get_checked(prm, section, "Diffusivity [m^2/s]", 0., 1e-6, true,
                                     "solid-state diffusivities are far below 1e-6 m^2/s");

    auto d = DiffusivityRegistry::instance().create(prm.get("Diffusivity model"));
    d->parse_parameters(prm, d_ref);
    diffusivity = std::move(d);

    auto u =
      OpenCircuitPotentialRegistry::instance().create(prm.get("Open-circuit potential model"));
    u->parse_parameters(prm);
    ocp = std::move(u);
    exchange_current_model =
      ExchangeCurrentRegistry::instance().create(prm.get("Exchange current model"));
    elastic.parse_parameters(prm, section);
    chemical_strain.parse_parameters(prm, section, max_concentration);
    prm.leave_subsection();
  }

  void
  IonConductor::declare_parameters(ParameterHandler  &prm,
                                   const std::string &default_conductivity)
  {
    prm.declare_entry("Ionic conductivity [S/m]", default_conductivity, Patterns::Double(),
                      "Li+ conductivity sigma [S/m] at the reference Li+ "
                      "concentration. Used by the electrochemical model; the "
                      "diffusion-only model checks it but does not use it.");
    prm.declare_entry("Li+ diffusivity [m^2/s]", "0", Patterns::Double(),
                      "If > 0, the conductivity follows from it by Nernst-Einstein, "
                      "sigma = F^2 D c/(R T), and 'Ionic conductivity' is ignored.");
    prm.declare_entry("Li+ concentration [mol/m^3]", "3.5e4", Patterns::Double(),
                      "Mobile Li+ concentration c_ref [mol/m^3] (LGPS: 3.5e4): the "
                      "initial c_e of a binary electrolyte and the c of "
                      "Nernst-Einstein.");
    prm.declare_entry("Model", "single-ion",
                      Patterns::Selection(ElectrolyteRegistry::instance().names_pattern()),
                      "Li+ transport model. " +
                        ElectrolyteRegistry::instance().documentation());
    ElectrolyteRegistry::instance().declare_all_parameters(prm);
  }

  void
  IonConductor::parse_parameters(ParameterHandler  &prm,
                                 const std::string &section,
                                 double             temperature)
  {
    conductivity   = get_checked(prm, section, "Ionic conductivity [S/m]", 0., 1e4, true,
                                 "a conductivity must be positive");
    concentration  = get_positive(prm, section, "Li+ concentration [mol/m^3]");
    const double d = get_checked(prm, section, "Li+ diffusivity [m^2/s]", 0., 1e-6);
    if (d > 0.)
      conductivity = constants::faraday * constants::faraday * d * concentration /
                     (constants::gas * temperature);
    model_name = prm.get("Model");
    auto model = ElectrolyteRegistry::instance().create(model_name);
    model->parse_parameters(prm, section, conductivity, concentration, temperature);
    transport = std::move(model);
  }

  void
  Anode::declare_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Anode");
    prm.declare_entry("Open-circuit potential vs Li [V]", "0.62", Patterns::Double(),
                      "U_anode [V vs Li/Li+]: 0.62 for In-Li, 0 for Li metal. "
                      "Cell voltages are reported against the anode.");
    prm.declare_entry("Exchange current density [A/m^2]", "10", Patterns::Double(),
                      "i0 of the anode reaction [A/m^2] (In-Li: 10-100). Used by "
                      "the electrochemical model.");
    prm.leave_subsection();
  }

  void
  Anode::parse_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Anode");
    potential_vs_li =
      get_checked(prm, "Materials/Anode", "Open-circuit potential vs Li [V]", -1., 5.);
    exchange_current =
      get_positive(prm, "Materials/Anode", "Exchange current density [A/m^2]");
    prm.leave_subsection();
  }

  void
  Materials::declare_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Materials");
    ActiveMaterial::declare_parameters(prm);
    prm.enter_subsection("Coating");
    IonConductor::declare_parameters(prm, "3.87e-3");
    prm.declare_entry("Thin-layer thickness [m]", "0", Patterns::Double(),
                      "0: the coating is resolved by the mesh (material id 2). > 0: "
                      "a coating of this thickness too thin to mesh, represented "
                      "as an area-specific resistance L/sigma [ohm m^2] on the "
                      "AM|SE interface (in series with the reaction); the mesh "
                      "must then have no coating cells.");
    prm.declare_entry("Ion-transfer resistance [ohm m^2]", "0", Patterns::Double(),
                      "Area-specific resistance of Li+ transfer across the "
                      "coating|electrolyte interface: i = (phi_coating - phi_e)/R "
                      "there, so phi_e jumps. 0: phi_e and the current are "
                      "continuous. With a thin-layer coating it adds to L/sigma.");
    ElasticProperties::declare_parameters(prm, "150e9", "0.25",
                                          "LiNbO3-type coating, docs/model.md 7");
    prm.enter_subsection("Electrolyte contact");
    prm.declare_entry("Pattern", "full",
                      Patterns::Selection(CoatingContactRegistry::instance().names_pattern()),
                      "Where a resolved coating (2D, 3D) touches the electrolyte; "
                      "elsewhere the coating|electrolyte interface blocks Li+, which then "
                      "runs along the coating from the contacts. Needs an ion-transfer "
                      "resistance > 0 (the coating carries its own potential). " +
                        CoatingContactRegistry::instance().documentation());
    CoatingContactRegistry::instance().declare_all_parameters(prm);
    prm.declare_entry("Lateral transport from class contacts", "false", Patterns::Bool(),
                      "1D particle populations: false, a class's contact fraction scales "
                      "its exchange current (a bare surface that reacts only where it "
                      "touches the electrolyte); true, the coating covers the whole "
                      "particle and touches the electrolyte on that fraction, and Li+ "
                      "spreads along the coating: a series resistance per particle from "
                      "the thin-shell closed form (docs/physics.md).");
    prm.leave_subsection();
    prm.leave_subsection();
    prm.enter_subsection("Electrolyte");
    IonConductor::declare_parameters(prm, "0.28");
    ElasticProperties::declare_parameters(prm, "22e9", "0.33", "LGPS, docs/model.md 7");
    prm.leave_subsection();
    Anode::declare_parameters(prm);
    ElectronicConduction::declare_parameters(prm);
    InterfaceCapacitance::declare_parameters(prm);
    ConductiveAdditive::declare_parameters(prm);
    prm.leave_subsection();
  }

  void
  Materials::parse_parameters(ParameterHandler &prm, double temperature)
  {
    prm.enter_subsection("Materials");
    active.parse_parameters(prm);
    prm.enter_subsection("Coating");
    coating.parse_parameters(prm, "Materials/Coating", temperature);
    coating_options.thin_layer_thickness =
      get_checked(prm, "Materials/Coating", "Thin-layer thickness [m]", 0., 1e-5, false,
                  "a thin layer is nanometres thick");
    coating_options.ion_transfer_resistance =
      get_checked(prm, "Materials/Coating", "Ion-transfer resistance [ohm m^2]", 0., 1e3);
    coating.elastic.parse_parameters(prm, "Materials/Coating");
    prm.enter_subsection("Electrolyte contact");
    {
      auto contact = CoatingContactRegistry::instance().create(prm.get("Pattern"));
      contact->parse_parameters(prm);
      coating_options.electrolyte_contact = std::move(contact);
      coating_options.class_contacts_spread =
        prm.get_bool("Lateral transport from class contacts");
    }
    prm.leave_subsection();
    if (!coating_options.electrolyte_contact->is_full() &&
        !(coating_options.ion_transfer_resistance > 0.))
      throw InputError("a contact pattern needs the coating's own potential",
                       "set Materials/Coating/Ion-transfer resistance [ohm m^2] > 0 (e.g. "
                       "1e-6, small against the reaction's R_ct)",
                       "", 0, "Materials/Coating/Electrolyte contact/Pattern");
    prm.leave_subsection();
    prm.enter_subsection("Electrolyte");
    electrolyte.parse_parameters(prm, "Materials/Electrolyte", temperature);
    electrolyte.elastic.parse_parameters(prm, "Materials/Electrolyte");
    prm.leave_subsection();
    anode.parse_parameters(prm);
    electronic.parse_parameters(prm);
    capacitance.parse_parameters(prm);
    carbon.parse_parameters(prm);
    prm.leave_subsection();
  }

  void
  ConductiveAdditive::declare_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Carbon");
    ElasticProperties::declare_parameters(
      prm, "10e9", "0.3",
      "an order of magnitude for a carbon-binder domain (not in docs/model.md)");
    prm.declare_entry(
      "Aggregate porosity", "0", Patterns::Double(),
      "Volume share of the voids inside the carbon's aggregates, in [0, 0.99]: pores too "
      "fine for the electrolyte's grains to enter, which survive pressing. The mesh's "
      "carbon is the solid; these voids count as pores of the composite "
      "(composite_porosity, composite_carbon_void_porosity) and change nothing else. "
      "From a carbon black's compressed oil absorption COAN [m^3/kg] (ASTM D3493, "
      "after 165 MPa) and its density rho: COAN rho / (1 + COAN rho). 0: dense "
      "carbon (docs/physics.md, \"Voids inside the carbon\").");
    prm.leave_subsection();
  }

  void
  ConductiveAdditive::parse_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Carbon");
    elastic.parse_parameters(prm, "Materials/Carbon");
    aggregate_porosity = get_checked(prm, "Materials/Carbon", "Aggregate porosity", 0., 0.99,
                                     false, "a share of the aggregates' volume");
    prm.leave_subsection();
  }
} // namespace ssbcell
