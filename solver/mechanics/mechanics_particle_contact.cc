// MechanicsCoupling::contact_per_particle: the contact statistics of every
// particle a mesh generator drew (docs/mechanics.md, "Contact per particle").

#include <deal.II/base/mpi.h>

#include <meshes/ids.h>
#include <meshes/ionic_network.h>
#include <solver/mechanics/contact_angle_bin.h>
#include <solver/mechanics/mechanics_coupling.h>

#include <cmath>
#include <limits>

namespace ssbcell
{
  using namespace dealii;

  template <int dim>
  std::vector<typename MechanicsCoupling<dim>::ParticleContact>
  MechanicsCoupling<dim>::contact_per_particle(
    const std::vector<DrawnParticle> &particles) const
  {
    const unsigned int n = particles.size();
    // Per particle: area, a_c area, both per angle bin, and the a_c area
    // whose ionic neighbour is joined to the anode; summed at once.
    constexpr unsigned int stride = 9;
    std::vector<double>    sums(stride * n, 0.);
    // Powder below its percolation threshold carries no current.
    const Vector<double> porosity = cell_porosity();
    using TriaCell                = typename Triangulation<dim>::active_cell_iterator;
    std::function<bool(const TriaCell &)> conducts;
    if (compaction && effective_conductivity)
      conducts = [&](const TriaCell &c) {
        return c->material_id() != material_id::electrolyte ||
               effective_conductivity->factor(1. - porosity(c->active_cell_index())) > 0.;
      };
    const auto reached =
      cells_reached_from_anode(cell_model.get_dof_handler().get_triangulation(), conducts);
    // Whether the ionic cell across face f of c is joined to the anode (any
    // of them, across a hanging face).
    const auto face_reached = [&](const CellIterator &c, unsigned int f) {
      const auto neighbour = c->neighbor(f);
      if (neighbour->is_active())
        return bool(reached[neighbour->active_cell_index()]);
      if constexpr (dim > 1)
        for (unsigned int sub = 0; sub < c->face(f)->n_children(); ++sub)
          if (reached[c->neighbor_child_on_subface(f, sub)->active_cell_index()])
            return true;
      return false;
    };
    const auto nearest = [&](const Point<dim> &x) {
      unsigned int best = 0;
      double       gap  = HUGE_VAL;
      for (unsigned int k = 0; k < n; ++k)
        {
          double d2 = 0.;
          for (unsigned int i = 0; i < dim; ++i)
            d2 += std::pow(x[i] - particles[k].centre[i], 2);
          if (const double g = std::abs(std::sqrt(d2) - particles[k].radius); g < gap)
            {
              gap  = g;
              best = k;
            }
        }
      return best;
    };
    // One lookup per face: every point of a face lies on the same particle.
    CellIterator last_cell;
    unsigned int last_face = numbers::invalid_unsigned_int, owner = 0;
    bool         joined = false;
    for_each_surface_point([&](const CellIterator &c, unsigned int f, unsigned int q, double w,
                               const Tensor<1, dim> &normal) {
      if (last_face != f || last_cell != c)
        {
          owner     = nearest(c->face(f)->center());
          joined    = face_reached(c, f);
          last_cell = c;
          last_face = f;
        }
      const unsigned int bin = contact_angle_bin(normal);
      const double       a   = field(c, f, q).contact_fraction;
      double            *s   = &sums[stride * owner];
      s[0] += w;
      s[1] += a * w;
      s[2 + 2 * bin] += w;
      s[3 + 2 * bin] += a * w;
      if (joined)
        s[8] += a * w;
    });
    Utilities::MPI::sum(sums,
                        cell_model.get_dof_handler().get_triangulation().get_communicator(),
                        sums);
    std::vector<ParticleContact> result(n);
    const double                 none = std::numeric_limits<double>::quiet_NaN();
    for (unsigned int k = 0; k < n; ++k)
      {
        const double *s        = &sums[stride * k];
        result[k].area         = s[0];
        result[k].mean         = s[0] > 0. ? s[1] / s[0] : none;
        result[k].reached_mean = s[0] > 0. ? s[8] / s[0] : none;
        for (unsigned int b = 0; b < 3; ++b)
          {
            result[k].bin_area[b] = s[2 + 2 * b];
            result[k].bin_mean[b] = s[2 + 2 * b] > 0. ? s[3 + 2 * b] / s[2 + 2 * b] : none;
          }
      }
    return result;
  }

  template std::vector<MechanicsCoupling<1>::ParticleContact>
  MechanicsCoupling<1>::contact_per_particle(const std::vector<DrawnParticle> &) const;
  template std::vector<MechanicsCoupling<2>::ParticleContact>
  MechanicsCoupling<2>::contact_per_particle(const std::vector<DrawnParticle> &) const;
  template std::vector<MechanicsCoupling<3>::ParticleContact>
  MechanicsCoupling<3>::contact_per_particle(const std::vector<DrawnParticle> &) const;
} // namespace ssbcell
