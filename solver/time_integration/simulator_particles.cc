// Simulator::particle_rows and particle_diagnostics: the contact of every
// particle the mesh generator drew (particles.csv, docs/outputs.md), and what
// summary.json says about them.

#include <meshes/sphere_packing.h>
#include <solver/time_integration/simulator.h>

#include <cmath>

namespace ssbcell
{
  template <int dim>
  std::vector<ParticleRow>
  Simulator<dim>::particle_rows() const
  {
    if (dim == 1 || !mechanics)
      return {};
    const auto drawn = par.template mesh_generator<dim>().drawn_particles();
    if (drawn.empty())
      return {};
    const auto               contact = mechanics->contact_per_particle(drawn);
    std::vector<ParticleRow> rows(drawn.size());
    for (std::size_t k = 0; k < drawn.size(); ++k)
      {
        ParticleRow &r     = rows[k];
        r.centre           = drawn[k].centre;
        r.radius           = drawn[k].radius;
        r.volume           = ball_volume(r.radius, dim);
        r.surface          = contact[k].area;
        r.contact_mean     = contact[k].mean;
        r.contact_by_angle = contact[k].bin_mean;
        r.contact_reached  = contact[k].reached_mean;
        // No electrolyte joined to the anode touches it (or the mesh has no
        // reacting face on it): its Li is out of reach. Contact laws floor
        // a_c at exactly 0, so the threshold only guards against round-off.
        r.inactive = !(contact[k].area > 0.) || !(contact[k].reached_mean > 1e-12);
      }
    return rows;
  }

  template <int dim>
  void
  Simulator<dim>::particle_diagnostics(const std::vector<ParticleRow>              &rows,
                                       std::vector<std::pair<std::string, double>> &d) const
  {
    if (rows.empty())
      return;
    double volume = 0., inactive = 0., lowest = HUGE_VAL, highest = 0., sum = 0., sum2 = 0.;
    unsigned int n = 0;
    for (const auto &r : rows)
      {
        volume += r.volume;
        if (r.inactive)
          inactive += r.volume;
        if (r.surface > 0.)
          {
            lowest  = std::min(lowest, r.contact_mean);
            highest = std::max(highest, r.contact_mean);
            sum += r.contact_mean;
            sum2 += r.contact_mean * r.contact_mean;
            ++n;
          }
      }
    d.emplace_back("particles_drawn", double(rows.size()));
    d.emplace_back("inactive_active_material_fraction", inactive / volume);
    if (n > 0)
      {
        const double mean = sum / n;
        d.emplace_back("contact_fraction_particle_min", lowest);
        d.emplace_back("contact_fraction_particle_max", highest);
        d.emplace_back("contact_fraction_particle_std",
                       std::sqrt(std::max(0., sum2 / n - mean * mean)));
      }
  }

  template std::vector<ParticleRow>
  Simulator<1>::particle_rows() const;
  template std::vector<ParticleRow>
  Simulator<2>::particle_rows() const;
  template std::vector<ParticleRow>
  Simulator<3>::particle_rows() const;
  template void
  Simulator<1>::particle_diagnostics(const std::vector<ParticleRow> &,
                                     std::vector<std::pair<std::string, double>> &) const;
  template void
  Simulator<2>::particle_diagnostics(const std::vector<ParticleRow> &,
                                     std::vector<std::pair<std::string, double>> &) const;
  template void
  Simulator<3>::particle_diagnostics(const std::vector<ParticleRow> &,
                                     std::vector<std::pair<std::string, double>> &) const;
} // namespace ssbcell
