// The thin-shell spreading of physics/coating_spreading.h at a complex
// surface admittance. The Legendre series of the real case loses every
// digit once |k2| is large and complex (its terms grow like exp|sqrt k2|
// while the sum grows like exp(Re sqrt k2)), and at kHz |k2| reaches 1e6.
// So the admittance of the shell outside the cap is found from the Riccati
// equation of g = (dpsi/ds)/psi, s = pi - t the angle from the far pole:
//   (1/sin s) d/ds (sin s dpsi/ds) = k2 psi
//   =>  g' = k2 - g^2 - cot(s) g,  g(0) = 0 (psi regular at the pole),
// integrated from the pole to the rim s_c = pi - t_c. The solution regular
// at the pole is the one that grows towards the rim, so this direction is
// stable (deviations decay at the rate 2 Re g). The current leaving the
// cap along the sheet is psi_c 2 pi sigma L sin(t_c) g(s_c).

#include <deal.II/base/exceptions.h>
#include <deal.II/base/numbers.h>

#include <physics/coating_spreading.h>

#include <algorithm>
#include <cmath>

namespace ssbcell
{
  namespace
  {
    using Complex = std::complex<double>;

    // g(s_end) by classical Runge-Kutta, with steps of at most a twentieth of
    // the distance to either pole (where cot s is singular: at the rim of a
    // small cap pi - s is t_c) and of 0.025/|sqrt k2| (the scale of psi near
    // the rim); the fourth-order error is then below 1e-7 relative
    // (test_coating_spreading.cc).
    Complex
    rim_log_derivative(Complex k2, double s_end)
    {
      const double pi    = dealii::numbers::PI;
      const double scale = std::sqrt(std::abs(k2)) + 1.;
      const double h_max = std::min(0.025 / scale, 0.005);
      auto         rate  = [k2](double s, Complex g) { return k2 - g * g - g / std::tan(s); };
      // Near the pole g = k2 s/2 (1 - k2 s^2/8 + ...) for psi = I0(sqrt(k2) s).
      double  s = std::min(1e-3 / scale, 0.5 * s_end);
      Complex g = 0.5 * k2 * s * (1. - k2 * s * s / 8.);
      while (s < s_end)
        {
          const double  h   = std::min({0.05 * s, 0.05 * (pi - s), h_max, s_end - s});
          const Complex k1  = rate(s, g);
          const Complex k2_ = rate(s + 0.5 * h, g + 0.5 * h * k1);
          const Complex k3  = rate(s + 0.5 * h, g + 0.5 * h * k2_);
          const Complex k4  = rate(s + h, g + h * k3);
          g += h / 6. * (k1 + 2. * k2_ + 2. * k3 + k4);
          s += h;
        }
      return g;
    }
  } // namespace

  Complex
  spreading_area_impedance(double  contact_fraction,
                           double  sheet_conductance,
                           Complex surface_admittance,
                           double  radius)
  {
    AssertThrow(contact_fraction > 0. && contact_fraction <= 1. && sheet_conductance > 0. &&
                  surface_admittance.real() > 0. && surface_admittance.imag() >= 0. &&
                  radius > 0.,
                dealii::ExcMessage("cap spreading needs 0 < a_c <= 1, positive sigma L and R, "
                                   "and a surface admittance 1/R_ct + i omega C_dl"));
    if (contact_fraction >= 1.)
      return 0.;
    const double  pi   = dealii::numbers::PI;
    const double  a    = contact_fraction;
    const double  area = 4. * pi * radius * radius;
    const double  t_c  = 2. * std::asin(std::sqrt(a));
    const Complex k2   = radius * radius * surface_admittance / sheet_conductance;
    // Cap: area a y; rim: 2 pi sigma L sin(t_c) g(s_c).
    const Complex cap = area * a * surface_admittance;
    const Complex lateral =
      2. * pi * sheet_conductance * std::sin(t_c) * rim_log_derivative(k2, pi - t_c);
    return area / (cap + lateral) - 1. / surface_admittance;
  }
} // namespace ssbcell
