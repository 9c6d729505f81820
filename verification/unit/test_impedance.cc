// The pieces of the impedance step: the small-signal law of a reacting
// interface with its double layer and a film in series, the
// equivalent-circuit fit, and the Impedance protocol step. The assembled
// spectrum is verified against closed forms in verification/check_impedance.py.

#include <gtest/gtest.h>

#include <physics/input_error.h>
#include <physics/interface_admittance.h>
#include <solver/frequency_domain/equivalent_circuit.h>
#include <solver/protocol/protocol.h>

#include <cmath>
#include <complex>

using namespace ssbcell;

namespace
{
  const ReactionSlopes slopes{20., -3e-3, 0.4}; // 1/R_ct = 20 S/m^2
  constexpr double     omega = 2. * M_PI * 7.;
} // namespace

TEST(InterfaceAdmittance, BareInterfaceIsDoubleLayerAcrossReaction)
{
  const auto    s = small_signal_currents(slopes, omega, 0.1, 0.);
  const Complex y(20., omega * 0.1);
  EXPECT_NEAR(std::abs(s.total[0] - y), 0., 1e-12);
  EXPECT_NEAR(std::abs(s.total[1] + y), 0., 1e-12);
  EXPECT_NEAR(std::abs(s.faradaic[0] - 20.), 0., 1e-12);
  EXPECT_NEAR(std::abs(s.faradaic[2] - slopes.concentration), 0., 1e-15);
  EXPECT_NEAR(std::abs(s.total[3] - slopes.ratio), 0., 1e-15);
}

TEST(InterfaceAdmittance, FilmInSeriesWithParallelBranch)
{
  // dphi_s alone: the current is dphi_s / (Z_f + 1/(g + i w C)); the
  // Faradaic part is the share of the parallel branch through g.
  const Complex film = parallel_rc(0.05, 0.02, omega);
  const auto    s    = small_signal_currents(slopes, omega, 0.1, film);
  const Complex branch(20., omega * 0.1);
  const Complex total = 1. / (film + 1. / branch);
  EXPECT_NEAR(std::abs(s.total[0] - total), 0., 1e-12);
  EXPECT_NEAR(std::abs(s.total[1] + total), 0., 1e-12);
  EXPECT_NEAR(std::abs(s.faradaic[0] - total * 20. / branch), 0., 1e-12);
  // Without capacitances it is the DC series law, with i_F = i.
  const auto dc = small_signal_currents(slopes, 0., 0., 0.05);
  EXPECT_NEAR(std::abs(dc.total[0] - 1. / (0.05 + 1. / 20.)), 0., 1e-12);
  for (unsigned int k = 0; k < 4; ++k)
    EXPECT_NEAR(std::abs(dc.total[k] - dc.faradaic[k]), 0., 1e-15);
  // dc_s at fixed potentials: g_c through the branch, divided with the film.
  EXPECT_NEAR(std::abs(dc.total[2] - slopes.concentration / (1. + 20. * 0.05)), 0., 1e-15);
}

TEST(EquivalentCircuit, FitRecoversItsOwnSpectrum)
{
  EquivalentCircuit c;
  c.series_resistance  = 0.01;
  c.arcs               = {{0.05, 0.2, 0.85}};
  c.warburg_resistance = 0.3;
  c.warburg_time       = 40.;
  std::vector<double>  f;
  std::vector<Complex> z;
  for (int k = 0; k <= 70; ++k)
    {
      f.push_back(1e5 * std::pow(10., -k / 8.));
      z.push_back(c.impedance(f.back()));
    }
  const EquivalentCircuit fit = fit_equivalent_circuit(f, z);
  EXPECT_LT(fit.rms_relative_error, 1e-7);
  EXPECT_NEAR(fit.series_resistance / c.series_resistance, 1., 1e-5);
  ASSERT_EQ(fit.arcs.size(), 1u);
  EXPECT_NEAR(fit.arcs[0].resistance / 0.05, 1., 1e-5);
  EXPECT_NEAR(fit.arcs[0].n, 0.85, 1e-5);
  EXPECT_NEAR(fit.warburg_resistance / c.warburg_resistance, 1., 1e-5);
  EXPECT_NEAR(fit.warburg_time / c.warburg_time, 1., 1e-5);
  // The Warburg element's limits: R_W/3 + R_W/(i w tau) at low frequency.
  const Complex low = c.impedance(1e-7) - c.series_resistance - c.arc_resistance();
  const double  w   = 2. * M_PI * 1e-7;
  EXPECT_NEAR(low.real() / (c.warburg_resistance / 3.), 1., 1e-3);
  EXPECT_NEAR(low.imag() / (-c.warburg_resistance / (w * c.warburg_time)), 1., 1e-6);
}

TEST(EquivalentCircuit, TwoArcsAreSeparated)
{
  // A cathode and an anode arc two decades apart.
  EquivalentCircuit c;
  c.series_resistance  = 0.002;
  c.arcs               = {{0.01, 1e-3, 0.95}, {0.04, 0.1, 0.9}};
  c.warburg_resistance = 0.05;
  c.warburg_time       = 100.;
  std::vector<double>  f;
  std::vector<Complex> z;
  for (int k = 0; k <= 80; ++k)
    {
      f.push_back(1e6 * std::pow(10., -k / 8.));
      z.push_back(c.impedance(f.back()));
    }
  const EquivalentCircuit fit = fit_equivalent_circuit(f, z);
  ASSERT_EQ(fit.arcs.size(), 2u);
  EXPECT_LT(fit.rms_relative_error, 1e-6);
  EXPECT_NEAR(fit.arcs[0].resistance / 0.01, 1., 1e-4);
  EXPECT_NEAR(fit.arcs[1].resistance / 0.04, 1., 1e-4);
  EXPECT_NEAR(fit.series_resistance / 0.002, 1., 1e-4);
}

TEST(Protocol, ImpedanceSteps)
{
  const Protocol p =
    parse_protocol("Rest for 1 h; Impedance from 1 MHz to 10 mHz, 10 points per decade; "
                   "Repeat 2 times: Discharge at 0.1C for 10 min, Impedance from 10 kHz "
                   "to 0.1 Hz, 5 points per decade");
  ASSERT_EQ(p.steps.size(), 6u);
  const ProtocolStep &s = p.steps[1];
  EXPECT_EQ(s.kind, StepKind::impedance);
  EXPECT_EQ(to_string(s.kind), "impedance");
  EXPECT_DOUBLE_EQ(s.impedance_start_Hz, 1e6);
  EXPECT_DOUBLE_EQ(s.impedance_end_Hz, 1e-2);
  EXPECT_EQ(s.duration_s.value_or(-1.), 0.);
  const auto f = impedance_frequencies(s);
  ASSERT_EQ(f.size(), 81u);
  EXPECT_DOUBLE_EQ(f.front(), 1e6);
  EXPECT_DOUBLE_EQ(f.back(), 1e-2);
  EXPECT_NEAR(f[10], 1e5, 1e-6);
  EXPECT_EQ(p.steps[3].kind, StepKind::impedance);
  EXPECT_EQ(impedance_frequencies(p.steps[3]).size(), 26u);
  EXPECT_EQ(p.steps[3].text, "Impedance from 10 kHz to 0.1 Hz, 5 points per decade");

  // The last step of a Repeat may carry the Repeat's cut-off.
  const Protocol gitt_eis = parse_protocol(
    "Repeat 2 times: Discharge at 0.1C for 1 h, Impedance from 1 MHz to 1 Hz, 5 points per "
    "decade until 1.9 V");
  ASSERT_EQ(gitt_eis.steps.size(), 4u);
  EXPECT_EQ(gitt_eis.repeats.at(0).until_voltage_V.value_or(0.), 1.9);
  EXPECT_EQ(gitt_eis.steps[1].text, "Impedance from 1 MHz to 1 Hz, 5 points per decade");

  for (const char *bad :
       {"Impedance from 1 mhz to 1 Hz, 5 points per decade",
        "Impedance from 100 to 1 kHz, 5 points per decade",
        "Impedance from 1 Hz to 1 kHz, 5 points per decade until 1.9 V",
        "Impedance from 1 Hz to 1 Hz, 5 points per decade", "Impedance from 1 Hz to 1 kHz",
        "Impedance from 1 Hz to 1 kHz, 0 points per decade",
        "Impedance from 1 Hz to 1 kHz, 5 points per decade for 1 h",
        "Impedance from -1 Hz to 1 kHz, 5 points per decade",
        "Impedance from 1 V to 1 kHz, 5 points per decade"})
    EXPECT_THROW(parse_protocol(bad), InputError) << bad;
}
