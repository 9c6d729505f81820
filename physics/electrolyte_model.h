#pragma once
// Li+ transport in an ion conductor (coating or solid electrolyte), as a
// named model (`Materials/Coating/Model`, `Materials/Electrolyte/Model`).
//
// A model gives the Li+ molar flux N+ [mol/m^2/s] and the current density
// i [A/m^2] as linear combinations of grad c_e and grad phi_e,
//   N+ = -(li_c grad c_e + li_phi grad phi_e),
//   i  = -(current_c grad c_e + current_phi grad phi_e),
// with coefficients that may depend on c_e. The single-ion conductor has
// c_e fixed (no concentration field); the binary electrolyte carries c_e.

#include <physics/ad_number.h>
#include <physics/registry.h>

#include <string>

namespace ssbcell
{
  struct TransportCoefficients
  {
    ADNumber li_c, li_phi, current_c, current_phi;
  };

  class ElectrolyteModel
  {
  public:
    virtual ~ElectrolyteModel() = default;

    // Inside the conductor's subsection; `section` names it in errors.
    // sigma is the conductivity at the reference concentration c_ref.
    virtual void
    parse_parameters(dealii::ParameterHandler &prm,
                     const std::string        &section,
                     double                    conductivity,
                     double                    reference_concentration,
                     double                    temperature) = 0;

    // True if c_e is a field of the model (it then needs a time derivative
    // and initial value c_ref).
    virtual bool
    has_concentration() const = 0;

    virtual TransportCoefficients
    coefficients(const ADNumber &c_e) const = 0;
  };

  using ElectrolyteRegistry = Registry<ElectrolyteModel>;
} // namespace ssbcell
