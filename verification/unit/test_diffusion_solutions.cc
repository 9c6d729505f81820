// Checks of physics/analytic/diffusion_solutions against properties the
// exact solutions must have (conservation, boundary conditions, the PDE,
// limits), evaluated numerically, i.e. independently of the series' code.
// Non-unit parameters catch scaling mistakes. tau = D t / L^2.

#include <physics/analytic/diffusion_solutions.h>

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <stdexcept>

using namespace ssbcell::analytic;

namespace
{
  constexpr double pi = 3.14159265358979323846;
  constexpr double a = 2.0, D = 0.7, c0 = 1.3, F0 = 0.4; // sphere / slab
  constexpr double l  = 2.0;                             // slab length
  constexpr double C1 = 0.25, C0 = 1.75;                 // fixed surface
  constexpr double scale = F0 * a / D;                   // F0 a/D = F0 l/D: size of variation

  double
  time_of(double tau, double L = a)
  {
    return tau * L * L / D;
  }

  // Composite Simpson on [lo, hi] with 2000 intervals.
  double
  simpson(const std::function<double(double)> &f, double lo, double hi)
  {
    const int    m = 2000;
    const double h = (hi - lo) / m;
    double       s = f(lo) + f(hi);
    for (int i = 1; i < m; ++i)
      s += (i % 2 ? 4. : 2.) * f(lo + i * h);
    return s * h / 3.;
  }

  double
  sphere_flux(double r, double t)
  {
    return sphere_constant_flux(r, t, a, D, c0, F0);
  }
  double
  slab(double x, double t)
  {
    return slab_constant_flux(x, t, l, D, c0, F0);
  }
  double
  fixed(double r, double t)
  {
    return sphere_fixed_surface(r, t, a, D, C1, C0);
  }

  // Volume average over the sphere of radius a: 3/a^3 int_0^a c r^2 dr.
  double
  sphere_mean(const std::function<double(double)> &c)
  {
    return 3. / (a * a * a) * simpson([&](double r) { return c(r) * r * r; }, 0., a);
  }

  // Residual of dc/dt = D (c'' + (k/r) c') (k = 2 sphere, 0 slab) at (r, t)
  // by second-order central differences (hr = 1e-4 a, ht = 1e-4 t), divided
  // by `rate`, the problem's natural rate of change (|dc/dt| itself is ~0
  // where the front has not arrived yet).
  double
  pde_residual(double (*c)(double, double), double r, double t, double k, double rate)
  {
    const double ht = 1e-4 * t, hr = 1e-4 * a;
    const double ct = (c(r, t + ht) - c(r, t - ht)) / (2. * ht);
    const double cm = c(r - hr, t), cc = c(r, t), cp = c(r + hr, t);
    const double crr = (cp - 2. * cc + cm) / (hr * hr);
    const double cr  = (cp - cm) / (2. * hr);
    return std::abs(ct - D * (crr + k / r * cr)) / rate;
  }
} // namespace

TEST(AnalyticDiffusion, InitialValuesAtTimeZero)
{
  EXPECT_EQ(sphere_flux(0.7, 0.), c0);
  EXPECT_EQ(slab(0.7, 0.), c0);
  EXPECT_EQ(fixed(0.7, 0.), C1);
  EXPECT_EQ(fixed(a, 0.), C0);
  EXPECT_EQ(sphere_fixed_surface_uptake_fraction(0., a, D), 0.);
  EXPECT_THROW(sphere_flux(0.7, -1.), std::invalid_argument);
}

TEST(AnalyticDiffusion, SphereFluxMeanGrowsWithInflux)
{
  // Li balance: 4/3 pi a^3 (mean - c0) = 4 pi a^2 F0 t.
  for (double tau : {1e-3, 1e-2, 0.1, 1.})
    {
      const double t    = time_of(tau);
      const double mean = sphere_mean([&](double r) { return sphere_flux(r, t); });
      // Simpson error (h = a/2000 against a boundary layer sqrt(tau) a >= 0.03 a)
      // and series round-off are both < 1e-10 of the variation (measured 1e-13).
      EXPECT_NEAR(mean, c0 + 3. * F0 * t / a, 1e-10 * scale) << "tau " << tau;
    }
}

TEST(AnalyticDiffusion, SphereFluxLongTimeSurfaceMinusMean)
{
  // Quasi-steady parabolic profile: c(a) - mean = F0 a/(5D). At tau = 2 the
  // transient is exp(-4.49^2 * 2) ~ 3e-18; Simpson is exact for the quartic
  // integrand, so only round-off of O(c) values remains.
  const double t    = time_of(2.);
  const double mean = sphere_mean([&](double r) { return sphere_flux(r, t); });
  EXPECT_NEAR(sphere_flux(a, t) - mean, F0 * a / (5. * D), 1e-11 * scale);
}

TEST(AnalyticDiffusion, SphereFluxSurfaceFlux)
{
  // The series is analytic in r for t > 0, so a central difference across
  // r = a is valid. h = 1e-5 a: truncation ~ h^2 / (6 D t) <= 2e-8 for
  // tau >= 1e-3, round-off ~ 1e-16 c a / h ~ 1e-11; tolerance 1e-7 relative
  // (measured <= 5e-10).
  const double h = 1e-5 * a;
  for (double tau : {1e-3, 1e-2, 0.1, 1.})
    {
      const double t    = time_of(tau);
      const double flux = D * (sphere_flux(a + h, t) - sphere_flux(a - h, t)) / (2. * h);
      EXPECT_NEAR(flux, F0, 1e-7 * F0) << "tau " << tau;
    }
}

TEST(AnalyticDiffusion, SphereFluxSatisfiesPde)
{
  // Truncation ~ (hr / sqrt(D t))^2 <= 1e-6 of the local rate (at most ~10
  // rate scales for tau >= 1e-2); round-off ~ 1e-16 c a^2 / hr^2 ~ 1e-8.
  // Tolerance 1e-5 of the rate scale F0/a (measured <= 1e-7).
  for (double tau : {1e-2, 0.1, 0.5})
    for (double rho : {0.3, 0.6, 0.9})
      EXPECT_LT(pde_residual(sphere_flux, rho * a, time_of(tau), 2., F0 / a), 1e-5)
        << "tau " << tau << " r/a " << rho;
}

TEST(AnalyticDiffusion, SphereFluxShortTimeSurfaceAndCentre)
{
  // Small tau (~20000 series terms): the surface value must follow the
  // Laplace-transform short-time expansion (F0 a/D)(2 sqrt(tau/pi) + tau +
  // O(tau^1.5)). At tau = 1e-8 the dropped O(tau^1.5) term is ~1e-12 of the
  // variation; tolerance 1e-10 of F0 a/D (the required accuracy).
  const double tau = 1e-8, t = time_of(tau);
  EXPECT_NEAR(sphere_flux(a, t) - c0, scale * (2. * std::sqrt(tau / pi) + tau), 1e-10 * scale);
  // Centre untouched yet (erfc(1/(2 sqrt(tau))) = 0 in double).
  EXPECT_NEAR(sphere_flux(0., t), c0, 1e-10 * scale);
  // The r -> 0 limit is continuous (c is even in r: deviation O(r^2) ~ 1e-12).
  const double tm = time_of(0.05);
  EXPECT_NEAR(sphere_flux(0., tm), sphere_flux(1e-6 * a, tm), 1e-10 * scale);
}

TEST(AnalyticDiffusion, SlabFluxMeanGrowsWithInflux)
{
  // Li balance: l (mean - c0) = F0 t. Simpson error < 1e-10 as for the sphere.
  for (double tau : {1e-3, 1e-2, 0.1, 1.})
    {
      const double t    = time_of(tau, l);
      const double mean = simpson([&](double x) { return slab(x, t); }, 0., l) / l;
      EXPECT_NEAR(mean, c0 + F0 * t / l, 1e-10 * scale) << "tau " << tau;
    }
}

TEST(AnalyticDiffusion, SlabFluxSatisfiesPde)
{
  // Same differences and tolerance as for the sphere; rate scale F0/l.
  for (double tau : {1e-2, 0.1, 0.5})
    for (double xi : {0.3, 0.6, 0.9})
      EXPECT_LT(pde_residual(slab, xi * l, time_of(tau, l), 0., F0 / l), 1e-5)
        << "tau " << tau << " x/l " << xi;
}

TEST(AnalyticDiffusion, SlabFluxBoundaryFluxes)
{
  // x = l: central difference across the face (series analytic in x), as for
  // the sphere: tolerance 1e-7. x = 0: one-sided second-order difference
  // (-3 c(0) + 4 c(h) - c(2h)) / (2h), h = 1e-4 l; c is even in x, so the
  // truncation is O(h^3) ~ 1e-12, round-off ~ 1e-16 c l / h ~ 1e-12:
  // tolerance 1e-7 (measured <= 2e-12).
  const double h = 1e-5 * l, h0 = 1e-4 * l;
  for (double tau : {1e-3, 1e-2, 0.1, 1.})
    {
      const double t = time_of(tau, l);
      EXPECT_NEAR(D * (slab(l + h, t) - slab(l - h, t)) / (2. * h), F0, 1e-7 * F0)
        << "tau " << tau;
      EXPECT_NEAR(D * (-3. * slab(0., t) + 4. * slab(h0, t) - slab(2. * h0, t)) / (2. * h0),
                  0., 1e-7 * F0)
        << "tau " << tau;
    }
}

TEST(AnalyticDiffusion, SlabFluxShortTimeSurface)
{
  // Semi-infinite medium: c(l) - c0 = 2 F0 sqrt(t/(pi D)); the insulated face
  // contributes ~ exp(-1/tau), i.e. nothing at tau = 1e-6 (~2000 terms).
  // Tolerance 1e-10 of F0 l/D (the required accuracy).
  const double t = time_of(1e-6, l);
  EXPECT_NEAR(slab(l, t) - c0, 2. * F0 * std::sqrt(t / (pi * D)), 1e-10 * scale);
}

TEST(AnalyticDiffusion, SphereFixedSurfaceBoundaryValue)
{
  // sin(n pi) rounds to ~n 1e-16, summed over <= ~650 terms: tolerance 1e-12.
  for (double tau : {1e-5, 1e-3, 0.1, 1.})
    EXPECT_NEAR(fixed(a, time_of(tau)), C0, 1e-12 * (C0 - C1)) << "tau " << tau;
}

TEST(AnalyticDiffusion, SphereFixedSurfaceEarlyInteriorUnchanged)
{
  // At tau = 1e-5 the front has reached ~ sqrt(tau) a = 3e-3 a; 0.2 a from
  // the surface the change is ~ erfc(31) = 0 in double. Tolerance 1e-12:
  // round-off of the alternating series (~650 terms of size 2 at r = 0).
  const double t = time_of(1e-5);
  for (double rho : {0., 1e-13, 0.3, 0.8})
    EXPECT_NEAR(fixed(rho * a, t), C1, 1e-12 * (C0 - C1)) << "r/a " << rho;
}

TEST(AnalyticDiffusion, SphereFixedSurfaceUptakeMatchesProfile)
{
  // tau = 1e-4 uses the short-time form of the uptake, the others the series.
  // Simpson error (h = a/2000, layer sqrt(tau) a >= 0.01 a, i.e. 20 points)
  // dominates: tolerance 1e-8 on a fraction in [0, 1] (measured <= 3e-10).
  for (double tau : {1e-4, 1e-3, 1e-2, 0.1, 1.})
    {
      const double t = time_of(tau);
      const double uptake =
        sphere_mean([&](double r) { return fixed(r, t) - C1; }) / (C0 - C1);
      EXPECT_NEAR(sphere_fixed_surface_uptake_fraction(t, a, D), uptake, 1e-8)
        << "tau " << tau;
    }
}

TEST(AnalyticDiffusion, SphereFixedSurfaceSatisfiesPde)
{
  // As for the flux problem; rate scale (C0 - C1) D / a^2 (measured <= 3e-6).
  for (double tau : {1e-2, 0.1, 0.5})
    for (double rho : {0.3, 0.6, 0.9})
      EXPECT_LT(pde_residual(fixed, rho * a, time_of(tau), 2., (C0 - C1) * D / (a * a)), 1e-5)
        << "tau " << tau << " r/a " << rho;
}
