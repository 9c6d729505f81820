#pragma once
// Butler-Volmer kinetics (docs/model.md section 4). Current densities in
// A/m^2, anodic (leaving the active material into the electrolyte) positive;
// overpotentials eta = phi_s - phi_e - U in V.

namespace ssbcell
{
  // i0 [A/m^2] = i0_ref (theta_s/0.5)^alpha_c ((1-theta_s)/0.5)^alpha_a, so
  // i0 = i0_ref at theta_s = 0.5. theta_s is clamped into [1e-12, 1-1e-12].
  double
  exchange_current_density(double i0_ref, double theta_s, double alpha_a, double alpha_c);

  // d i0 / d theta_s [A/m^2]; 0 where theta_s is clamped.
  double
  exchange_current_density_derivative(double i0_ref,
                                      double theta_s,
                                      double alpha_a,
                                      double alpha_c);

  struct ButlerVolmer
  {
    double alpha_a     = 0.5;    // anodic transfer coefficient [-]
    double alpha_c     = 0.5;    // cathodic transfer coefficient [-]
    double temperature = 298.15; // [K]

    // F / (R T) [1/V].
    double
    inverse_thermal_voltage() const;

    // i = i0 [exp(alpha_a F eta/RT) - exp(-alpha_c F eta/RT)] [A/m^2].
    double
    current(double i0, double eta) const;

    // di/deta [A/(V m^2)].
    double
    d_current_d_eta(double i0, double eta) const;

    // The eta [V] with current(i0, eta) = i: (2RT/F) asinh(i/(2 i0)) for
    // alpha_a = alpha_c = 1/2, safeguarded Newton otherwise. i0 > 0.
    double
    overpotential(double i0, double i) const;

    // Charge-transfer resistance per area R_ct = RT/(F i0) [ohm m^2], the
    // small-eta slope eta/i when alpha_a + alpha_c = 1.
    double
    linear_resistance(double i0) const;
  };

  // A symmetric Butler-Volmer interface (alpha_a = alpha_c = 1/2, exchange
  // current i0 [A/m^2]) in series with an area-specific resistance R
  // [ohm m^2], at `temperature` [K], under the voltage `drop` [V] across
  // both: the current density I [A/m^2] with (2RT/F) asinh(I/(2 i0)) + I R
  // = drop, and dI/d(drop) [A/(V m^2)]. (The lumped anode and separator of
  // the 1D particle models.)
  struct SeriesCurrent
  {
    double current    = 0.;
    double derivative = 0.;
  };
  SeriesCurrent
  symmetric_series_current(double i0, double R, double temperature, double drop);
} // namespace ssbcell
