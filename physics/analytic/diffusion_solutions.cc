#include <physics/analytic/diffusion_solutions.h>

#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <vector>

namespace ssbcell::analytic
{
  namespace
  {
    constexpr double      pi        = 3.14159265358979323846;
    constexpr std::size_t max_terms = 1000000;
    // A series stops once a bound on its current term (which also bounds
    // the later ones, all decreasing with Gaussian decay) is below this.
    constexpr double negligible = 1e-18;

    void
    check(double t, double length, double D)
    {
      if (!(t >= 0.) || !(length > 0.) || !(D > 0.))
        throw std::invalid_argument("ssbcell::analytic: need t >= 0, length > 0, D > 0");
    }

    // n-th positive root (n >= 1) of tan x = x, in (n pi, n pi + pi/2).
    // Fixed point of x = n pi + atan(x): a contraction (slope 1/(1+x^2) < 0.05)
    // decreasing monotonically from n pi + pi/2. Cached.
    double
    tan_root(std::size_t n)
    {
      static std::vector<double> roots;
      while (roots.size() < n)
        {
          const double npi = static_cast<double>(roots.size() + 1) * pi;
          double       x   = npi + 0.5 * pi;
          for (int k = 0; k < 100; ++k)
            {
              const double next = npi + std::atan(x);
              const bool   done = std::abs(next - x) <= 4e-16 * x;
              x                 = next;
              if (done)
                break;
            }
          roots.push_back(x);
        }
      return roots[n - 1];
    }
  } // namespace

  double
  sphere_constant_flux(double r, double t, double a, double D, double c0, double F0)
  {
    check(t, a, D);
    if (t == 0.)
      return c0;
    const double tau = D * t / (a * a), rho = r / a;
    double       sum = 0.;
    for (std::size_t n = 1; n <= max_terms; ++n)
      {
        const double x = tan_root(n), e = std::exp(-tau * x * x);
        const double sx = std::sin(x);
        // a sin(alpha r)/r, -> alpha a as r -> 0; |.| <= x
        const double shape = rho < 1e-12 ? x : std::sin(x * rho) / rho;
        sum += shape / (x * x * sx) * e;
        if (e / (x * std::abs(sx)) < negligible)
          break;
      }
    return c0 + F0 * a / D * (3. * tau + 0.5 * rho * rho - 0.3 - 2. * sum);
  }

  double
  slab_constant_flux(double x, double t, double l, double D, double c0, double F0)
  {
    check(t, l, D);
    if (t == 0.)
      return c0;
    const double tau = D * t / (l * l), xi = x / l;
    double       sum = 0.;
    for (std::size_t n = 1; n <= max_terms; ++n)
      {
        const double nn = static_cast<double>(n) * static_cast<double>(n);
        const double e  = std::exp(-tau * nn * pi * pi) / nn;
        sum += (n % 2 ? -e : e) * std::cos(static_cast<double>(n) * pi * xi);
        if (e < negligible)
          break;
      }
    return c0 + F0 * t / l + F0 * l / D * ((3. * xi * xi - 1.) / 6. - 2. / (pi * pi) * sum);
  }

  double
  sphere_fixed_surface(double r, double t, double a, double D, double C1, double C0)
  {
    check(t, a, D);
    const double rho = r / a;
    if (t == 0.)
      return rho < 1. ? C1 : C0;
    const double tau = D * t / (a * a);
    double       sum = 0.;
    for (std::size_t n = 1; n <= max_terms; ++n)
      {
        const double dn = static_cast<double>(n);
        const double e  = std::exp(-tau * dn * dn * pi * pi);
        // (2a/(pi r n)) sin(n pi r/a), -> 2 as r -> 0; |.| <= 2
        const double shape = rho < 1e-12 ? 2. : 2. / (pi * rho * dn) * std::sin(dn * pi * rho);
        sum += (n % 2 ? -shape : shape) * e;
        if (2. * e < negligible)
          break;
      }
    return C1 + (C0 - C1) * (1. + sum);
  }

  double
  sphere_fixed_surface_uptake_fraction(double t, double a, double D)
  {
    check(t, a, D);
    const double tau = D * t / (a * a);
    if (tau < 1e-3)
      return 6. * std::sqrt(tau / pi) - 3. * tau;
    double sum = 0.;
    for (std::size_t n = 1; n <= max_terms; ++n)
      {
        const double nn = static_cast<double>(n) * static_cast<double>(n);
        const double e  = std::exp(-tau * nn * pi * pi) / nn;
        sum += e;
        if (e < negligible)
          break;
      }
    return 1. - 6. / (pi * pi) * sum;
  }
} // namespace ssbcell::analytic
