#include <solver/io/json_writer.h>

#include <cmath>
#include <cstdio>
#include <iomanip>
#include <limits>

namespace ssbcell
{
  std::string
  JsonWriter::escape(const std::string &s)
  {
    std::string r = "\"";
    for (const unsigned char ch : s)
      switch (ch)
        {
          case '"':
            r += "\\\"";
            break;
          case '\\':
            r += "\\\\";
            break;
          case '\n':
            r += "\\n";
            break;
          case '\t':
            r += "\\t";
            break;
          default:
            if (ch < 0x20)
              {
                char buf[8];
                std::snprintf(buf, sizeof(buf), "\\u%04x", ch);
                r += buf;
              }
            else
              r += static_cast<char>(ch);
        }
    return r + "\"";
  }

  void
  JsonWriter::prefix(const std::string &key)
  {
    if (!first_in_level.back())
      out << ",";
    first_in_level.back() = false;
    out << "\n" << std::string(2 * (first_in_level.size() - 1), ' ');
    if (!key.empty())
      out << escape(key) << ": ";
  }

  JsonWriter &
  JsonWriter::begin_object(const std::string &key)
  {
    if (first_in_level.size() > 1 || !key.empty())
      prefix(key);
    else
      first_in_level.back() = false;
    out << "{";
    first_in_level.push_back(true);
    return *this;
  }

  JsonWriter &
  JsonWriter::close(char bracket)
  {
    first_in_level.pop_back();
    out << "\n" << std::string(2 * (first_in_level.size() - 1), ' ') << bracket;
    return *this;
  }

  JsonWriter &
  JsonWriter::end_object()
  {
    return close('}');
  }

  JsonWriter &
  JsonWriter::begin_array(const std::string &key)
  {
    prefix(key);
    out << "[";
    first_in_level.push_back(true);
    return *this;
  }

  JsonWriter &
  JsonWriter::end_array()
  {
    return close(']');
  }

  JsonWriter &
  JsonWriter::value(const std::string &key, double v)
  {
    prefix(key);
    if (std::isfinite(v))
      out << std::setprecision(std::numeric_limits<double>::max_digits10) << v;
    else
      out << "null";
    return *this;
  }

  JsonWriter &
  JsonWriter::value(const std::string &key, long long v)
  {
    prefix(key);
    out << v;
    return *this;
  }

  JsonWriter &
  JsonWriter::value(const std::string &key, bool v)
  {
    prefix(key);
    out << (v ? "true" : "false");
    return *this;
  }

  JsonWriter &
  JsonWriter::value(const std::string &key, const std::string &v)
  {
    prefix(key);
    out << escape(v);
    return *this;
  }

  JsonWriter &
  JsonWriter::null(const std::string &key)
  {
    prefix(key);
    out << "null";
    return *this;
  }
} // namespace ssbcell
