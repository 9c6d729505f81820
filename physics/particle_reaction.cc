#include <physics/constants.h>
#include <physics/particle_reaction.h>

#include <algorithm>
#include <cmath>

namespace ssbcell
{
  namespace
  {
    // exp(a f eta) - exp(-(1-a) f eta) and its eta-derivative.
    ADNumber
    bv_factor(double alpha_a, double f, const ADNumber &eta)
    {
      return exp(alpha_a * f * eta) - exp(-(1. - alpha_a) * f * eta);
    }

    double
    bv_factor(double alpha_a, double f, double eta)
    {
      return std::exp(alpha_a * f * eta) - std::exp(-(1. - alpha_a) * f * eta);
    }

    double
    bv_slope(double alpha_a, double f, double eta)
    {
      return f * (alpha_a * std::exp(alpha_a * f * eta) +
                  (1. - alpha_a) * std::exp(-(1. - alpha_a) * f * eta));
    }

    // Below this ratio c_e is treated as depleted: keeps pow() finite while
    // Newton iterates pass through non-physical values.
    constexpr double min_concentration_ratio = 1e-12;
  } // namespace

  ParticleReaction::ParticleReaction(const ActiveMaterial &material,
                                     double                anode_potential_vs_li,
                                     double                temperature,
                                     double                film_resistance)
    : material(material)
    , anode_potential(anode_potential_vs_li)
    , f(constants::faraday / (constants::gas * temperature))
    , film_resistance(film_resistance)
  {
  }

  ReactionState
  ParticleReaction::evaluate(const ADNumber &c_s,
                             const ADNumber &phi_s,
                             const ADNumber &phi_e,
                             const ADNumber &concentration_ratio,
                             double          contact_fraction,
                             double          ocp_shift,
                             double          series_resistance) const
  {
    using std::pow;
    const double   c_max = material.max_concentration;
    const double   aa    = material.alpha_anodic;
    const ADNumber theta = c_s / c_max;
    const double   th    = theta.val();
    const ADNumber i0_theta =
      compose(theta, material.exchange_current_at(th), material.exchange_current_slope(th));
    const ADNumber ratio = concentration_ratio.val() > min_concentration_ratio ?
                             concentration_ratio :
                             ADNumber(min_concentration_ratio);
    const ADNumber i0    = contact_fraction * i0_theta *
                        (aa == 0.5 ? ADNumber(sqrt(ratio)) : ADNumber(pow(ratio, aa)));
    const ADNumber ocp = compose(theta, material.ocp->value(th), material.ocp->derivative(th));
    const ADNumber eta0 = phi_s - phi_e - (ocp + ocp_shift - anode_potential);

    if (film_resistance + series_resistance == 0.)
      return {i0 * bv_factor(aa, f, eta0), eta0.val(), i0.val()};

    // i = i0 B(eta0 - R i): r(i) = i - i0 B(eta0 - R i) rises monotonically
    // (r' = 1 + i0 B' R >= 1), so Newton safeguarded by bisection finds the
    // root between the film-limited bounds |i| <= |eta0|/R.
    const double R = film_resistance + series_resistance, e0 = eta0.val(), j0 = i0.val();
    auto         residual = [&](double i) { return i - j0 * bv_factor(aa, f, e0 - R * i); };
    double       lo = std::min(0., e0 / R), hi = std::max(0., e0 / R);
    double       i = 0.5 * (lo + hi);
    for (unsigned int it = 0; it < 200; ++it)
      {
        const double r = residual(i);
        if (r > 0.)
          hi = i;
        else
          lo = i;
        const double slope = 1. + j0 * bv_slope(aa, f, e0 - R * i) * R;
        double       next  = i - r / slope;
        if (!(next > lo && next < hi))
          next = 0.5 * (lo + hi);
        if (std::abs(next - i) <= 1e-15 * std::abs(next) + 1e-300 ||
            hi - lo <= 1e-16 * std::abs(i))
          {
            i = next;
            break;
          }
        i = next;
      }
    // One Newton correction in ADNumber: the value stays i, and the
    // derivatives become those of the implicit function, -r_x / r_i.
    const double   slope = 1. + j0 * bv_slope(aa, f, e0 - R * i) * R;
    const ADNumber r_ad  = i - i0 * bv_factor(aa, f, ADNumber(eta0 - R * i));
    const ADNumber i_ad  = i - r_ad / slope;
    return {i_ad, e0 - R * i, j0};
  }

  ADNumber
  anode_current(double          exchange_current,
                double          temperature,
                const ADNumber &phi_e,
                const ADNumber &concentration_ratio)
  {
    const double   f     = constants::faraday / (constants::gas * temperature);
    const ADNumber ratio = concentration_ratio.val() > min_concentration_ratio ?
                             concentration_ratio :
                             ADNumber(min_concentration_ratio);
    return exchange_current * sqrt(ratio) * bv_factor(0.5, f, ADNumber(-phi_e));
  }
} // namespace ssbcell
