#include <physics/interface_capacitance.h>
#include <physics/parameter_checks.h>

namespace ssbcell
{
  namespace
  {
    constexpr double vacuum_permittivity = 8.8541878128e-12; // [F/m]
  }

  void
  InterfaceCapacitance::declare_parameters(dealii::ParameterHandler &prm)
  {
    namespace Patterns = dealii::Patterns;
    prm.enter_subsection("Double layer");
    prm.declare_entry("Active material surface [F/m^2]", "0.1", Patterns::Double(),
                      "Double-layer capacitance of the active-material surface "
                      "(AM|coating, or AM|SE uncoated) per m^2 of real contact; it lies "
                      "across the charge-transfer reaction. 0.1 F/m^2 = 10 uF/cm^2, the "
                      "order of the interfacial capacitances fitted to NMC|sulfide "
                      "spectra (docs/characterisation.md). Impedance steps only.");
    prm.declare_entry("Coating|electrolyte [F/m^2]", "0.1", Patterns::Double(),
                      "Double-layer capacitance of the coating|electrolyte interface "
                      "per m^2 of contact, across its ion-transfer resistance. "
                      "Impedance steps only.");
    prm.declare_entry("Anode [F/m^2]", "0.1", Patterns::Double(),
                      "Double-layer capacitance of the anode|electrolyte interface per "
                      "m^2 of cell area, across the anode's charge transfer. Impedance "
                      "steps only.");
    prm.declare_entry("Coating relative permittivity", "30", Patterns::Double(),
                      "eps_r of a thin-layer coating: its geometric capacitance "
                      "eps0 eps_r / L lies across its resistance L/sigma. 30: LiNbO3 "
                      "(28 along its c axis, 44 across). Impedance steps only.");
    prm.leave_subsection();
  }

  void
  InterfaceCapacitance::parse_parameters(dealii::ParameterHandler &prm)
  {
    const std::string section = "Materials/Double layer";
    prm.enter_subsection("Double layer");
    active_surface = get_checked(prm, section, "Active material surface [F/m^2]", 0., 1e3);
    coating_electrolyte  = get_checked(prm, section, "Coating|electrolyte [F/m^2]", 0., 1e3);
    anode                = get_checked(prm, section, "Anode [F/m^2]", 0., 1e3);
    coating_permittivity = get_checked(prm, section, "Coating relative permittivity", 1., 1e5);
    prm.leave_subsection();
  }

  double
  InterfaceCapacitance::thin_layer_capacitance(double thickness) const
  {
    return thickness > 0. ? vacuum_permittivity * coating_permittivity / thickness : 0.;
  }
} // namespace ssbcell
