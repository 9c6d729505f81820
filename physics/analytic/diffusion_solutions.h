#pragma once
// Exact solutions of linear diffusion problems, for verification.
// Pure C++17; all quantities in consistent units (SI in ssbcell).
// Every function returns the initial value exactly at t == 0 and throws
// std::invalid_argument for t < 0 or a non-positive size or diffusivity.

namespace ssbcell::analytic
{
  // Sphere 0 <= r <= a, c(r,0) = c0, influx D dc/dr = F0 at r = a
  // (F0 > 0: Li enters). Crank, Mathematics of Diffusion, sphere with
  // constant surface flux; Carslaw & Jaeger 9.3:
  //   c - c0 = (F0 a/D) [3Dt/a^2 + r^2/(2a^2) - 3/10
  //            - (2a/r) sum_n sin(alpha_n r)/(alpha_n^2 a^2 sin(alpha_n a))
  //                       exp(-D alpha_n^2 t)],  tan(alpha_n a) = alpha_n a.
  // Series summed until the remaining terms are negligible (at most 1e6
  // terms: accurate to ~1e-10 of F0 a/D for D t/a^2 >~ 1e-11).
  double
  sphere_constant_flux(double r, double t, double a, double D, double c0, double F0);

  // Slab 0 <= x <= l, c(x,0) = c0, insulated at x = 0, influx D dc/dx = F0
  // at x = l. Carslaw & Jaeger 3.3 (slab -l < x < l, flux F0 into both faces):
  //   c - c0 = F0 t/l + (F0 l/D) [(3x^2 - l^2)/(6 l^2)
  //            - (2/pi^2) sum_n ((-1)^n/n^2) exp(-D n^2 pi^2 t/l^2) cos(n pi x/l)].
  double
  slab_constant_flux(double x, double t, double l, double D, double c0, double F0);

  // Sphere 0 <= r <= a, c(r,0) = C1, c(a,t) = C0. Crank eq. 6.18:
  //   (c - C1)/(C0 - C1) = 1 + (2a/(pi r)) sum_n ((-1)^n/n) sin(n pi r/a)
  //                                               exp(-D n^2 pi^2 t/a^2).
  // At t == 0 returns C1 for r < a and C0 for r >= a.
  double
  sphere_fixed_surface(double r, double t, double a, double D, double C1, double C0);

  // Total uptake M_t/M_inf of the problem above. Crank eq. 6.20:
  //   1 - (6/pi^2) sum_n exp(-D n^2 pi^2 t/a^2)/n^2,
  // and for D t/a^2 < 1e-3 the equivalent short-time form, Crank eq. 6.21,
  //   6 sqrt(Dt/(pi a^2)) - 3 D t/a^2  (its ierfc terms are < 1e-400 there).
  double
  sphere_fixed_surface_uptake_fraction(double t, double a, double D);
} // namespace ssbcell::analytic
