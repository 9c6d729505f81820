#include <meshes/sphere_packing.h>
#include <physics/input_error.h>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <random>
#include <sstream>

namespace ssbcell
{
  namespace
  {
    constexpr double pi = 3.14159265358979323846;

    // The standard distributions are implementation-defined; these
    // transformations of the raw 32-bit mt19937 output are not, so a seed
    // gives the same packing with every standard library.
    class Random
    {
    public:
      explicit Random(unsigned int seed)
        : engine(seed)
      {
      }

      // In (0, 1): never 0, so log() below is finite.
      double
      uniform()
      {
        return (double(engine()) + 0.5) / 4294967296.;
      }

      double
      uniform(double a, double b)
      {
        return a + (b - a) * uniform();
      }

      // Box-Muller; one of the pair is enough here.
      double
      normal()
      {
        const double u1 = uniform(), u2 = uniform();
        return std::sqrt(-2. * std::log(u1)) * std::cos(2. * pi * u2);
      }

    private:
      std::mt19937 engine;
    };

    // Log-normal with the given mean and relative standard deviation,
    // truncated to [0.5, 1.5] x mean by rejection.
    double
    draw_radius(Random &random, double mean, double spread)
    {
      if (spread == 0.)
        return mean;
      const double s2 = std::log(1. + spread * spread);
      const double mu = std::log(mean) - 0.5 * s2;
      while (true)
        {
          const double r = std::exp(mu + std::sqrt(s2) * random.normal());
          if (r >= 0.5 * mean && r <= 1.5 * mean)
            return r;
        }
    }

    std::string
    format(double x)
    {
      std::ostringstream s;
      s << std::setprecision(3) << x;
      return s.str();
    }

    class Packer
    {
    public:
      Packer(const PackingParameters &p)
        : p(p)
        , random(p.seed)
      {
        packing.layer_volume = std::pow(p.box_width, p.dim - 1) * p.composite_thickness;
      }

      // Adds spheres until the next one would overshoot the target by more
      // than half its volume. The radii are drawn in batches that would
      // just reach the target, each placed largest first (they find room
      // while the box is still empty). A sphere that finds no room is
      // dropped, and later batches replace its volume; near jamming the
      // placed sizes lean towards the small ones. Returns false after
      // max_failures dropped spheres.
      bool
      fill(SphereKind kind, double target_fraction, double mean, double spread)
      {
        const double target = target_fraction * packing.layer_volume;
        if (!(target > 0.))
          return true;
        double       total    = 0.;
        unsigned int failures = 0;
        while (true)
          {
            std::vector<double> batch;
            for (double pending = total;;)
              {
                const double r = draw_radius(random, mean, spread);
                const double v = ball_volume(r, p.dim);
                if (pending + 0.5 * v > target)
                  break;
                batch.push_back(r);
                pending += v;
              }
            if (batch.empty())
              return true;
            std::sort(batch.begin(), batch.end(), std::greater<double>());
            for (const double r : batch)
              if (place(r, kind))
                total += ball_volume(r, p.dim);
              else if (++failures > p.max_failures)
                return false;
          }
      }

      // Returns false if no free position was found.
      bool
      place(double r, SphereKind kind)
      {
        const double margin = r * (1. + p.min_gap);
        const double z0     = p.separator_thickness;
        for (unsigned int attempt = 0; attempt < p.max_attempts; ++attempt)
          {
            Sphere s{{{0., 0., 0.}}, r, kind};
            for (unsigned int k = 0; k + 1 < p.dim; ++k)
              s.centre[k] = random.uniform(margin, p.box_width - margin);
            s.centre[p.dim - 1] =
              random.uniform(z0 + margin, z0 + p.composite_thickness - margin);
            if (is_free(s))
              {
                packing.spheres.push_back(s);
                (kind == SphereKind::active_material ? packing.active_fraction :
                 kind == SphereKind::void_region     ? packing.void_fraction :
                                                       packing.carbon_fraction) +=
                  ball_volume(r, p.dim) / packing.layer_volume;
                return true;
              }
          }
        return false;
      }

      SpherePacking packing;

    private:
      bool
      is_free(const Sphere &s) const
      {
        for (const Sphere &o : packing.spheres)
          {
            const double min_distance = (s.radius + o.radius) * (1. + 0.5 * p.min_gap);
            double       d2           = 0.;
            for (unsigned int k = 0; k < 3; ++k)
              d2 += (s.centre[k] - o.centre[k]) * (s.centre[k] - o.centre[k]);
            if (d2 < min_distance * min_distance)
              return false;
          }
        return true;
      }

      const PackingParameters &p;
      Random                   random;
    };

    void
    check_fits(const PackingParameters &p, double largest_radius, const std::string &what)
    {
      const double needed = 2. * largest_radius * (1. + p.min_gap);
      if (needed > p.composite_thickness)
        throw InputError("the composite layer is too thin for the " + what,
                         "Composite thickness [m] must be at least " + format(needed) +
                           " (2 x largest radius x (1 + gap))",
                         "", 0, p.parameter_section + "/Composite thickness [m]");
      if (needed > p.box_width)
        throw InputError("the box is too narrow for the " + what,
                         "Box width [m] must be at least " + format(needed) +
                           " (2 x largest radius x (1 + gap))",
                         "", 0, p.parameter_section + "/Box width [m]");
    }
  } // namespace

  double
  ball_volume(double radius, unsigned int dim)
  {
    return dim == 2 ? pi * radius * radius : 4. / 3. * pi * radius * radius * radius;
  }

  SpherePacking
  pack_spheres(const PackingParameters &p)
  {
    const double largest = p.radius_spread > 0. ? 1.5 * p.mean_radius : p.mean_radius;
    check_fits(p, largest, "particles");
    if (p.void_fraction > 0.)
      check_fits(p, p.void_radius, "voids");
    if (p.carbon_fraction > 0.)
      check_fits(p, p.carbon_radius, "carbon");

    Packer     packer(p);
    const auto fail = [&](const std::string &what, double reached, double target,
                          const std::string &name) {
      throw InputError("random packing reached " + what + " volume fraction " +
                         format(reached) + " of the target " + format(target) + " (" +
                         std::to_string(p.max_failures) + " spheres found no room in " +
                         std::to_string(p.max_attempts) + " attempts each)",
                       "lower the fraction, or enlarge the box relative to the "
                       "spheres (random sequential addition jams at about 0.3-0.4)",
                       "", 0, p.parameter_section + "/" + name);
    };
    // Voids, then carbon, come after the particles, so that they do not
    // change the particle packing of a seed.
    if (!packer.fill(SphereKind::active_material, p.active_fraction, p.mean_radius,
                     p.radius_spread))
      fail("an active-material", packer.packing.active_fraction, p.active_fraction,
           "Active material volume fraction");
    if (!packer.fill(SphereKind::void_region, p.void_fraction, p.void_radius, 0.))
      fail("a void", packer.packing.void_fraction, p.void_fraction, "Void volume fraction");
    if (!packer.fill(SphereKind::carbon, p.carbon_fraction, p.carbon_radius, 0.))
      fail("a carbon", packer.packing.carbon_fraction, p.carbon_fraction,
           "Carbon volume fraction");
    return packer.packing;
  }

  void
  write_packing_csv(const SpherePacking &packing, std::ostream &out)
  {
    out << "x_m,y_m,z_m,radius_m,kind\n" << std::setprecision(12);
    for (const Sphere &s : packing.spheres)
      out << s.centre[0] << ',' << s.centre[1] << ',' << s.centre[2] << ',' << s.radius << ','
          << (s.kind == SphereKind::active_material ? "active material" :
              s.kind == SphereKind::void_region     ? "void" :
                                                      "carbon")
          << '\n';
  }
} // namespace ssbcell
