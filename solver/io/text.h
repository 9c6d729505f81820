#pragma once
// Small text helpers shared by the readers of parameter files and sweeps.

#include <string>

namespace ssbcell
{
  // s without leading and trailing blanks (spaces, tabs, CR, LF).
  inline std::string
  trim(const std::string &s)
  {
    const auto begin = s.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos)
      return "";
    return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
  }
} // namespace ssbcell
