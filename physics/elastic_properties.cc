#include <physics/elastic_properties.h>
#include <physics/parameter_checks.h>

#include <cctype>
#include <cstdlib>

namespace ssbcell
{
  namespace Patterns = dealii::Patterns;

  void
  ElasticProperties::declare_parameters(dealii::ParameterHandler &prm,
                                        const std::string        &default_modulus,
                                        const std::string        &default_ratio,
                                        const std::string        &source)
  {
    prm.declare_entry("Young's modulus [Pa]", default_modulus, Patterns::Double(),
                      "E [Pa] of the isotropic linear-elastic solid (> 0). "
                      "Default: " +
                        source + ". Used by the mechanics.");
    prm.declare_entry("Poisson's ratio", default_ratio, Patterns::Double(),
                      "nu [-], in (-1, 0.5). Default: " + source + ".");
    prm.declare_entry("Yield stress [Pa]", "0", Patterns::Double(),
                      "sigma_y [Pa] of J2 (von Mises) plasticity: the solid flows "
                      "plastically where its equivalent stress reaches sigma_y + H "
                      "alpha (alpha the accumulated plastic strain). 0: the solid "
                      "stays elastic. Used by the mechanics (docs/mechanics.md, "
                      "\"Plastic solids\").");
    prm.declare_entry("Hardening modulus [Pa]", "0", Patterns::Double(),
                      "H [Pa] of linear isotropic hardening (>= 0; 0: perfectly "
                      "plastic). Used only if the yield stress is > 0.");
  }

  void
  ElasticProperties::parse_parameters(dealii::ParameterHandler &prm,
                                      const std::string        &section)
  {
    // Above 1e13 Pa no solid exists (diamond: 1.2e12); such a number is a
    // unit mistake.
    youngs_modulus = get_checked(prm, section, "Young's modulus [Pa]", 0., 1e13, true,
                                 "give E in Pa, e.g. 140e9 for NMC");
    poisson_ratio  = get_checked(prm, section, "Poisson's ratio", -1., 0.5, true);
    if (poisson_ratio >= 0.5)
      throw InputError("'" + section + "/Poisson's ratio' = 0.5 is incompressible",
                       "the displacement formulation needs nu < 0.5", "", 0,
                       section + "/Poisson's ratio");
    // A yield stress above E is a unit mistake too (no solid yields at
    // strains above 1).
    yield.yield_stress = get_checked(prm, section, "Yield stress [Pa]", 0., youngs_modulus,
                                     false, "give sigma_y in Pa, e.g. 50e6; 0: elastic");
    yield.hardening_modulus = get_checked(prm, section, "Hardening modulus [Pa]", 0.,
                                          youngs_modulus, false, "give H in Pa, below E");
  }

  void
  ChemicalStrain::declare_parameters(dealii::ParameterHandler &prm)
  {
    prm.declare_entry("Partial molar volume [m^3/mol]", "1e-6", Patterns::Double(),
                      "Omega [m^3/mol] of Li in the host: the chemical strain is "
                      "(Omega/3)(c - c_ref) in every direction. > 0: the host "
                      "swells on lithiation (NMC: 1e-6, about -2.5 % volume on "
                      "charge). Used by the mechanics.");
    prm.declare_entry("Stress-free concentration [mol/m^3]", "initial", Patterns::Anything(),
                      "c_ref [mol/m^3], the concentration of zero chemical strain, "
                      "in [0, c_max]; 'initial': the initial concentration "
                      "(Initial stoichiometry times c_max), i.e. the cell is "
                      "stress-free before the stack pressure and the first step.");
  }

  void
  ChemicalStrain::parse_parameters(dealii::ParameterHandler &prm,
                                   const std::string        &section,
                                   double                    max_concentration)
  {
    // |Omega| of lithium metal itself is 1.3e-5 m^3/mol.
    partial_molar_volume   = get_checked(prm, section, "Partial molar volume [m^3/mol]", -1e-4,
                                         1e-4, false, "Li metal has 1.3e-5 m^3/mol");
    const std::string name = "Stress-free concentration [mol/m^3]";
    std::string       text = prm.get(name);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
      text.pop_back();
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
      text.erase(text.begin());
    if (text == "initial")
      {
        stress_free_concentration.reset();
        return;
      }
    char        *end   = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size())
      throw InputError("'" + section + "/" + name + "' = '" + text + "' is not a number",
                       "give a concentration in mol/m^3 or 'initial'", "", 0,
                       section + "/" + name);
    if (!(value >= 0. && value <= max_concentration))
      throw InputError("'" + section + "/" + name + "' = " + text + " is out of range",
                       "must be >= 0 and <= c_max = " + std::to_string(max_concentration), "",
                       0, section + "/" + name);
    stress_free_concentration = value;
  }
} // namespace ssbcell
