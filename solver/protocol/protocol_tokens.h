#pragma once
// The tokens of a protocol step (solver/protocol/protocol.cc): words
// (lower-cased, with the raw text kept for messages and for units whose case
// matters, mHz against MHz), numbers, '/', ':' and ','. Internal to the
// parser.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace ssbcell::protocol_text
{
  enum class TokenType
  {
    word,
    number,
    slash,
    colon,
    comma,
    end
  };

  struct Token
  {
    TokenType   type = TokenType::end;
    std::string word;       // lower-cased, for words
    double      value = 0.; // for numbers
    std::string raw;        // as written, for messages
    std::size_t offset = 0; // position in the step text
  };

  inline bool
  is_volt(const Token &t)
  {
    return t.type == TokenType::word &&
           (t.word == "v" || t.word == "volt" || t.word == "volts");
  }

  // Reports a malformed step: (what, hint); does not return.
  using FailFunction = std::function<void(const std::string &, const std::string &)>;

  // The tokens of `text`, ended by one of type end at its length.
  std::vector<Token>
  tokenize(const std::string &text, const FailFunction &fail);
} // namespace ssbcell::protocol_text
