#pragma once
// Physical constants (CODATA 2018), SI units.

namespace ssbcell::constants
{
  constexpr double faraday   = 96485.33212; // C/mol
  constexpr double gas       = 8.314462618; // J/(mol K)
  constexpr double mAh_per_C = 1. / 3.6;    // 1 mAh = 3.6 C
} // namespace ssbcell::constants
