// Unit tests for the cycling-protocol parser (solver/protocol/protocol.h).

#include <solver/protocol/protocol.h>

#include <physics/input_error.h>

#include <gtest/gtest.h>

#include <string>

using namespace ssbcell;

namespace
{
  // Parses a protocol that must consist of exactly one step.
  ProtocolStep
  single(const std::string &text)
  {
    const Protocol p = parse_protocol(text);
    EXPECT_EQ(p.steps.size(), 1u) << text;
    EXPECT_TRUE(p.repeats.empty()) << text;
    return p.steps.at(0);
  }

  // Returns the InputError thrown for `text` (fails the test if none is).
  InputError
  error_for(const std::string &text)
  {
    try
      {
        parse_protocol(text);
      }
    catch (const InputError &e)
      {
        return e;
      }
    ADD_FAILURE() << "no InputError for: " << text;
    return InputError("");
  }
} // namespace

TEST(Protocol, ToString)
{
  EXPECT_EQ(to_string(StepKind::charge), "charge");
  EXPECT_EQ(to_string(StepKind::discharge), "discharge");
  EXPECT_EQ(to_string(StepKind::rest), "rest");
  EXPECT_EQ(to_string(StepKind::hold), "hold");
  EXPECT_EQ(to_string(StepKind::sweep), "sweep");
}

// A Sweep ends at its end voltage: its duration follows from the rate.
TEST(Protocol, SweepSteps)
{
  const ProtocolStep up = single("Sweep at 0.5 mV/s from 3.0 V to 3.8 V");
  EXPECT_EQ(up.kind, StepKind::sweep);
  EXPECT_DOUBLE_EQ(up.sweep_rate_V_s, 5e-4);
  EXPECT_DOUBLE_EQ(up.sweep_start_V, 3.0);
  EXPECT_DOUBLE_EQ(up.sweep_end_V, 3.8);
  ASSERT_TRUE(up.duration_s.has_value());
  EXPECT_NEAR(*up.duration_s, 1600., 1e-9);
  EXPECT_EQ(current_of(up, 1.), 0.);

  const ProtocolStep down = single("sweep at 0.01 V/s from 4 V to 3.5 V");
  EXPECT_DOUBLE_EQ(down.sweep_rate_V_s, 0.01);
  EXPECT_NEAR(*down.duration_s, 50., 1e-9);

  const Protocol cv = parse_protocol("Repeat 3 times: Sweep at 1 mV/s from 3 V to 4 V, "
                                     "Sweep at 1 mV/s from 4 V to 3 V");
  ASSERT_EQ(cv.steps.size(), 6u);
  EXPECT_EQ(cv.steps[5].sweep_end_V, 3.);
  EXPECT_EQ(cv.steps[5].cycle, 2);

  for (const char *bad : {"Sweep at 1 mV/s from 3 V to 3 V", "Sweep at 1 mV from 3 V to 4 V",
                          "Sweep at 1 mA/s from 3 V to 4 V", "Sweep at 1 mV/s to 4 V",
                          "Sweep at 1 mV/s from 3 V", "Sweep at 0 mV/s from 3 V to 4 V",
                          "Sweep at 1 mV/s from 3 V to 4 V for 1 h",
                          "Sweep at 1 mV/s from 3 V to 4 V until 3.5 V"})
    EXPECT_NE(error_for(bad).hint.find("Sweep at"), std::string::npos) << bad;
  error_for("Sweep at 1 mV/s from 3 V to 40 V"); // implausibly high
  // A sweep prescribes the voltage: a Repeat of sweeps cannot end on one.
  error_for("Repeat 5 times: Sweep at 1 mV/s from 3 V to 4 V, Sweep at 1 mV/s from 4 V to 3 V "
            "until 3.5 V");
  error_for("Repeat 5 times: Sweep at 1 mV/s from 3 V to 4 V, Rest for 1 h until 3.5 V");
}

TEST(Protocol, DocumentedExample)
{
  const Protocol p =
    parse_protocol("Charge at 0.1C until 3.7 V; Rest for 1 h; Discharge at 1C until 1.9 V; "
                   "Hold at 3.7 V until C/50");
  ASSERT_EQ(p.steps.size(), 4u);
  EXPECT_TRUE(p.repeats.empty());

  const ProtocolStep &charge = p.steps[0];
  EXPECT_EQ(charge.kind, StepKind::charge);
  EXPECT_TRUE(charge.current.is_c_rate);
  EXPECT_DOUBLE_EQ(charge.current.value, 0.1);
  ASSERT_TRUE(charge.until_voltage_V);
  EXPECT_DOUBLE_EQ(*charge.until_voltage_V, 3.7);
  EXPECT_FALSE(charge.duration_s);
  EXPECT_FALSE(charge.until_current);
  EXPECT_EQ(charge.repeat_block, -1);
  EXPECT_EQ(charge.cycle, -1);
  EXPECT_EQ(charge.text, "Charge at 0.1C until 3.7 V");

  const ProtocolStep &rest = p.steps[1];
  EXPECT_EQ(rest.kind, StepKind::rest);
  ASSERT_TRUE(rest.duration_s);
  EXPECT_DOUBLE_EQ(*rest.duration_s, 3600.);
  EXPECT_FALSE(rest.until_voltage_V);
  EXPECT_EQ(rest.text, "Rest for 1 h");

  const ProtocolStep &discharge = p.steps[2];
  EXPECT_EQ(discharge.kind, StepKind::discharge);
  EXPECT_DOUBLE_EQ(discharge.current.value, 1.);
  EXPECT_DOUBLE_EQ(*discharge.until_voltage_V, 1.9);

  const ProtocolStep &hold = p.steps[3];
  EXPECT_EQ(hold.kind, StepKind::hold);
  EXPECT_DOUBLE_EQ(hold.hold_voltage_V, 3.7);
  ASSERT_TRUE(hold.until_current);
  EXPECT_TRUE(hold.until_current->is_c_rate);
  EXPECT_DOUBLE_EQ(hold.until_current->value, 1. / 50.);
  EXPECT_FALSE(hold.until_voltage_V);
  EXPECT_EQ(hold.text, "Hold at 3.7 V until C/50");
}

TEST(Protocol, CRateForms)
{
  EXPECT_DOUBLE_EQ(single("Charge at 1C until 3.7 V").current.value, 1.);
  EXPECT_DOUBLE_EQ(single("Charge at 0.1 C until 3.7 V").current.value, 0.1);
  EXPECT_DOUBLE_EQ(single("Charge at C/20 until 3.7 V").current.value, 0.05);
  EXPECT_DOUBLE_EQ(single("Charge at C / 4 until 3.7 V").current.value, 0.25);
  EXPECT_DOUBLE_EQ(single("Charge at .5C until 3.7 V").current.value, 0.5);
  EXPECT_DOUBLE_EQ(single("Charge at 1e-3C until 3.7 V").current.value, 1e-3);
  EXPECT_DOUBLE_EQ(single("Charge at 2E+1C until 3.7 V").current.value, 20.);
  EXPECT_DOUBLE_EQ(single("Charge at 1.5e0 C until 3.7 V").current.value, 1.5);
  EXPECT_TRUE(single("Charge at C/50 until 3.7 V").current.is_c_rate);
}

TEST(Protocol, CurrentDensities)
{
  const ProtocolStep a = single("Discharge at 10 A/m2 until 2 V");
  EXPECT_EQ(a.kind, StepKind::discharge);
  EXPECT_FALSE(a.current.is_c_rate);
  EXPECT_DOUBLE_EQ(a.current.value, 10.);

  const ProtocolStep b = single("Charge at 2.5A/m^2 for 30 min");
  EXPECT_FALSE(b.current.is_c_rate);
  EXPECT_DOUBLE_EQ(b.current.value, 2.5);
  EXPECT_DOUBLE_EQ(*b.duration_s, 1800.);

  const ProtocolStep c = single("Hold at 3.7 V until 0.5 A/m2");
  ASSERT_TRUE(c.until_current);
  EXPECT_FALSE(c.until_current->is_c_rate);
  EXPECT_DOUBLE_EQ(c.until_current->value, 0.5);

  EXPECT_DOUBLE_EQ(single("Charge at 3 a / M2 for 1 s").current.value, 3.);
}

TEST(Protocol, TimeUnits)
{
  const auto seconds = [](const std::string &t) {
    return *single("Rest for " + t).duration_s;
  };
  EXPECT_DOUBLE_EQ(seconds("10 s"), 10.);
  EXPECT_DOUBLE_EQ(seconds("10s"), 10.);
  EXPECT_DOUBLE_EQ(seconds("10 sec"), 10.);
  EXPECT_DOUBLE_EQ(seconds("2 min"), 120.);
  EXPECT_DOUBLE_EQ(seconds("2min"), 120.);
  EXPECT_DOUBLE_EQ(seconds("1.5 h"), 5400.);
  EXPECT_DOUBLE_EQ(seconds("1h"), 3600.);
  EXPECT_DOUBLE_EQ(seconds("1 hour"), 3600.);
  EXPECT_DOUBLE_EQ(seconds("3 hours"), 10800.);
  EXPECT_DOUBLE_EQ(seconds("0.5 HOURS"), 1800.);
}

TEST(Protocol, BothEndConditionsInEitherOrder)
{
  const ProtocolStep a = single("Discharge at 1C until 1.9 V for 2 h");
  EXPECT_DOUBLE_EQ(*a.until_voltage_V, 1.9);
  EXPECT_DOUBLE_EQ(*a.duration_s, 7200.);

  const ProtocolStep b = single("Discharge at 1C for 2 h until 1.9 V");
  EXPECT_DOUBLE_EQ(*b.until_voltage_V, 1.9);
  EXPECT_DOUBLE_EQ(*b.duration_s, 7200.);

  const ProtocolStep c = single("Charge at 0.2C for 90 min");
  EXPECT_FALSE(c.until_voltage_V);
  EXPECT_DOUBLE_EQ(*c.duration_s, 5400.);

  const ProtocolStep d = single("Hold at 4.2 V for 1 h until C/20");
  EXPECT_DOUBLE_EQ(*d.duration_s, 3600.);
  EXPECT_DOUBLE_EQ(d.until_current->value, 0.05);

  const ProtocolStep e = single("Hold at 4.2 V for 30 min");
  EXPECT_FALSE(e.until_current);
  EXPECT_DOUBLE_EQ(*e.duration_s, 1800.);
}

TEST(Protocol, CaseAndWhitespace)
{
  const Protocol p =
    parse_protocol("  cHaRgE   AT 0.1c UNTIL 3.7v ;\n\tREST FOR 1 H;discharge at 1C until "
                   "1.9 Volts ;;; hold at 3.7 v until c/50 ;  ");
  ASSERT_EQ(p.steps.size(), 4u);
  EXPECT_EQ(p.steps[0].kind, StepKind::charge);
  EXPECT_DOUBLE_EQ(*p.steps[0].until_voltage_V, 3.7);
  EXPECT_EQ(p.steps[0].text, "cHaRgE   AT 0.1c UNTIL 3.7v");
  EXPECT_EQ(p.steps[1].kind, StepKind::rest);
  EXPECT_EQ(p.steps[1].text, "REST FOR 1 H");
  EXPECT_EQ(p.steps[2].kind, StepKind::discharge);
  EXPECT_EQ(p.steps[3].kind, StepKind::hold);
  EXPECT_EQ(p.steps[3].text, "hold at 3.7 v until c/50");
}

TEST(Protocol, RepeatExpansion)
{
  const Protocol p =
    parse_protocol("Charge at 0.1C until 3.7 V; "
                   "Repeat 3 times: Discharge at 1C for 10 min, Rest for 5 min; "
                   "Hold at 3.7 V until C/50");
  ASSERT_EQ(p.steps.size(), 1u + 3u * 2u + 1u);
  ASSERT_EQ(p.repeats.size(), 1u);
  EXPECT_EQ(p.repeats[0].n_times, 3u);
  EXPECT_FALSE(p.repeats[0].until_voltage_V);

  EXPECT_EQ(p.steps.front().repeat_block, -1);
  EXPECT_EQ(p.steps.back().repeat_block, -1);
  EXPECT_EQ(p.steps.back().kind, StepKind::hold);
  for (int cycle = 0; cycle < 3; ++cycle)
    {
      const ProtocolStep &d = p.steps[1 + 2 * cycle];
      const ProtocolStep &r = p.steps[2 + 2 * cycle];
      EXPECT_EQ(d.kind, StepKind::discharge);
      EXPECT_EQ(r.kind, StepKind::rest);
      EXPECT_EQ(d.repeat_block, 0);
      EXPECT_EQ(r.repeat_block, 0);
      EXPECT_EQ(d.cycle, cycle);
      EXPECT_EQ(r.cycle, cycle);
      EXPECT_DOUBLE_EQ(*d.duration_s, 600.);
      EXPECT_DOUBLE_EQ(*r.duration_s, 300.);
      EXPECT_EQ(d.text, "Discharge at 1C for 10 min");
      EXPECT_EQ(r.text, "Rest for 5 min");
    }
}

TEST(Protocol, RepeatEarlyEndAfterRest)
{
  const Protocol p =
    parse_protocol("Repeat 10 times: Discharge at 0.1C for 10 min, Rest for 1 h until 1.9 V");
  ASSERT_EQ(p.repeats.size(), 1u);
  EXPECT_EQ(p.repeats[0].n_times, 10u);
  ASSERT_TRUE(p.repeats[0].until_voltage_V);
  EXPECT_DOUBLE_EQ(*p.repeats[0].until_voltage_V, 1.9);
  ASSERT_EQ(p.steps.size(), 20u);
  // The Repeat's cut-off is not part of the inner step.
  EXPECT_EQ(p.steps[1].kind, StepKind::rest);
  EXPECT_FALSE(p.steps[1].until_voltage_V);
  EXPECT_EQ(p.steps[1].text, "Rest for 1 h");
  EXPECT_EQ(p.steps[19].cycle, 9);
}

TEST(Protocol, RepeatEarlyEndAfterCompleteStep)
{
  // The discharge already has "for", so "until 1.9 V" ends the Repeat.
  const Protocol a = parse_protocol("Repeat 2 times: Rest for 1 s, Discharge at 1C for 1 h "
                                    "until 1.9 V");
  ASSERT_TRUE(a.repeats[0].until_voltage_V);
  EXPECT_DOUBLE_EQ(*a.repeats[0].until_voltage_V, 1.9);
  EXPECT_FALSE(a.steps[1].until_voltage_V);
  EXPECT_EQ(a.steps[1].text, "Discharge at 1C for 1 h");

  // A second "until" after the step's own cut-off ends the Repeat.
  const Protocol b = parse_protocol("Repeat 2 times: Discharge at 1C until 2 V until 1.9 V");
  EXPECT_DOUBLE_EQ(*b.steps[0].until_voltage_V, 2.);
  EXPECT_DOUBLE_EQ(*b.repeats[0].until_voltage_V, 1.9);

  // A single "until" on an incomplete step is the step's own cut-off.
  const Protocol c = parse_protocol("Repeat 2 times: Discharge at 1C until 1.9 V");
  EXPECT_DOUBLE_EQ(*c.steps[0].until_voltage_V, 1.9);
  EXPECT_FALSE(c.repeats[0].until_voltage_V);

  // A Hold's current cut-off after its "for" stays with the Hold.
  const Protocol d = parse_protocol("Repeat 2 times: Hold at 3.7 V for 1 h until C/50");
  EXPECT_DOUBLE_EQ(d.steps[0].until_current->value, 0.02);
  EXPECT_FALSE(d.repeats[0].until_voltage_V);

  // Not the last inner step: both end conditions belong to the step.
  const Protocol e =
    parse_protocol("Repeat 2 times: Discharge at 1C for 1 h until 1.9 V, Rest for 1 s");
  EXPECT_DOUBLE_EQ(*e.steps[0].until_voltage_V, 1.9);
  EXPECT_FALSE(e.repeats[0].until_voltage_V);
}

TEST(Protocol, SeveralRepeatBlocks)
{
  const Protocol p =
    parse_protocol("repeat 2 TIMES: charge at 1C until 3.7 V, discharge at 1C until 2 V,;"
                   "Rest for 1 s; Repeat 1 time : Rest for 2 s");
  ASSERT_EQ(p.repeats.size(), 2u);
  ASSERT_EQ(p.steps.size(), 2u * 2u + 1u + 1u);
  EXPECT_EQ(p.steps[3].repeat_block, 0);
  EXPECT_EQ(p.steps[3].cycle, 1);
  EXPECT_EQ(p.steps[4].repeat_block, -1);
  EXPECT_EQ(p.steps[5].repeat_block, 1);
  EXPECT_EQ(p.steps[5].cycle, 0);
  EXPECT_EQ(p.repeats[1].n_times, 1u);
}

TEST(Protocol, LargeRepeatCount)
{
  const Protocol p = parse_protocol("Repeat 100000 times: Rest for 1 s");
  EXPECT_EQ(p.steps.size(), 100000u);
  EXPECT_EQ(p.steps.back().cycle, 99999);
}

TEST(Protocol, InvalidStringsThrow)
{
  const char *const invalid[] = {
    "",
    "   ",
    ";",
    " ; ;; ",
    "Charge at C until",
    "Charge at 0.1C",
    "Charge at 0.1C until",
    "Charge at 0.1C until 3.7",
    "Charge until 3.7 V",
    "Charge at 0.1 until 3.7 V",
    "Charge at 0.1 mA/cm2 until 3.7 V",
    "Charge at 0C until 3.7 V",
    "Charge at C/0 until 3.7 V",
    "Charge at 1e999C until 3.7 V",
    "Charge at 0.1C until 37 V",
    "Charge at 0.1C until 0 V",
    "Charge at 0.1C until 3.7 V until 3.8 V",
    "Charge at 0.1C for 1 h for 2 h",
    "Charge at 0.1C for 1 day",
    "Charge at 0.1C for 0 s",
    "Charge at 0.1C for -1 s",
    "Charge at 1..2C until 3.7 V",
    "Charge at 0.1C until 3.7 V garbage",
    "Charge at 0.1C until 3.7 V, Rest for 1 h",
    "Discharge at -1C until 2 V",
    "Discharge at -5 A/m2 until 2 V",
    "Discharge at C/-20 until 2 V",
    "Discharge at 1C until -2 V",
    "Rest",
    "Rest for",
    "Rest for 1",
    "Rest until 3 V",
    "Rest for 1 h until 3 V",
    "Rest at 1C for 1 h",
    "Hold at 3.7 V",
    "Hold at 3.7 until C/50",
    "Hold at 3.7 V until 3.5 V",
    "Hold at 3.7 V until C",
    "Hold 3.7 V until C/50",
    "Jump for 1 h",
    "Jump at 5%",
    "1C until 3 V",
    "Charge at 0.1C until 3.7 V; Wait for 1 h",
    "Charge at 0.1C until 3.7 V; Rest for 1 h; Rest",
    "Repeat 0 times: Rest for 1 s",
    "Repeat -1 times: Rest for 1 s",
    "Repeat 2.5 times: Rest for 1 s",
    "Repeat 100001 times: Rest for 1 s",
    "Repeat times: Rest for 1 s",
    "Repeat 2 times Rest for 1 s",
    "Repeat 2: Rest for 1 s",
    "Repeat 2 times:",
    "Repeat 2 times: , ,",
    "Repeat 2 times: Repeat 3 times: Rest for 1 s",
    "Repeat 2 times: Rest for 1 s, Repeat 3 times",
    "Repeat 2 times: Rest for 1 s until 1.9 V until 1.8 V",
    "Repeat 2 times: Rest for 1 s until 1.9 V, Rest for 1 s",
    "Repeat 2 times: Rest for 1 s until 1.9 V garbage",
    "Repeat 2 times: Rest until 1.9 V",
    "Repeat 2 times: Jump for 1 s",
    "Repeat2 times: Rest for 1 s",
    "\x01\xff\xfe",
    "Charge at 0.1C until 3.7 V\x01",
    "Rest for 1 h\xff",
    "Charge at 0,1C until 3.7 V",
    "Charge at nanC until 3.7 V",
    "Charge at infC until 3.7 V",
  };
  for (const char *text : invalid)
    EXPECT_THROW(parse_protocol(text), InputError) << "text: " << text;
}

TEST(Protocol, ErrorsWithEmbeddedNul)
{
  EXPECT_THROW(parse_protocol(std::string("Rest for 1 h\0", 13)), InputError);
}

TEST(Protocol, MessageQuotesStepText)
{
  const InputError  e    = error_for("Rest for 1 h; Charge at 0.1C until 3.7 V garbage");
  const std::string what = e.what();
  EXPECT_NE(what.find("'Charge at 0.1C until 3.7 V garbage'"), std::string::npos) << what;
  EXPECT_NE(what.find("garbage"), std::string::npos) << what;
  EXPECT_NE(e.hint.find("Charge at 0.1C until 3.7 V"), std::string::npos) << e.hint;
}

TEST(Protocol, UnknownStepMessage)
{
  const InputError e = error_for("Jump for 1 h");
  EXPECT_NE(std::string(e.what()).find("unknown protocol step 'Jump for 1 h'"),
            std::string::npos)
    << e.what();
  EXPECT_FALSE(e.hint.empty());
}

TEST(Protocol, NegativeCurrentHintMentionsDirection)
{
  const InputError e = error_for("Discharge at -1C until 2 V");
  EXPECT_NE(std::string(e.what()).find("Discharge at -1C until 2 V"), std::string::npos)
    << e.what();
  EXPECT_NE(e.hint.find("Charge/Discharge"), std::string::npos) << e.hint;
}

TEST(Protocol, KindSpecificHints)
{
  EXPECT_NE(error_for("Rest").hint.find("Rest for 1 h"), std::string::npos);
  EXPECT_NE(error_for("Rest until 3 V").hint.find("Rest for"), std::string::npos);
  EXPECT_NE(error_for("Hold at 3.7 V").hint.find("Hold at"), std::string::npos);
  EXPECT_NE(error_for("Repeat 0 times: Rest for 1 s").hint.find("Repeat"), std::string::npos);
  EXPECT_NE(error_for("Charge at C until").hint.find("Charge at 0.1C"), std::string::npos);
}

TEST(Protocol, InnerRepeatErrorQuotesInnerStep)
{
  const std::string what = error_for("Repeat 2 times: Rest for 1 s, Discharge at 1C").what();
  EXPECT_NE(what.find("'Discharge at 1C'"), std::string::npos) << what;
}

TEST(Protocol, NestedRepeatMessage)
{
  const std::string what = error_for("Repeat 2 times: Repeat 3 times: Rest for 1 s").what();
  EXPECT_NE(what.find("nested"), std::string::npos) << what;
}

TEST(Protocol, BinaryBytesAreEscapedInMessage)
{
  const std::string what = error_for("Rest for 1 h \xff").what();
  EXPECT_NE(what.find("\\xff"), std::string::npos) << what;
  EXPECT_EQ(what.find('\xff'), std::string::npos) << what;
}
