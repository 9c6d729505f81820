#pragma once
// Elastic constants of one solid region (isotropic, small strain) and the
// chemical strain of the active material (docs/mechanics.md). Each material
// subsection (`Materials/Active material`, `Materials/Coating`, ...) declares
// `Young's modulus [Pa]`, `Poisson's ratio`, `Yield stress [Pa]` and
// `Hardening modulus [Pa]`; the active material also
// `Partial molar volume [m^3/mol]` and `Stress-free concentration [mol/m^3]`.

#include <deal.II/base/parameter_handler.h>

#include <physics/constants.h>

#include <optional>
#include <string>

namespace ssbcell
{
  // When a solid flows plastically: J2 plasticity with linear isotropic
  // hardening (physics/j2_plasticity.h).
  struct YieldLaw
  {
    double yield_stress      = 0.; // sigma_y [Pa]; 0: the solid never yields
    double hardening_modulus = 0.; // H [Pa]; 0: perfectly plastic

    bool
    yields() const
    {
      return yield_stress > 0.;
    }
  };

  struct ElasticProperties
  {
    double   youngs_modulus = 0.; // E [Pa]
    double   poisson_ratio  = 0.; // nu [-]
    YieldLaw yield;               // beyond the elastic range

    // The Lame constants [Pa].
    double
    lame_lambda() const
    {
      return youngs_modulus * poisson_ratio /
             ((1. + poisson_ratio) * (1. - 2. * poisson_ratio));
    }
    double
    shear_modulus() const
    {
      return youngs_modulus / (2. * (1. + poisson_ratio));
    }
    // 3 K = 3 lambda + 2 mu: the stress of a unit isotropic strain [Pa].
    double
    three_bulk_modulus() const
    {
      return youngs_modulus / (1. - 2. * poisson_ratio);
    }

    // Declares the entries in the current subsection; `source` documents
    // where the elastic defaults come from (every solid is elastic by
    // default).
    static void
    declare_parameters(dealii::ParameterHandler &prm,
                       const std::string        &default_modulus,
                       const std::string        &default_ratio,
                       const std::string        &source);
    // Reads them in the current subsection, whose full path is `section`.
    void
    parse_parameters(dealii::ParameterHandler &prm, const std::string &section);
  };

  // eps_ch = (Omega/3)(c - c_ref) I in the active material.
  struct ChemicalStrain
  {
    double partial_molar_volume = 0.; // Omega [m^3/mol]
    // c_ref [mol/m^3]; empty: the initial concentration of the run.
    std::optional<double> stress_free_concentration;

    static void
    declare_parameters(dealii::ParameterHandler &prm);
    // c_max bounds the stress-free concentration.
    void
    parse_parameters(dealii::ParameterHandler &prm,
                     const std::string        &section,
                     double                    max_concentration);

    // The isotropic strain (Omega/3)(c - c_ref) [-].
    double
    strain(double c, double c_ref) const
    {
      return partial_molar_volume / 3. * (c - c_ref);
    }

    // The shift [V] of the open-circuit potential (vs Li) of the host under
    // the hydrostatic stress sigma_h = tr(sigma)/3 [Pa, > 0 in tension]:
    // inserting Li does the work -Omega sigma_h, so its chemical potential
    // is mu = mu_0 - Omega sigma_h and U = -(mu - mu_Li)/F rises by
    // Omega sigma_h / F (Larche & Cahn, Acta Metall. 21, 1973; Zhang, Shyy
    // & Sastry, J. Electrochem. Soc. 154, A910, 2007). Compression lowers U:
    // at a mean pressure p = -sigma_h the shift is -Omega p / F.
    double
    open_circuit_shift(double hydrostatic_stress) const
    {
      return partial_molar_volume * hydrostatic_stress / constants::faraday;
    }
  };
} // namespace ssbcell
