#pragma once
// The equivalent circuit fitted to an impedance spectrum (docs/
// characterisation.md):
//   Z(omega) = R_s + sum_k 1/(1/R_k + Q_k (i omega)^n_k)
//              + R_W coth(sqrt(i omega tau))/sqrt(i omega tau),
// a series resistance, one or two arcs (a resistance with a constant-phase
// element across it: the interfaces' charge transfer, e.g. the cathode's
// and the anode's), and the finite-space (reflective) Warburg element of
// diffusion into a particle, whose low-frequency limit
// R_W/3 + R_W/(i omega tau) is the particle's capacitive tail. Least
// squares (Levenberg-Marquardt) on the real and imaginary parts, each
// relative to |Z|, from starting points read off the spectrum; the second
// arc is kept only if it lowers the misfit by half or more.

#include <complex>
#include <string>
#include <utility>
#include <vector>

namespace ssbcell
{
  struct EquivalentCircuit
  {
    struct Arc
    {
      double resistance = 0.; // R_k [ohm m^2]
      double q          = 0.; // Q_k [F s^(n-1)/m^2]
      double n          = 1.; // n_k (0.5 to 1)

      // The capacitance of the arc (Brug): (Q R^(1-n))^(1/n) [F/m^2].
      double
      effective_capacitance() const;
      // Its characteristic frequency 1/(2 pi (R Q)^(1/n)) [Hz].
      double
      apex_frequency() const;
    };

    double           series_resistance = 0.;  // R_s [ohm m^2]
    std::vector<Arc> arcs;                    // by falling apex frequency
    double           warburg_resistance = 0.; // R_W [ohm m^2]
    double           warburg_time       = 0.; // tau [s]
    double           rms_relative_error = 0.; // of the fit

    std::complex<double>
    impedance(double frequency) const; // [ohm m^2], frequency [Hz]

    // The sum of the arcs' resistances: the interfacial (charge-transfer)
    // resistance of the spectrum [ohm m^2].
    double
    arc_resistance() const;

    // Named values for summary.json.
    std::vector<std::pair<std::string, double>>
    named_values() const;
  };

  // Fits the circuit to Z at the frequencies [Hz] (at least 7 points; 12 for
  // two arcs).
  EquivalentCircuit
  fit_equivalent_circuit(const std::vector<double>               &frequencies,
                         const std::vector<std::complex<double>> &z);
} // namespace ssbcell
