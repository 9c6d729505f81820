#pragma once
// Li+ that reaches a coated particle only where its coating touches the
// solid electrolyte, and spreads along the coating to the rest of the
// particle surface (docs/physics.md, "Contact and lateral transport in the
// coating").
//
// Thin-shell model: a sphere of radius R covered by a coating of sheet
// conductance sigma L (L << R) that touches the electrolyte on a polar cap
// 0 <= t <= t_c (t the colatitude), a fraction a_c = sin^2(t_c/2) of the
// surface, and blocks Li+ elsewhere. Linear kinetics at the particle
// surface (area-specific resistance R_ct) and a uniform particle state.
// With psi = phi_coating - (phi_s - U), uniform (psi_c) on the cap:
//   sigma L (1/(R^2 sin t)) d/dt (sin t dpsi/dt) = psi / R_ct,  t_c < t <= pi,
// a Legendre equation with nu(nu+1) = -k2, k2 = (R/lambda)^2,
// lambda = sqrt(sigma L R_ct) the penetration length of the reaction.
// The solution regular at t = pi is psi_c P_nu(-cos t)/P_nu(-cos t_c), with
//   P_nu(-cos t) = sum_n c_n z^n,  z = cos^2(t/2),
//   c_0 = 1,  c_{n+1} = c_n (n(n+1) + k2)/(n+1)^2   (positive terms),
// and the particle's current I = psi_c [2 pi R^2 (1 - cos t_c)/R_ct +
// pi sigma L sin^2 t_c S'(z_c)/S(z_c)]. Its resistance R_eff = psi_c / I.
// Limits (lambda >> R, the reaction spread over the whole particle):
//   R_eff = R_ct/(4 pi R^2) + (ln(1/a_c) - 1 + a_c)/(4 pi sigma L).

#include <complex>

namespace ssbcell
{
  struct CapSpreading
  {
    double resistance         = 0.; // R_eff = psi_c / I [ohm]
    double reaction           = 0.; // R_ct/(4 pi R^2): the whole surface reacting [ohm]
    double lateral_current    = 0.; // share of I that leaves the cap through the coating [-]
    double penetration_length = 0.; // lambda = sqrt(sigma L R_ct) [m]

    // What the contact adds in series to the reaction of the whole
    // surface [ohm]: R_eff - R_ct/(4 pi R^2).
    double
    series() const
    {
      return resistance - reaction;
    }
  };

  // The closed form above. contact_fraction in (0, 1]; sheet_conductance
  // sigma L [S]; reaction_resistance R_ct [ohm m^2]; radius R [m].
  CapSpreading
  cap_spreading(double contact_fraction,
                double sheet_conductance,
                double reaction_resistance,
                double radius);

  // What the reduced model of a particle class puts in series with its
  // reaction: the series part of cap_spreading per area of the particle's
  // surface, series() 4 pi R^2 [ohm m^2].
  double
  spreading_area_resistance(double contact_fraction,
                            double sheet_conductance,
                            double reaction_resistance,
                            double radius);

  // The series part in the limit lambda >> R [ohm]:
  // (ln(1/a_c) - 1 + a_c)/(4 pi sigma L).
  double
  uniform_spreading_resistance(double contact_fraction, double sheet_conductance);

  // The same spreading for small signals (physics/coating_spreading_impedance.cc):
  // the surface beneath the coating has the admittance y = 1/R_ct + i omega
  // C_dl [S/m^2], so k2 = R^2 y/(sigma L) is complex and the sheet over the
  // double layer is a distributed RC line. Returns what the spreading puts
  // in series with the surface, per area of the particle's surface
  // [ohm m^2]: 4 pi R^2 Z_eff(omega) - 1/y. For a real y it is
  // spreading_area_resistance at R_ct = 1/y; it vanishes as omega grows
  // (the double layers short the reaction everywhere).
  std::complex<double>
  spreading_area_impedance(double               contact_fraction,
                           double               sheet_conductance,
                           std::complex<double> surface_admittance,
                           double               radius);
} // namespace ssbcell
