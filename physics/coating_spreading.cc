#include <deal.II/base/exceptions.h>
#include <deal.II/base/numbers.h>

#include <physics/coating_spreading.h>

#include <algorithm>
#include <cmath>

namespace ssbcell
{
  namespace
  {
    // S'(z)/S(z) for S(z) = sum_n c_n z^n, c_0 = 1,
    // c_{n+1} = c_n (n(n+1) + k2)/(n+1)^2. The terms first grow (while
    // n+1 < k2 they may) and then fall geometrically like z^n/n; the sums
    // run in log space (c_n spans hundreds of decades for large k2) until
    // the terms have fallen 40 e-folds below the largest.
    double
    series_ratio(double k2, double z)
    {
      double log_c = 0., log_max = 0., s0 = 1., s1 = 0., previous = 0.;
      for (double n = 0.;; n += 1.)
        {
          log_c += std::log((n * (n + 1.) + k2) / ((n + 1.) * (n + 1.)));
          const double log_term = log_c + (n + 1.) * std::log(z); // of c_{n+1} z^{n+1}
          if (log_term > log_max)
            {
              // Rescale the sums to the new largest term.
              const double scale = std::exp(log_max - log_term);
              s0 *= scale;
              s1 *= scale;
              log_max = log_term;
            }
          const double w = std::exp(log_term - log_max);
          s0 += w;
          s1 += (n + 1.) * w;
          if (n + 1. > k2 && log_term < previous && log_term < log_max - 40.)
            break;
          previous = log_term;
        }
      return s1 / (z * s0);
    }
  } // namespace

  CapSpreading
  cap_spreading(double contact_fraction,
                double sheet_conductance,
                double reaction_resistance,
                double radius)
  {
    AssertThrow(contact_fraction > 0. && contact_fraction <= 1. && sheet_conductance > 0. &&
                  reaction_resistance > 0. && radius > 0.,
                dealii::ExcMessage("cap spreading needs 0 < a_c <= 1 and positive "
                                   "sigma L, R_ct and R"));
    const double pi = dealii::numbers::PI;
    CapSpreading s;
    s.reaction           = reaction_resistance / (4. * pi * radius * radius);
    s.penetration_length = std::sqrt(sheet_conductance * reaction_resistance);
    if (contact_fraction >= 1.)
      {
        s.resistance = s.reaction;
        return s;
      }
    const double a  = contact_fraction;
    const double k2 = radius * radius / (sheet_conductance * reaction_resistance);
    // Cap: 2 pi R^2 (1 - cos t_c)/R_ct = 4 pi R^2 a/R_ct; rim: pi sigma L
    // sin^2 t_c S'/S with sin^2 t_c = 4 a (1 - a), at z_c = 1 - a.
    const double cap = 4. * pi * radius * radius * a / reaction_resistance;
    const double lateral =
      4. * pi * sheet_conductance * a * (1. - a) * series_ratio(k2, 1. - a);
    s.resistance      = 1. / (cap + lateral);
    s.lateral_current = lateral / (cap + lateral);
    return s;
  }

  double
  spreading_area_resistance(double contact_fraction,
                            double sheet_conductance,
                            double reaction_resistance,
                            double radius)
  {
    return cap_spreading(contact_fraction, sheet_conductance, reaction_resistance, radius)
             .series() *
           4. * dealii::numbers::PI * radius * radius;
  }

  double
  uniform_spreading_resistance(double contact_fraction, double sheet_conductance)
  {
    const double a = contact_fraction;
    return (std::log(1. / a) - 1. + a) / (4. * dealii::numbers::PI * sheet_conductance);
  }
} // namespace ssbcell
