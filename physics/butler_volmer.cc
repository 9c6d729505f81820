#include <deal.II/base/exceptions.h>

#include <physics/butler_volmer.h>
#include <physics/constants.h>

#include <algorithm>
#include <cmath>

namespace ssbcell
{
  namespace
  {
    // Newton iterates of the solver may step slightly outside [0, 1], where
    // pow() of a negative base is NaN, and at 0 or 1 exactly i0 vanishes and
    // its derivative is infinite for exponents below 1. Clamping keeps i0
    // positive and finite; the surface is essentially empty or full there.
    constexpr double theta_min = 1e-12;
    constexpr double theta_max = 1. - 1e-12;
  } // namespace

  double
  exchange_current_density(const double i0_ref,
                           const double theta_s,
                           const double alpha_a,
                           const double alpha_c)
  {
    const double theta = std::clamp(theta_s, theta_min, theta_max);
    return i0_ref * std::pow(theta / 0.5, alpha_c) * std::pow((1. - theta) / 0.5, alpha_a);
  }

  double
  exchange_current_density_derivative(const double i0_ref,
                                      const double theta_s,
                                      const double alpha_a,
                                      const double alpha_c)
  {
    if (theta_s < theta_min || theta_s > theta_max)
      return 0.;
    // d ln i0 / d theta = alpha_c / theta - alpha_a / (1 - theta).
    return exchange_current_density(i0_ref, theta_s, alpha_a, alpha_c) *
           (alpha_c / theta_s - alpha_a / (1. - theta_s));
  }

  double
  ButlerVolmer::inverse_thermal_voltage() const
  {
    return constants::faraday / (constants::gas * temperature);
  }

  double
  ButlerVolmer::current(const double i0, const double eta) const
  {
    const double f = inverse_thermal_voltage();
    return i0 * (std::exp(alpha_a * f * eta) - std::exp(-alpha_c * f * eta));
  }

  double
  ButlerVolmer::d_current_d_eta(const double i0, const double eta) const
  {
    const double f = inverse_thermal_voltage();
    return i0 * f *
           (alpha_a * std::exp(alpha_a * f * eta) + alpha_c * std::exp(-alpha_c * f * eta));
  }

  double
  ButlerVolmer::overpotential(const double i0, const double i) const
  {
    AssertThrow(i0 > 0. && alpha_a > 0. && alpha_c > 0. && std::isfinite(i),
                dealii::ExcMessage("Butler-Volmer inversion needs i0 > 0, "
                                   "alpha_a, alpha_c > 0 and a finite i."));
    const double f = inverse_thermal_voltage();
    if (alpha_a == 0.5 && alpha_c == 0.5)
      return 2. / f * std::asinh(i / (2. * i0));

    // current() is strictly increasing. Bracket: for eta > 0 it exceeds
    // i0 (exp(alpha_a f eta) - 1), for eta < 0 it lies below
    // i0 (1 - exp(-alpha_c f eta)), which gives the outer ends in closed form.
    double lo = 0., hi = 0.;
    if (i > 0.)
      hi = std::log1p(i / i0) / (alpha_a * f);
    else if (i < 0.)
      lo = -std::log1p(-i / i0) / (alpha_c * f);
    else
      return 0.;

    // Start from the symmetric closed form with the mean coefficient.
    const double alpha = 0.5 * (alpha_a + alpha_c);
    double       eta   = std::clamp(std::asinh(i / (2. * i0)) / (alpha * f), lo, hi);
    for (unsigned int it = 0; it < 200; ++it)
      {
        const double g = current(i0, eta) - i;
        if (g == 0.)
          return eta;
        (g > 0. ? hi : lo) = eta;

        double next = eta - g / d_current_d_eta(i0, eta);
        if (!(next > lo && next < hi)) // outside the bracket (or NaN): bisect
          next = 0.5 * (lo + hi);
        if (std::abs(next - eta) <= 1e-14 * std::max(1., std::abs(eta)) ||
            hi - lo <= 1e-14 * std::max(1., std::abs(eta)))
          return next;
        eta = next;
      }
    return eta;
  }

  double
  ButlerVolmer::linear_resistance(const double i0) const
  {
    return 1. / (inverse_thermal_voltage() * i0);
  }

  SeriesCurrent
  symmetric_series_current(const double i0,
                           const double R,
                           const double temperature,
                           const double drop)
  {
    // h(I) = (2/f) asinh(I/(2 i0)) + I R rises monotonically; Newton inside
    // the bracket |I| <= min(2 i0 sinh(f |drop|/2), |drop|/R), since |h(I)|
    // exceeds both |I| R and (2/f) asinh(|I|/(2 i0)).
    const double f  = ButlerVolmer{0.5, 0.5, temperature}.inverse_thermal_voltage();
    auto         h  = [&](double I) { return 2. / f * std::asinh(I / (2. * i0)) + I * R; };
    auto         dh = [&](double I) { return 2. / f / std::sqrt(4. * i0 * i0 + I * I) + R; };
    double       bound = 2. * i0 * std::sinh(std::abs(drop) * f / 2.);
    if (R > 0.)
      bound = std::min(bound, std::abs(drop) / R);
    double lo = -bound, hi = bound, I = 0.;
    for (unsigned int it = 0; it < 200; ++it)
      {
        const double r = h(I) - drop;
        if (r > 0.)
          hi = I;
        else
          lo = I;
        double next = I - r / dh(I);
        if (!(next >= lo && next <= hi))
          next = 0.5 * (lo + hi);
        const bool done = std::abs(next - I) <= 1e-15 * std::abs(next) || hi - lo <= 0.;
        I               = next;
        if (done)
          break;
      }
    // One more Newton correction keeps the last residual out of I.
    return {I - (h(I) - drop) / dh(I), 1. / dh(I)};
  }
} // namespace ssbcell
