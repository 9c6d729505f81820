#include <solver/io/particles_file.h>

#include <fstream>
#include <iostream>

namespace ssbcell
{
  void
  write_particles_csv(const std::string &file, const std::vector<ParticleRow> &rows)
  {
    std::ofstream out(file);
    out.precision(15);
    out << "particle,x_m,y_m,z_m,radius_m,volume_m3,surface_m2,contact_fraction_mean,"
           "contact_fraction_0_30_deg,contact_fraction_30_60_deg,contact_fraction_60_90_deg,"
           "contact_fraction_ionic_path,inactive\n";
    for (std::size_t k = 0; k < rows.size(); ++k)
      {
        const ParticleRow &r = rows[k];
        out << k + 1 << ',' << r.centre[0] << ',' << r.centre[1] << ',' << r.centre[2] << ','
            << r.radius << ',' << r.volume << ',' << r.surface << ',' << r.contact_mean;
        for (const double a : r.contact_by_angle)
          out << ',' << a;
        out << ',' << r.contact_reached << ',' << (r.inactive ? 1 : 0) << '\n';
      }
    // Like summary.json: a failed write is reported, not thrown (rank 0
    // alone writes, and the other ranks wait for it).
    if (!out)
      std::cerr << "ssbcell: warning: cannot write " << file << '\n';
  }
} // namespace ssbcell
