#pragma once
// particles.csv (docs/outputs.md): one row per particle that the mesh
// generator drew, with its contact with the electrolyte at the end of the
// run. Written by rank 0.

#include <array>
#include <string>
#include <vector>

namespace ssbcell
{
  struct ParticleRow
  {
    std::array<double, 3> centre{};
    double                radius = 0., volume = 0., surface = 0.;
    double                contact_mean = 0.;
    std::array<double, 3> contact_by_angle{}; // 0-30, 30-60, 60-90 degrees; NaN: no area
    // a_c over the whole surface, counting only faces whose electrolyte is
    // joined to the anode.
    double contact_reached = 0.;
    bool   inactive        = false;
  };

  void
  write_particles_csv(const std::string &file, const std::vector<ParticleRow> &rows);
} // namespace ssbcell
