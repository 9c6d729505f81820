#pragma once
// impedance.csv (docs/outputs.md): the spectrum of one impedance step, one
// row per frequency, Z = -dV/dI per m^2 of cell area and for the cell's
// electrode area. Written by rank 0.

#include <complex>
#include <string>
#include <vector>

namespace ssbcell
{
  void
  write_impedance_csv(const std::string                       &file,
                      const std::vector<double>               &frequencies,
                      const std::vector<std::complex<double>> &z,
                      double                                   area_m2);
} // namespace ssbcell
