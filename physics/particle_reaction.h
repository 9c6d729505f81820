#pragma once
// The Butler-Volmer reaction on the particle surface at one point
// (docs/physics.md, interface conditions), in ADNumber so that the Newton
// Jacobian follows by automatic differentiation:
//   eta = phi_s - phi_e - (U(theta_s) + dU - U_anode) - (R_film + R_series) i_n,
//   i_n = a_c i0(theta_s) (c_e/c_ref)^alpha_a [exp(alpha_a f eta) - exp(-alpha_c f eta)],
// i_n > 0 leaving the particle. R_film > 0 is a thin-layer coating in series
// with the reaction; i_n is then implicit and solved at the point. dU is a
// shift of the open-circuit potential that another model imposes (the
// stress of the host: ChemicalStrain::open_circuit_shift).

#include <physics/ad_number.h>
#include <physics/materials.h>

namespace ssbcell
{
  struct ReactionState
  {
    ADNumber current;          // i_n [A/m^2]
    double   overpotential;    // eta [V]
    double   exchange_current; // a_c i0 (c_e/c_ref)^alpha_a [A/m^2]
  };

  class ParticleReaction
  {
  public:
    ParticleReaction(const ActiveMaterial &material,
                     double                anode_potential_vs_li,
                     double                temperature,
                     double                film_resistance);

    // c_s the surface concentration [mol/m^3], phi_s and phi_e [V],
    // concentration_ratio c_e/c_ref (1 for a single-ion conductor), a_c,
    // the OCP shift dU [V], and a further resistance in series with the
    // film [ohm m^2] (the spreading from a particle's contacts).
    ReactionState
    evaluate(const ADNumber &c_s,
             const ADNumber &phi_s,
             const ADNumber &phi_e,
             const ADNumber &concentration_ratio,
             double          contact_fraction,
             double          ocp_shift         = 0.,
             double          series_resistance = 0.) const;

  private:
    const ActiveMaterial &material;
    double                anode_potential, f, film_resistance;
  };

  // Butler-Volmer of the anode (alpha_a = alpha_c = 1/2) against a zero
  // reference: i_a = i0 ratio^(1/2) [exp(f eta/2) - exp(-f eta/2)], eta = -phi_e;
  // i_a > 0 puts Li+ into the electrolyte.
  ADNumber
  anode_current(double          exchange_current,
                double          temperature,
                const ADNumber &phi_e,
                const ADNumber &concentration_ratio);
} // namespace ssbcell
