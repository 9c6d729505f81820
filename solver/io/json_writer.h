#pragma once
// A small JSON builder: objects and arrays written in order, strings escaped,
// non-finite numbers written as null (JSON has no NaN).

#include <sstream>
#include <string>
#include <vector>

namespace ssbcell
{
  class JsonWriter
  {
  public:
    JsonWriter &
    begin_object(const std::string &key = "");
    JsonWriter &
    end_object();
    JsonWriter &
    begin_array(const std::string &key = "");
    JsonWriter &
    end_array();
    JsonWriter &
    value(const std::string &key, double v);
    JsonWriter &
    value(const std::string &key, long long v);
    JsonWriter &
    value(const std::string &key, unsigned int v)
    {
      return value(key, static_cast<long long>(v));
    }
    JsonWriter &
    value(const std::string &key, int v)
    {
      return value(key, static_cast<long long>(v));
    }
    JsonWriter &
    value(const std::string &key, bool v);
    JsonWriter &
    value(const std::string &key, const std::string &v);
    JsonWriter &
    value(const std::string &key, const char *v)
    {
      return value(key, std::string(v));
    }
    JsonWriter &
    null(const std::string &key);

    std::string
    str() const
    {
      return out.str() + "\n";
    }

    static std::string
    escape(const std::string &s);

  private:
    void
    prefix(const std::string &key);
    JsonWriter                    &
    close(char bracket);
    std::ostringstream out;
    std::vector<bool>  first_in_level{true};
  };
} // namespace ssbcell
