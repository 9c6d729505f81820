#include <physics/electronic_conduction.h>
#include <physics/parameter_checks.h>

namespace ssbcell
{
  void
  ElectronicConduction::declare_parameters(dealii::ParameterHandler &prm)
  {
    namespace Patterns = dealii::Patterns;
    prm.enter_subsection("Electronic conduction");
    prm.declare_entry("Model", "ideal", Patterns::Selection("ideal|resolved"),
                      "ideal: every particle is on one electrode potential phi_s "
                      "(an ideal electronic network). resolved: phi_s is a field in "
                      "the active material and carbon (material ids 1, 5), "
                      "equal to the electrode potential on the current collector "
                      "(boundary id 2), which they must touch.");
    prm.declare_entry("Active material conductivity [S/m]", "0.1", Patterns::Double(),
                      "Electronic conductivity of the active material [S/m] "
                      "(resolved model).");
    prm.declare_entry("Carbon conductivity [S/m]", "100", Patterns::Double(),
                      "Electronic conductivity of carbon regions [S/m] (resolved "
                      "model).");
    prm.leave_subsection();
  }

  void
  ElectronicConduction::parse_parameters(dealii::ParameterHandler &prm)
  {
    const std::string section = "Materials/Electronic conduction";
    prm.enter_subsection("Electronic conduction");
    resolved = prm.get("Model") == "resolved";
    active_material_conductivity =
      get_checked(prm, section, "Active material conductivity [S/m]", 0., 1e8, true);
    carbon_conductivity =
      get_checked(prm, section, "Carbon conductivity [S/m]", 0., 1e8, true);
    prm.leave_subsection();
  }
} // namespace ssbcell
