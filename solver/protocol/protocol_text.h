#pragma once
// ASCII text helpers of the protocol parser (solver/protocol/protocol.cc):
// character classes, trimming, printable quoting and the leading keyword.
// Internal to the parser; the grammar itself lives in protocol.cc.

#include <cstdio>
#include <string>

namespace ssbcell::protocol_text
{
  // ASCII-only classification: the input may hold arbitrary bytes, and
  // <cctype> on negative chars is undefined behaviour.
  inline bool
  is_space(const char c)
  {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
  inline bool
  is_digit(const char c)
  {
    return c >= '0' && c <= '9';
  }
  inline bool
  is_upper(const char c)
  {
    return c >= 'A' && c <= 'Z';
  }
  inline bool
  is_alpha(const char c)
  {
    return is_upper(c) || (c >= 'a' && c <= 'z');
  }
  // Words may hold digits and '^' for "m2" and "m^2".
  inline bool
  is_word_char(const char c)
  {
    return is_alpha(c) || is_digit(c) || c == '^';
  }
  inline char
  to_lower(const char c)
  {
    return is_upper(c) ? char(c - 'A' + 'a') : c;
  }

  inline std::string
  trim(const std::string &s)
  {
    std::size_t begin = 0, end = s.size();
    while (begin < end && is_space(s[begin]))
      ++begin;
    while (end > begin && is_space(s[end - 1]))
      --end;
    return s.substr(begin, end - begin);
  }

  // Makes user text safe to print: control and non-ASCII bytes as \xNN.
  inline std::string
  printable(const std::string &s)
  {
    std::string out;
    char        buf[8];
    for (const char c : s)
      if (c >= 0x20 && c < 0x7f)
        out += c;
      else if (std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c)) > 0)
        out += buf;
    return out;
  }

  // The leading keyword, lower-cased, delimited as the tokenizer does.
  inline std::string
  first_word(const std::string &text)
  {
    std::string word;
    if (text.empty() || !is_alpha(text[0]))
      return word;
    for (std::size_t i = 0; i < text.size() && is_word_char(text[i]); ++i)
      word += to_lower(text[i]);
    return word;
  }
} // namespace ssbcell::protocol_text
