// Parser for the cycling protocol grammar (see protocol.h). A small
// hand-written tokenizer plus one recursive-descent routine per step kind,
// so that every error can quote the offending step and show its expected form.

#include <physics/input_error.h>
#include <solver/protocol/protocol.h>
#include <solver/protocol/protocol_text.h>
#include <solver/protocol/protocol_tokens.h>

#include <algorithm>
#include <cmath>
#include <locale>
#include <sstream>
#include <utility>

namespace ssbcell
{
  std::string
  to_string(const StepKind kind)
  {
    switch (kind)
      {
        case StepKind::charge:
          return "charge";
        case StepKind::discharge:
          return "discharge";
        case StepKind::rest:
          return "rest";
        case StepKind::hold:
          return "hold";
        case StepKind::sweep:
          return "sweep";
        case StepKind::impedance:
          return "impedance";
      }
    return "unknown";
  }

  namespace
  {
    const char *const any_step_hint =
      "expected steps separated by ';', e.g. 'Charge at 0.1C until 3.7 V; "
      "Rest for 1 h; Discharge at 1C until 1.9 V; Hold at 3.7 V until C/50; "
      "Sweep at 0.1 mV/s from 3.7 V to 3.0 V; "
      "Impedance from 1 MHz to 10 mHz, 10 points per decade'";
    const char *const unknown_step_hint =
      "expected a step starting with Charge, Discharge, Rest, Hold, Sweep, "
      "Impedance or Repeat, e.g. 'Charge at 0.1C until 3.7 V'";
    const char *const impedance_hint =
      "expected e.g. 'Impedance from 1 MHz to 10 mHz, 10 points per decade'";
    const char *const sweep_hint = "expected e.g. 'Sweep at 0.1 mV/s from 3.0 V to 3.8 V'";
    const char *const rest_hint  = "expected e.g. 'Rest for 1 h'";
    const char *const repeat_hint =
      "expected e.g. 'Repeat 10 times: Discharge at 0.1C for 10 min, "
      "Rest for 1 h until 1.9 V'";
    const double max_voltage_V = 10.; // anything higher is surely a typo
    const double max_repeats   = 100000.;

    using namespace protocol_text;


    std::string
    hint_for(const std::string &keyword)
    {
      if (keyword == "charge")
        return "expected e.g. 'Charge at 0.1C until 3.7 V'";
      if (keyword == "discharge")
        return "expected e.g. 'Discharge at 1C until 1.9 V' or "
               "'Discharge at 10 A/m2 for 30 min'";
      if (keyword == "rest")
        return rest_hint;
      if (keyword == "hold")
        return "expected e.g. 'Hold at 3.7 V until C/50'";
      if (keyword == "sweep")
        return sweep_hint;
      if (keyword == "impedance")
        return impedance_hint;
      if (keyword == "repeat")
        return repeat_hint;
      return unknown_step_hint;
    }


    // Parses one step, or the header of a Repeat. Keeps the step text so that
    // every error message can quote it.
    class StepParser
    {
    public:
      StepParser(const std::string &step_text)
        : text(step_text)
        , hint(hint_for(first_word(step_text)))
      {
        tokens = tokenize(text, [this](const std::string &what, const std::string &h) {
          fail(what, h);
        });
      }

      [[noreturn]] void
      fail(const std::string &what, const std::string &special_hint = "") const
      {
        throw InputError(what + " in protocol step '" + printable(text) + "'",
                         special_hint.empty() ? hint : special_hint);
      }

      const Token &
      peek() const
      {
        return tokens[pos];
      }
      const Token &
      next()
      {
        return tokens[pos + 1 < tokens.size() ? pos++ : pos];
      }
      bool
      accept_word(const char *w)
      {
        if (peek().type != TokenType::word || peek().word != w)
          return false;
        next();
        return true;
      }
      static std::string
      describe(const Token &t)
      {
        return t.type == TokenType::end ? std::string("the end of the step") :
                                          "'" + printable(t.raw) + "'";
      }
      void
      expect_word(const char *w, const std::string &after)
      {
        if (!accept_word(w))
          fail("expected '" + std::string(w) + "' after '" + after + "', found " +
               describe(peek()));
      }
      // Anything left over after a complete step is an error, not ignored.
      void
      expect_end() const
      {
        if (peek().type == TokenType::end)
          return;
        if (peek().type == TokenType::comma)
          fail("unexpected ','", "',' separates steps only inside 'Repeat <n> times: ...'; "
                                 "separate steps with ';'");
        fail("unexpected " + describe(peek()) + " after '" +
             printable(trim(text.substr(0, peek().offset))) + "'");
      }

      enum class Quantity
      {
        current,
        voltage,
        duration,
        rate
      };

      // A number that must be positive and finite; `after` is the word
      // before it, for the message.
      double
      read_positive(const Quantity q, const std::string &after)
      {
        static const char *const names[] = {"current", "voltage", "duration", "sweep rate"};
        const std::string        name    = names[static_cast<int>(q)];
        const Token             &t       = next();
        if (t.type != TokenType::number)
          fail("expected a " + name + " after '" + after + "', found " + describe(t));
        if (t.value < 0.)
          fail("negative " + name + " '" + t.raw + "'",
               q != Quantity::current ?
                 hint :
                 "give the magnitude only; the direction comes from "
                 "Charge/Discharge, e.g. 'Discharge at 1C until 1.9 V'");
        if (!(t.value > 0.) || !std::isfinite(t.value))
          fail(name + " must be positive, got '" + t.raw + "'");
        if (q == Quantity::voltage && t.value >= max_voltage_V)
          fail("voltage '" + t.raw + " V' is implausibly high (>= 10 V)",
               "voltages are cell voltages in V, e.g. 'until 3.7 V'");
        return t.value;
      }

      double
      read_voltage(const std::string &after) // "<v> V"
      {
        const double v    = read_positive(Quantity::voltage, after);
        const Token &unit = next();
        if (!is_volt(unit))
          fail("expected the unit 'V' after the voltage, found " + describe(unit));
        return v;
      }

      double
      read_duration(const std::string &after) // -> seconds
      {
        static const std::pair<const char *, double> units[] = {
          {"s", 1.},     {"sec", 1.},     {"secs", 1.},    {"second", 1.},   {"seconds", 1.},
          {"min", 60.},  {"mins", 60.},   {"minute", 60.}, {"minutes", 60.}, {"h", 3600.},
          {"hr", 3600.}, {"hour", 3600.}, {"hours", 3600.}};
        const double t = read_positive(Quantity::duration, after);
        for (const auto &unit : units)
          if (accept_word(unit.first))
            return t * unit.second;
        fail("expected a time unit (s, min or h) after the duration, found " +
             describe(peek()));
      }

      // "<x> mV/s" | "<x> V/s" -> V/s
      double
      read_sweep_rate(const std::string &after)
      {
        const double x     = read_positive(Quantity::rate, after);
        double       scale = 0.;
        if (accept_word("mv"))
          scale = 1e-3;
        else if (is_volt(peek()))
          {
            next();
            scale = 1.;
          }
        if (scale > 0. && peek().type == TokenType::slash)
          {
            next();
            if (accept_word("s"))
              return x * scale;
          }
        fail("expected the unit 'mV/s' or 'V/s' after the sweep rate, found " +
             describe(peek()));
      }

      // "Sweep at <v> mV/s from <a> V to <b> V": ends at b, after |b - a|/v.
      void
      parse_sweep(ProtocolStep &step)
      {
        step.kind           = StepKind::sweep;
        step.sweep_rate_V_s = read_sweep_rate("at");
        expect_word("from", "mV/s");
        step.sweep_start_V = read_voltage("from");
        expect_word("to", "V");
        step.sweep_end_V = read_voltage("to");
        if (step.sweep_end_V == step.sweep_start_V)
          fail("the sweep starts and ends at the same voltage");
        step.duration_s =
          std::abs(step.sweep_end_V - step.sweep_start_V) / step.sweep_rate_V_s;
      }

      // "<f> mHz|Hz|kHz|MHz" -> Hz; 'mHz' and 'MHz' differ only by case.
      double
      read_frequency(const std::string &after)
      {
        const Token &number = next();
        if (number.type != TokenType::number)
          fail("expected a frequency after '" + after + "', found " + describe(number));
        if (!(number.value > 0.) || !std::isfinite(number.value))
          fail("frequency must be positive, got '" + number.raw + "'");
        const Token &unit  = next();
        double       scale = 0.;
        if (unit.word == "hz")
          scale = 1.;
        else if (unit.word == "khz")
          scale = 1e3;
        else if (unit.raw == "mHz")
          scale = 1e-3;
        else if (unit.raw == "MHz")
          scale = 1e6;
        else if (unit.word == "mhz")
          fail("ambiguous unit '" + printable(unit.raw) + "'",
               "write 'mHz' for millihertz or 'MHz' for megahertz");
        else
          fail("expected a frequency unit (mHz, Hz, kHz or MHz), found " + describe(unit));
        const double f = number.value * scale;
        if (f > 1e9)
          fail("frequency '" + number.raw + " " + unit.raw + "' is above 1 GHz");
        return f;
      }

      // "Impedance from <f1> to <f2>[,] <n> points per decade"
      void
      parse_impedance(ProtocolStep &step)
      {
        step.kind               = StepKind::impedance;
        step.impedance_start_Hz = read_frequency("from");
        expect_word("to", "from");
        step.impedance_end_Hz = read_frequency("to");
        if (step.impedance_end_Hz == step.impedance_start_Hz)
          fail("the spectrum starts and ends at the same frequency");
        if (peek().type == TokenType::comma)
          next();
        const Token &n = next();
        if (n.type != TokenType::number || !(n.value >= 1.) || !(n.value <= 1000.))
          fail("expected the number of points per decade (1 to 1000), found " + describe(n));
        step.impedance_points_per_decade = n.value;
        if (!accept_word("points") && !accept_word("point"))
          fail("expected 'points per decade' after '" + n.raw + "', found " +
               describe(peek()));
        expect_word("per", "points");
        expect_word("decade", "per");
        step.duration_s = 0.; // it takes no time
      }

      // "<x>C" | "C/<n>" | "<x> A/m2" | "<x> A/m^2"
      CurrentSpec
      read_current(const std::string &after)
      {
        const std::string examples = "(e.g. 0.1C, C/20 or 10 A/m2)";
        if (accept_word("c"))
          {
            const Token &slash = next();
            if (slash.type != TokenType::slash)
              fail("expected '/<n>' after 'C' (as in C/20) or a number "
                   "before it (as in 1C), found " +
                   describe(slash));
            const double rate = 1. / read_positive(Quantity::current, "C/");
            if (!std::isfinite(rate))
              fail("C-rate out of range");
            return {true, rate};
          }
        const double x = read_positive(Quantity::current, after);
        if (accept_word("c"))
          return {true, x};
        if (accept_word("a") && peek().type == TokenType::slash)
          {
            next();
            if (accept_word("m2") || accept_word("m^2"))
              return {false, x};
          }
        if (is_volt(peek()))
          fail("expected a current " + examples + ", found a voltage");
        fail("expected a current unit 'C' or 'A/m2' " + examples + ", found " +
             describe(peek()));
      }

      // Charge/Discharge/Rest/Hold. `repeat_until` is given for the last step
      // inside a Repeat: see parse_repeat for the trailing "until <v> V".
      ProtocolStep
      parse_step(std::optional<double> *repeat_until)
      {
        ProtocolStep step;
        step.text          = text;
        const Token &first = next();
        if (first.word == "charge" || first.word == "discharge")
          {
            step.kind = first.word == "charge" ? StepKind::charge : StepKind::discharge;
            expect_word("at", first.raw);
            step.current = read_current("at");
          }
        else if (first.word == "hold")
          {
            step.kind = StepKind::hold;
            expect_word("at", first.raw);
            step.hold_voltage_V = read_voltage("at");
          }
        else if (first.word == "sweep")
          {
            expect_word("at", first.raw);
            parse_sweep(step);
          }
        else if (first.word == "impedance")
          {
            expect_word("from", first.raw);
            parse_impedance(step);
            // The last step of a Repeat may carry the Repeat's cut-off.
            const std::size_t clause_offset = peek().offset;
            if (repeat_until && accept_word("until"))
              {
                *repeat_until = read_voltage("until");
                step.text     = trim(text.substr(0, clause_offset));
              }
            expect_end();
            return step;
          }
        else if (first.word == "rest")
          step.kind = StepKind::rest;
        else if (first.word == "repeat")
          fail("a Repeat cannot be nested inside another Repeat", repeat_hint);
        else
          throw InputError("unknown protocol step '" + printable(text) + "'",
                           unknown_step_hint);

        // End conditions, in any order, each at most once.
        while (peek().type != TokenType::end)
          {
            const bool complete =
              step.until_voltage_V || step.duration_s || step.until_current;
            const bool until_voltage_follows =
              peek().word == "until" && pos + 2 < tokens.size() &&
              tokens[pos + 1].type == TokenType::number && is_volt(tokens[pos + 2]);
            const std::size_t clause_offset = peek().offset;
            // A sweep prescribes the voltage: no cut-off of its own, and none
            // for a Repeat either (only a current step can reach one).
            if (step.kind == StepKind::sweep)
              fail("a Sweep ends at its end voltage; it takes no 'for' or 'until'",
                   sweep_hint);
            if (accept_word("for"))
              {
                if (step.duration_s)
                  fail("'for' given twice");
                step.duration_s = read_duration("for");
              }
            else if (repeat_until && complete && until_voltage_follows)
              {
                next();
                *repeat_until = read_voltage("until");
                expect_end();
                step.text = trim(text.substr(0, clause_offset));
              }
            else if (accept_word("until"))
              {
                if (step.kind == StepKind::rest)
                  fail("a Rest step cannot end on a voltage", rest_hint);
                if (step.until_current || step.until_voltage_V)
                  fail("'until' given twice");
                if (step.kind == StepKind::hold)
                  step.until_current = read_current("until");
                else
                  step.until_voltage_V = read_voltage("until");
              }
            else
              expect_end();
          }

        if (step.kind == StepKind::rest && !step.duration_s)
          fail("a Rest step needs a duration", rest_hint);
        if (!step.until_voltage_V && !step.duration_s && !step.until_current)
          fail("missing end condition ('until ...' or 'for <t> s|min|h')");
        return step;
      }

      const std::string  text;
      const std::string  hint;
      std::vector<Token> tokens;
      std::size_t        pos = 0;
    };

    // A non-Repeat step. The keyword is checked before tokenizing, so that
    // "Jump at 5%" reports the unknown step rather than the '%'.
    ProtocolStep
    parse_simple_step(const std::string &text, std::optional<double> *repeat_until)
    {
      const std::string keyword = first_word(text);
      if (keyword != "charge" && keyword != "discharge" && keyword != "rest" &&
          keyword != "hold" && keyword != "sweep" && keyword != "impedance" &&
          keyword != "repeat")
        throw InputError("unknown protocol step '" + printable(text) + "'", unknown_step_hint);
      return StepParser(text).parse_step(repeat_until);
    }

    // "Repeat <n> times: <step>, <step>, ... [until <v> V]"
    //
    // The Repeat's own "until <v> V" is written after its last inner step,
    // which makes it ambiguous with that step's own cut-off. Rule: within the
    // last inner step, an "until <v> V" that comes after the step is already
    // complete (it already has its "for" or "until"; a Rest can only end with
    // "for") ends the whole Repeat (RepeatBlock::until_voltage_V). Otherwise
    // it is the step's own cut-off. So in "Repeat 10 times: Discharge at 0.1C
    // for 10 min, Rest for 1 h until 1.9 V" the 1.9 V ends the Repeat, while
    // "Repeat 3 times: Discharge at 1C until 1.9 V" has no Repeat cut-off.
    // (A Hold's "until C/50" is a current, so it always stays with the Hold.)
    void
    parse_repeat(const std::string &text, Protocol &protocol)
    {
      StepParser header(text);
      header.next(); // "repeat"
      const Token &count = header.next();
      if (count.type != TokenType::number)
        header.fail("expected the number of repetitions after 'Repeat', "
                    "found " +
                    StepParser::describe(count));
      if (!(count.value >= 1. && count.value <= max_repeats &&
            count.value == std::floor(count.value)))
        header.fail("the repeat count must be a whole number from 1 to "
                    "100000, got '" +
                    count.raw + "'");
      if (!header.accept_word("times") && !header.accept_word("time"))
        header.fail("expected 'times' after 'Repeat " + count.raw + "', found " +
                    StepParser::describe(header.peek()));
      if (header.next().type != TokenType::colon)
        header.fail("expected ':' after 'Repeat " + count.raw + " times'");

      // Split the rest at ','; empty pieces (e.g. a trailing ',') are ignored.
      std::vector<std::string> pieces;
      std::size_t              start = header.peek().offset;
      for (std::size_t i = header.pos; i < header.tokens.size(); ++i)
        {
          const Token &t = header.tokens[i];
          if (t.type != TokenType::comma && t.type != TokenType::end)
            continue;
          // The comma of "Impedance from ... , 10 points per decade" is the
          // step's own.
          if (t.type == TokenType::comma && i + 2 < header.tokens.size() &&
              header.tokens[i + 1].type == TokenType::number &&
              (header.tokens[i + 2].word == "points" || header.tokens[i + 2].word == "point"))
            continue;
          const std::string piece = trim(text.substr(start, t.offset - start));
          if (!piece.empty())
            pieces.push_back(piece);
          start = t.offset + 1;
        }
      if (pieces.empty())
        header.fail("the Repeat has no steps");

      RepeatBlock block;
      block.n_times = static_cast<unsigned int>(count.value);
      std::vector<ProtocolStep> body;
      for (std::size_t i = 0; i < pieces.size(); ++i)
        body.push_back(parse_simple_step(pieces[i], i + 1 == pieces.size() ?
                                                      &block.until_voltage_V :
                                                      nullptr));
      // The Repeat's cut-off is watched during its charge and discharge steps.
      const bool has_current_step =
        std::any_of(body.begin(), body.end(), [](const ProtocolStep &s) {
          return s.kind == StepKind::charge || s.kind == StepKind::discharge;
        });
      if (block.until_voltage_V && !has_current_step)
        header.fail("a Repeat can end on a voltage only if it charges or discharges",
                    repeat_hint);

      const int block_index = static_cast<int>(protocol.repeats.size());
      protocol.repeats.push_back(block);
      for (unsigned int cycle = 0; cycle < block.n_times; ++cycle)
        for (ProtocolStep step : body)
          {
            step.repeat_block = block_index;
            step.cycle        = static_cast<int>(cycle);
            protocol.steps.push_back(std::move(step));
          }
    }
  } // namespace

  std::vector<double>
  impedance_frequencies(const ProtocolStep &step)
  {
    const double decades = std::log10(step.impedance_end_Hz / step.impedance_start_Hz);
    const auto   n       = static_cast<unsigned int>(
      std::max(1., std::ceil(std::abs(decades) * step.impedance_points_per_decade - 1e-9)));
    std::vector<double> f(n + 1);
    for (unsigned int k = 0; k <= n; ++k)
      f[k] = step.impedance_start_Hz * std::pow(10., decades * k / n);
    f[n] = step.impedance_end_Hz;
    return f;
  }

  Protocol
  parse_protocol(const std::string &text)
  {
    Protocol protocol;
    for (std::size_t start = 0; start <= text.size();)
      {
        std::size_t end = text.find(';', start);
        if (end == std::string::npos)
          end = text.size();
        const std::string step = trim(text.substr(start, end - start));
        start                  = end + 1;
        if (step.empty())
          continue; // e.g. after a trailing ';'
        if (first_word(step) == "repeat")
          parse_repeat(step, protocol);
        else
          protocol.steps.push_back(parse_simple_step(step, nullptr));
      }
    if (protocol.steps.empty())
      throw InputError("the cycling protocol is empty", any_step_hint);
    return protocol;
  }
} // namespace ssbcell
