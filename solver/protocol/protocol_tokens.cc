#include <solver/protocol/protocol_text.h>
#include <solver/protocol/protocol_tokens.h>

#include <locale>
#include <sstream>

namespace ssbcell::protocol_text
{
  std::vector<Token>
  tokenize(const std::string &text, const FailFunction &fail)
  {
    std::vector<Token> tokens;
    const std::size_t  n        = text.size();
    const auto         digit_at = [&](std::size_t k) { return k < n && is_digit(text[k]); };
    for (std::size_t i = 0; i < n;)
      {
        const char c = text[i];
        if (is_space(c))
          {
            ++i;
            continue;
          }
        Token t;
        t.offset                   = i;
        std::size_t       j        = i + 1;
        const std::size_t mantissa = (c == '-' || c == '+') ? i + 1 : i;
        if (digit_at(mantissa) ||
            (mantissa < n && text[mantissa] == '.' && digit_at(mantissa + 1)))
          {
            // C-style floating number; an 'e' is an exponent only when
            // digits follow, so "2e" does not swallow a word.
            j = mantissa;
            while (j < n && (is_digit(text[j]) || text[j] == '.'))
              ++j;
            if (j < n && (text[j] == 'e' || text[j] == 'E'))
              {
                std::size_t k = j + 1;
                if (k < n && (text[k] == '-' || text[k] == '+'))
                  ++k;
                if (digit_at(k))
                  for (j = k; digit_at(j);)
                    ++j;
              }
            t.type = TokenType::number;
            t.raw  = text.substr(i, j - i);
            if (j < n && text[j] == ',' && digit_at(j + 1))
              fail("decimal comma in '" + text.substr(i, j + 2 - i) + "'",
                   "use '.' as the decimal point, e.g. 0.1C");
            // Classic locale: the decimal point must not depend on LANG.
            std::istringstream in(t.raw);
            in.imbue(std::locale::classic());
            in >> t.value;
            if (in.fail() || in.peek() != std::char_traits<char>::eof())
              fail("invalid or out-of-range number '" + t.raw + "'", "");
          }
        else if (is_alpha(c))
          {
            while (j < n && is_word_char(text[j]))
              ++j;
            t.type = TokenType::word;
            t.raw  = text.substr(i, j - i);
            for (const char ch : t.raw)
              t.word += to_lower(ch);
          }
        else if (c == '/' || c == ':' || c == ',')
          {
            t.type = c == '/' ? TokenType::slash :
                     c == ':' ? TokenType::colon :
                                TokenType::comma;
            t.raw  = std::string(1, c);
          }
        else
          fail("unexpected character '" + printable(std::string(1, c)) + "'", "");
        tokens.push_back(t);
        i = j;
      }
    Token end;
    end.offset = n;
    tokens.push_back(end);
    return tokens;
  }
} // namespace ssbcell::protocol_text
