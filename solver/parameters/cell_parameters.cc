#include <physics/compacted_layers.h>
#include <physics/effective_conductivity.h>
#include <physics/parameter_checks.h>
#include <solver/parameters/cell_parameters.h>

namespace ssbcell
{
  void
  CellParameters::declare_parameters(dealii::ParameterHandler &prm)
  {
    namespace Patterns = dealii::Patterns;
    prm.enter_subsection("Cell");
    prm.declare_entry("Nominal specific capacity [mAh/g]", "160", Patterns::Double(),
                      "Capacity that defines the C-rate: 1C passes it in one "
                      "hour [mAh per g of active material].");
    prm.declare_entry("Active material loading [mg/cm^2]", "8", Patterns::Double(),
                      "Active-material mass per geometric cell area [mg/cm^2]; "
                      "with the nominal capacity it sets the 1C current density "
                      "(160 mAh/g and 8 mg/cm^2 give 1.28 mA/cm^2). Used by "
                      "particle models; a mesh with an anode boundary has its "
                      "own loading (active-material mass over anode area).");
    prm.declare_entry("Electrode area [cm^2]", "1", Patterns::Double(),
                      "Geometric area of the cell (the anode's), only to state "
                      "impedances in ohm besides ohm m^2 (impedance.csv).");
    prm.declare_entry("Temperature [K]", "298.15", Patterns::Double(),
                      "Cell temperature [K].");
    prm.declare_entry("Separator thickness [m]", "0", Patterns::Double(),
                      "Solid-electrolyte separator between the composite and "
                      "the anode [m]. In 1D particle models of the "
                      "electrochemistry model it is a series resistance "
                      "L / sigma_eff; resolved meshes draw it instead.");
    prm.declare_entry("Separator electrolyte fraction", "1", Patterns::Double(),
                      "Volume fraction of electrolyte in the separator, in (0, 1]: "
                      "1 for a dense pellet; below, the effective-conductivity "
                      "model reduces sigma (1D particle models).");
    prm.declare_entry("Composite thickness [m]", "0", Patterns::Double(),
                      "Thickness of the composite cathode for the 1D particle "
                      "models: Li+ crosses on average half of it through the "
                      "electrolyte, a series resistance (L/2)/sigma_eff. 0: none.");
    prm.declare_entry("Composite electrolyte fraction", "0.4", Patterns::Double(),
                      "Volume fraction of electrolyte in the composite, in (0, 1].");
    prm.declare_entry("Effective conductivity model", "bruggeman",
                      Patterns::Selection(
                        EffectiveConductivityRegistry::instance().names_pattern()),
                      "sigma_eff / sigma from the electrolyte's solid fraction: of "
                      "the lumped separator and composite (1D particle models), "
                      "and with a compaction law on a 2D/3D mesh of every "
                      "electrolyte cell at its own porosity. " +
                        EffectiveConductivityRegistry::instance().documentation());
    EffectiveConductivityRegistry::instance().declare_all_parameters(prm);
    prm.declare_entry("Compaction law", "none",
                      Patterns::Selection("none|" +
                                          CompactionLawRegistry::instance().names_pattern()),
                      "How the electrolyte powder densifies under Mechanics/Stack "
                      "pressure [Pa]. 1D particle models: with a law, the separator "
                      "and composite electrolyte fractions above are computed, not "
                      "read, and the separator and composite thicknesses are those "
                      "before pressing, which shrink as the solids stay. 2D/3D "
                      "meshes (with the mechanics): every electrolyte cell takes "
                      "the porosity at its own mean compressive stress, the "
                      "contact of the particle faces next to it is capped at its "
                      "solid fraction, and it conducts with the effective-"
                      "conductivity model's sigma_eff. " +
                        CompactionLawRegistry::instance().documentation());
    prm.declare_entry("Porosity before pressing", "0.5", Patterns::Double(),
                      "Porosity of the loose electrolyte powder, in [0, 0.99]: the "
                      "upper bound of every compaction law, and the state in "
                      "which the layer thicknesses are given.");
    prm.declare_entry("Composite electrolyte share of solids", "0.5", Patterns::Double(),
                      "Volume share of the electrolyte among the composite's solids "
                      "(the rest, active material and carbon, does not densify), in "
                      "(0, 1]; used with a compaction law.");
    CompactionLawRegistry::instance().declare_all_parameters(prm);
    prm.leave_subsection();
  }

  void
  CellParameters::parse_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Cell");
    nominal_capacity_mAh_g = get_positive(prm, "Cell", "Nominal specific capacity [mAh/g]");
    // 1 mg/cm^2 = 0.01 kg/m^2
    loading_kg_m2     = 0.01 * get_positive(prm, "Cell", "Active material loading [mg/cm^2]");
    temperature_K     = get_checked(prm, "Cell", "Temperature [K]", 0., 2000., true);
    electrode_area_m2 = 1e-4 * get_positive(prm, "Cell", "Electrode area [cm^2]");
    separator_thickness = get_checked(prm, "Cell", "Separator thickness [m]", 0., 1e-2);
    separator_fraction =
      get_checked(prm, "Cell", "Separator electrolyte fraction", 0., 1., true);
    composite_thickness = get_checked(prm, "Cell", "Composite thickness [m]", 0., 1e-2);
    composite_fraction =
      get_checked(prm, "Cell", "Composite electrolyte fraction", 0., 1., true);
    auto model = EffectiveConductivityRegistry::instance().create(
      prm.get("Effective conductivity model"));
    model->parse_parameters(prm);
    effective_conductivity = std::move(model);
    initial_porosity       = get_checked(prm, "Cell", "Porosity before pressing", 0., 0.99);
    composite_se_share =
      get_checked(prm, "Cell", "Composite electrolyte share of solids", 0., 1., true);
    compaction.reset();
    if (const std::string law = prm.get("Compaction law"); law != "none")
      {
        auto c = CompactionLawRegistry::instance().create(law);
        c->parse_parameters(prm);
        compaction = std::move(c);
      }
    prm.leave_subsection();
  }

  void
  CellParameters::apply_compaction(double stack_pressure, const YieldLaw &electrolyte)
  {
    if (!compaction)
      return;
    const double phi    = compaction->porosity(stack_pressure, initial_porosity, electrolyte);
    const auto   layers = compact_layers(phi, initial_porosity, composite_se_share,
                                         separator_thickness, composite_thickness);
    separator_porosity  = layers.separator_porosity;
    separator_fraction  = layers.separator_fraction;
    separator_thickness = layers.separator_thickness;
    composite_porosity  = layers.composite_porosity;
    composite_fraction  = layers.composite_fraction;
    composite_thickness = layers.composite_thickness;
  }

  void
  CellParameters::check_lumped_layers_conduct() const
  {
    const auto check = [&](const char *layer, double thickness, double fraction) {
      if (thickness > 0. && !(effective_conductivity->factor(fraction) > 0.))
        throw InputError(std::string("the ") + layer + " (electrolyte fraction " +
                           std::to_string(fraction) +
                           ") does not conduct under the effective-conductivity model",
                         "raise the layer's electrolyte fraction (or the stack pressure "
                         "of a compaction law) above the model's threshold, or choose "
                         "another Cell/Effective conductivity model",
                         "", 0, "Cell/Effective conductivity model");
    };
    check("separator", separator_thickness, separator_fraction);
    check("composite", composite_thickness, composite_fraction);
  }
} // namespace ssbcell
