// Butler-Volmer kinetics (docs/model.md section 4): current, its derivative
// and inverse, the linear (charge-transfer resistance) limit, and the
// exchange current density i0(theta_s).

#include <gtest/gtest.h>

#include <physics/butler_volmer.h>

#include <cmath>
#include <vector>

using ssbcell::ButlerVolmer;
using ssbcell::exchange_current_density;
using ssbcell::exchange_current_density_derivative;

namespace
{
  // Written out here rather than taken from physics/constants.h, so that the
  // tests check the constants too (CODATA 2018).
  constexpr double F = 96485.33212;
  constexpr double R = 8.314462618;
  constexpr double T = 298.15;

  const std::vector<double> etas = {-0.5, -0.3, -0.1, -0.02, -1e-4, 1e-4, 0.02, 0.1, 0.3, 0.5};

  ButlerVolmer
  asymmetric()
  {
    ButlerVolmer bv;
    bv.alpha_a = 0.3;
    bv.alpha_c = 0.7;
    return bv;
  }
} // namespace

TEST(ButlerVolmer, CurrentFormulaAndZeroAtEquilibrium)
{
  const ButlerVolmer bv;
  EXPECT_EQ(bv.current(2.5, 0.), 0.);
  EXPECT_EQ(asymmetric().current(2.5, 0.), 0.);
  // Anodic positive; the formula of model.md section 4.
  const double eta = 0.05;
  EXPECT_NEAR(bv.current(2.5, eta),
              2.5 * (std::exp(0.5 * F * eta / (R * T)) - std::exp(-0.5 * F * eta / (R * T))),
              1e-12);
  EXPECT_GT(bv.current(2.5, eta), 0.);
  EXPECT_LT(bv.current(2.5, -eta), 0.);
}

TEST(ButlerVolmer, OverpotentialInvertsCurrentSymmetric)
{
  const ButlerVolmer bv;
  for (const double i0 : {0.1, 1., 10.})
    for (const double eta : etas)
      EXPECT_NEAR(bv.overpotential(i0, bv.current(i0, eta)), eta, 1e-12)
        << "i0 = " << i0 << ", eta = " << eta;
  EXPECT_EQ(bv.overpotential(1., 0.), 0.);
}

TEST(ButlerVolmer, OverpotentialInvertsCurrentAsymmetric)
{
  for (const auto &[a, c] :
       std::vector<std::pair<double, double>>{{0.3, 0.7}, {0.7, 0.3}, {1., 1.}, {0.2, 0.5}})
    {
      ButlerVolmer bv;
      bv.alpha_a = a;
      bv.alpha_c = c;
      for (const double i0 : {0.1, 10.})
        for (const double eta : etas)
          EXPECT_NEAR(bv.overpotential(i0, bv.current(i0, eta)), eta, 1e-12)
            << "alpha_a = " << a << ", alpha_c = " << c << ", eta = " << eta;
      EXPECT_EQ(bv.overpotential(1., 0.), 0.);
    }
}

TEST(ButlerVolmer, DerivativeMatchesFiniteDifferences)
{
  // Central differences with h = 1e-6 V: the truncation error
  // (h f)^2 / 6 ~ 3e-10 relative and round-off ~ eps / (h f) ~ 1e-11 relative
  // (f = F/RT ~ 39/V) are both well below the tolerance 1e-7.
  const double h = 1e-6;
  for (const ButlerVolmer &bv : {ButlerVolmer(), asymmetric()})
    for (const double eta : etas)
      {
        const double fd    = (bv.current(0.7, eta + h) - bv.current(0.7, eta - h)) / (2. * h);
        const double exact = bv.d_current_d_eta(0.7, eta);
        EXPECT_NEAR(exact, fd, 1e-7 * std::abs(exact)) << "eta = " << eta;
      }
}

TEST(ButlerVolmer, SmallOverpotentialSlopeIsChargeTransferResistance)
{
  // i ~ eta / R_ct with R_ct = RT/(F i0) when alpha_a + alpha_c = 1; at
  // eta = 1e-5 V the nonlinear terms are ~ (alpha_a - alpha_c) F eta / (2RT)
  // ~ 1e-4 relative, below the 1e-3 checked.
  const double i0  = 0.5;
  const double eta = 1e-5;
  EXPECT_NEAR(ButlerVolmer().linear_resistance(i0), R * T / (F * i0), 1e-12);
  for (const ButlerVolmer &bv : {ButlerVolmer(), asymmetric()})
    {
      const double linear = eta / bv.linear_resistance(i0);
      EXPECT_NEAR(bv.current(i0, eta), linear, 1e-3 * linear);
      EXPECT_NEAR(bv.current(i0, -eta), -linear, 1e-3 * linear);
      EXPECT_NEAR(bv.d_current_d_eta(i0, 0.), 1. / bv.linear_resistance(i0),
                  1e-12 / bv.linear_resistance(i0));
    }
}

TEST(ButlerVolmer, VerificationCaseDSymmetricOverpotential)
{
  // docs/verification.md (d): eta = (2RT/F) asinh(i / (2 i0)) for alpha = 1/2.
  const ButlerVolmer bv;
  for (const double i0 : {0.3, 10.})
    for (const double i : {-50., -1., -1e-3, 1e-3, 1., 50.})
      {
        const double eta = 2. * R * T / F * std::asinh(i / (2. * i0));
        EXPECT_NEAR(bv.overpotential(i0, i), eta, 1e-13);
        EXPECT_NEAR(bv.current(i0, eta), i, 1e-12 * std::abs(i));
      }
  // The Newton branch agrees with the closed form as alpha -> 1/2.
  ButlerVolmer nearly;
  nearly.alpha_a = 0.5 + 1e-9;
  nearly.alpha_c = 0.5 - 1e-9;
  for (const double i : {-20., 0.5, 20.})
    EXPECT_NEAR(nearly.overpotential(1., i), bv.overpotential(1., i), 1e-9);
}

TEST(ButlerVolmer, ExchangeCurrentDensity)
{
  EXPECT_DOUBLE_EQ(exchange_current_density(0.8, 0.5, 0.5, 0.5), 0.8);
  EXPECT_DOUBLE_EQ(exchange_current_density(0.8, 0.5, 0.3, 0.7), 0.8);
  for (const double theta : {0.01, 0.2, 0.37, 0.9})
    {
      // Equal alphas: symmetric about 1/2, = 2 i0_ref sqrt(theta (1-theta)).
      EXPECT_NEAR(exchange_current_density(0.8, theta, 0.5, 0.5),
                  exchange_current_density(0.8, 1. - theta, 0.5, 0.5), 1e-14);
      EXPECT_NEAR(exchange_current_density(0.8, theta, 0.5, 0.5),
                  1.6 * std::sqrt(theta * (1. - theta)), 1e-14);
      EXPECT_NEAR(exchange_current_density(0.8, theta, 0.3, 0.7),
                  0.8 * std::pow(2. * theta, 0.7) * std::pow(2. * (1. - theta), 0.3), 1e-14);
    }
  // Clamped: finite and non-negative at and beyond the ends.
  for (const double theta : {-0.1, 0., 1., 1.1})
    {
      const double i0 = exchange_current_density(0.8, theta, 0.5, 0.5);
      EXPECT_TRUE(std::isfinite(i0) && i0 >= 0. && i0 < 1e-5) << theta;
      EXPECT_EQ(exchange_current_density_derivative(0.8, theta, 0.5, 0.5), 0.);
    }
}

TEST(ButlerVolmer, ExchangeCurrentDerivativeMatchesFiniteDifferences)
{
  // i0 is smooth inside (0, 1); with h = 1e-6 the central difference is
  // accurate to ~h^2 i0''' / 6 and eps i0 / h, both far below 1e-7 relative.
  const double h = 1e-6;
  for (const auto &[a, c] : std::vector<std::pair<double, double>>{{0.5, 0.5}, {0.3, 0.7}})
    for (const double theta : {0.05, 0.3, 0.5, 0.77, 0.95})
      {
        const double fd = (exchange_current_density(0.8, theta + h, a, c) -
                           exchange_current_density(0.8, theta - h, a, c)) /
                          (2. * h);
        const double exact = exchange_current_density_derivative(0.8, theta, a, c);
        EXPECT_NEAR(exact, fd, 1e-7 * std::abs(exact) + 1e-10) << "theta = " << theta;
      }
  EXPECT_NEAR(exchange_current_density_derivative(0.8, 0.5, 0.5, 0.5), 0., 1e-14);
}
