#pragma once
// The small-signal law of a reacting interface with a double layer and a
// film in series (docs/characterisation.md, impedance). Per m^2, between
// the electrode potential phi_s and the electrolyte potential phi_e:
//
//   phi_s --+-- Faradaic i_F(eta, c_s, c_e) --+-- film Z_f(omega) -- phi_e
//           +-- double layer C_dl ------------+
//
// with eta the potential jump across the reacting surface itself (inside
// the film). Linearised about a state, i_F changes by
//   di_F = g_eta da + g_c dc_s + g_r dr,   da = d(phi_s - phi_m),
// (phi_m the potential between reaction and film, r = c_e/c_ref), the
// double layer carries i omega C_dl da, and the film (phi_m - phi_e)/Z_f.
// Eliminating phi_m gives the total current di and the Faradaic part di_F
// (the one that moves Li) as linear forms in (dphi_s, dphi_e, dc_s, dr).

#include <array>
#include <complex>

namespace ssbcell
{
  using Complex = std::complex<double>;

  // Derivatives of the Faradaic current density.
  struct ReactionSlopes
  {
    double eta           = 0.; // di_F/d eta [S/m^2] (1/R_ct)
    double concentration = 0.; // di_F/dc_s at fixed phi_s - phi_m [A m/mol]
    double ratio         = 0.; // di_F/d(c_e/c_ref) at fixed phi_s - phi_m [A/m^2]
  };

  // Coefficients of (dphi_s, dphi_e, dc_s, dr).
  using SmallSignalForm = std::array<Complex, 4>;

  struct SmallSignalCurrents
  {
    SmallSignalForm total;    // di: through the film into the electrolyte
    SmallSignalForm faradaic; // di_F: the Li that leaves the electrode
  };

  // omega [rad/s], the double layer [F/m^2], the film in series [ohm m^2]
  // (0: none, phi_m = phi_e).
  SmallSignalCurrents
  small_signal_currents(const ReactionSlopes &slopes,
                        double                omega,
                        double                double_layer,
                        Complex               film);

  // A resistance R [ohm m^2] with a capacitance C [F/m^2] across it.
  inline Complex
  parallel_rc(double R, double C, double omega)
  {
    return R / (1. + Complex(0., omega * R * C));
  }
} // namespace ssbcell
