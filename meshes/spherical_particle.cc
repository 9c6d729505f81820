// 1D particle mesh: active material [0, R], coating [R, R + L], optional
// solid-electrolyte shell. The active-material cells grow geometrically
// towards the centre, so the steep surface gradients and a nanometre coating
// are resolved with few cells. With `Coordinate system = cartesian` the same
// mesh is a slab of half-thickness R.
//
// A population of particle classes is one such piece per class. The pieces
// do not share vertices, so each starts at r = 0 and the radial coordinate
// (and with it the spherical volume weight) stays the physical one; the cell
// model joins their outer ends to one lumped electrolyte node.

#include <deal.II/grid/grid_generator.h>

#include <meshes/ids.h>
#include <meshes/mesh_generator.h>
#include <physics/parameter_checks.h>

#include <deal.II/base/utilities.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ssbcell
{
  namespace
  {
    template <int dim>
    class SphericalParticle : public MeshGenerator<dim>
    {
    public:
      static void
      declare_parameters(dealii::ParameterHandler &prm)
      {
        namespace Patterns = dealii::Patterns;
        prm.enter_subsection("Spherical particle");
        prm.declare_entry("Cells in active material", "40", Patterns::Integer(1, 100000),
                          "Number of cells across the particle radius.");
        prm.declare_entry("Grading ratio", "4", Patterns::Double(),
                          "Size of the centre cell divided by the size of the "
                          "surface cell (>= 1; 1 = uniform).");
        prm.declare_entry("Cells in coating", "4", Patterns::Integer(1, 10000),
                          "Number of (uniform) cells across the coating.");
        prm.declare_entry("Electrolyte shell thickness [m]", "0", Patterns::Double(),
                          "Thickness of a solid-electrolyte shell around the "
                          "coated particle [m]; 0 = none.");
        prm.declare_entry("Cells in electrolyte shell", "8", Patterns::Integer(1, 100000),
                          "Number of (uniform) cells across the electrolyte shell.");
        prm.declare_entry("Particle class radii [m]", "", Patterns::Anything(),
                          "Comma-separated radii of a population of particle "
                          "classes that share the electrode potential; empty: "
                          "one particle of Geometry/Particle radius.");
        prm.declare_entry("Particle class volume fractions", "", Patterns::Anything(),
                          "Fraction of the active-material volume in each class "
                          "(sum 1); empty: equal fractions.");
        prm.declare_entry("Particle class contact fractions", "", Patterns::Anything(),
                          "Fraction of each class's surface in contact with the "
                          "coating/electrolyte (0 < a_c <= 1, multiplies its "
                          "Butler-Volmer current); empty: 1.");
        prm.declare_entry("Contact classes", "0", Patterns::Integer(0, 1000),
                          "> 0: instead of the lists above, this many classes of "
                          "particles of Geometry/Particle radius (or of each size "
                          "class) and equal volume, whose contact fractions are the "
                          "quantiles (k + 1/2)/n of a log-normal distribution (median "
                          "and spread below), capped at 1.");
        prm.declare_entry("Contact fraction median", "0.1", Patterns::Double(),
                          "Median of the log-normal contact fractions, in (0, 1].");
        prm.declare_entry("Contact fraction spread [decades]", "1", Patterns::Double(),
                          "Standard deviation of log10 of the contact fractions, >= 0.");
        prm.declare_entry("Size classes", "0", Patterns::Integer(0, 1000),
                          "> 0: instead of the lists above, particles whose radii are "
                          "the quantiles (k + 1/2)/n of a log-normal distribution by "
                          "volume (median Geometry/Particle radius, spread below), each "
                          "class holding 1/n of the active material. With 'Contact "
                          "classes' > 0 every size class is split into the contact "
                          "classes (n_size x n_contact classes of equal volume).");
        prm.declare_entry("Particle radius spread [decades]", "0.16", Patterns::Double(),
                          "Standard deviation of log10 of the volume-weighted particle "
                          "radii, >= 0. 0.16 is a laser-diffraction span (D90 - D10)/D50 "
                          "of 1, typical of cathode powders.");
        prm.leave_subsection();
      }

      void
      parse_parameters(dealii::ParameterHandler &prm,
                       const GeometryParameters &geometry) override
      {
        const std::string section = "Geometry/Spherical particle";
        radius                    = geometry.particle_radius;
        coating_thickness         = geometry.coating_thickness;
        prm.enter_subsection("Spherical particle");
        cells_am    = prm.get_integer("Cells in active material");
        grading     = get_checked(prm, section, "Grading ratio", 1., 1e6);
        cells_coat  = prm.get_integer("Cells in coating");
        shell       = get_checked(prm, section, "Electrolyte shell thickness [m]", 0., 1.);
        cells_shell = prm.get_integer("Cells in electrolyte shell");
        auto       radii     = read_list(prm, section, "Particle class radii [m]");
        const auto fractions = read_list(prm, section, "Particle class volume fractions");
        auto       contacts  = read_list(prm, section, "Particle class contact fractions");
        const unsigned int n_contact_classes = prm.get_integer("Contact classes");
        const double       median =
          get_checked(prm, section, "Contact fraction median", 0., 1., true);
        const double spread =
          get_checked(prm, section, "Contact fraction spread [decades]", 0., 10.);
        const unsigned int n_size_classes = prm.get_integer("Size classes");
        const double       radius_spread =
          get_checked(prm, section, "Particle radius spread [decades]", 0., 2.);
        prm.leave_subsection();
        if (n_contact_classes > 0 || n_size_classes > 0)
          {
            const std::string which =
              n_contact_classes > 0 ? "Contact classes" : "Size classes";
            if (!radii.empty() || !fractions.empty() || !contacts.empty())
              throw InputError("both '" + which +
                                 "' and explicit particle class lists "
                                 "are set",
                               "give one or the other", "", 0, section + "/" + which);
            const std::vector<double> size_radii =
              n_size_classes > 0 ?
                log_normal_quantiles(n_size_classes, radius, radius_spread) :
                std::vector<double>{radius};
            const std::vector<double> class_contacts =
              n_contact_classes > 0 ? log_normal_quantiles(n_contact_classes, median, spread) :
                                      std::vector<double>{1.};
            for (const double R : size_radii)
              for (const double a : class_contacts)
                {
                  radii.push_back(R);
                  contacts.push_back(std::min(1., a)); // a fraction of the surface
                }
          }
        read_classes(section, radii, fractions, contacts);
      }

      std::vector<ParticleClass>
      particle_classes() const override
      {
        return classes;
      }

      void
      create_coarse_mesh(dealii::Triangulation<dim> &tria) const override
      {
        if constexpr (dim != 1)
          {
            (void)tria;
            throw InputError("mesh generator 'spherical particle' is one-"
                             "dimensional",
                             "set Geometry/Dimension = 1 or "
                             "choose 'particle in box'",
                             "", 0, "Geometry/Mesh generator");
          }
        else
          {
            // One piece per class, each with its own vertices.
            std::vector<dealii::Point<1>>    vertices;
            std::vector<dealii::CellData<1>> cells;
            for (const auto &particle : classes)
              {
                const double R = particle.radius;
                double       r = 0.;
                vertices.emplace_back(r);
                for (const double h : cell_sizes(R))
                  {
                    const double mid = r + 0.5 * h;
                    r += h;
                    vertices.emplace_back(r);
                    dealii::CellData<1> cell;
                    cell.vertices    = {static_cast<unsigned int>(vertices.size() - 2),
                                        static_cast<unsigned int>(vertices.size() - 1)};
                    cell.material_id = mid < R ? material_id::active_material :
                                       mid < R + coating_thickness ? material_id::coating :
                                                                     material_id::electrolyte;
                    cells.push_back(cell);
                  }
              }
            tria.create_triangulation(vertices, cells, dealii::SubCellData());
            for (const auto &cell : tria.active_cell_iterators())
              for (const unsigned int f : cell->face_indices())
                if (cell->face(f)->at_boundary())
                  cell->face(f)->set_boundary_id(f == 0 ? boundary_id::symmetry :
                                                          boundary_id::outer);
          }
      }

    private:
      // Cell sizes from the centre out for a particle of radius R: geometric
      // growth q per cell from the surface inwards, then coating and shell.
      std::vector<double>
      cell_sizes(double R) const
      {
        std::vector<double> steps;
        const double        q   = cells_am > 1 ? std::pow(grading, 1. / (cells_am - 1)) : 1.;
        double              sum = 0.;
        for (unsigned int i = 0; i < cells_am; ++i)
          sum += std::pow(q, i);
        for (unsigned int i = 0; i < cells_am; ++i) // centre first
          steps.push_back(R * std::pow(q, cells_am - 1 - i) / sum);
        if (coating_thickness > 0.)
          for (unsigned int i = 0; i < cells_coat; ++i)
            steps.push_back(coating_thickness / cells_coat);
        if (shell > 0.)
          for (unsigned int i = 0; i < cells_shell; ++i)
            steps.push_back(shell / cells_shell);
        return steps;
      }

      static std::vector<double>
      read_list(dealii::ParameterHandler &prm,
                const std::string        &section,
                const std::string        &name)
      {
        std::vector<double> values;
        for (const auto &entry : dealii::Utilities::split_string_list(prm.get(name), ','))
          {
            std::size_t used = 0;
            double      v    = 0.;
            try
              {
                v = std::stod(entry, &used);
              }
            catch (const std::exception &)
              {
                used = 0;
              }
            if (used != entry.size() || !std::isfinite(v))
              throw InputError("'" + section + "/" + name + "': '" + entry +
                                 "' is not a number",
                               "give a comma-separated list of numbers", "", 0,
                               section + "/" + name);
            values.push_back(v);
          }
        return values;
      }

      void
      read_classes(const std::string         &section,
                   const std::vector<double> &radii,
                   std::vector<double>        fractions,
                   std::vector<double>        contacts)
      {
        auto fail = [&](const std::string &name, const std::string &what,
                        const std::string &hint) {
          throw InputError("'" + section + "/" + name + "': " + what, hint, "", 0,
                           section + "/" + name);
        };
        const std::size_t n = radii.empty() ? 1 : radii.size();
        if (fractions.empty())
          fractions.assign(n, 1. / n);
        if (contacts.empty())
          contacts.assign(n, 1.);
        if (fractions.size() != n)
          fail("Particle class volume fractions", "needs one value per class",
               "give as many values as 'Particle class radii [m]'");
        if (contacts.size() != n)
          fail("Particle class contact fractions", "needs one value per class",
               "give as many values as 'Particle class radii [m]'");
        const double sum = std::accumulate(fractions.begin(), fractions.end(), 0.);
        for (const double w : fractions)
          if (!(w > 0.) || std::abs(sum - 1.) > 1e-6)
            fail("Particle class volume fractions", "values must be > 0 and sum to 1",
                 "the sum is " + std::to_string(sum));
        for (const double a : contacts)
          if (!(a > 0. && a <= 1.))
            fail("Particle class contact fractions", "values must be in (0, 1]", "");
        for (const double R : radii)
          if (!(R > 0. && R < 1.))
            fail("Particle class radii [m]", "radii must be in (0, 1) m", "");
        classes.clear();
        for (std::size_t k = 0; k < n; ++k)
          classes.push_back(
            {radii.empty() ? radius : radii[k], fractions[k] / sum, contacts[k]});
      }

      // The quantiles (k + 1/2)/n, k < n, of a log-normal distribution
      // with this median and standard deviation of log10.
      static std::vector<double>
      log_normal_quantiles(unsigned int n, double median, double decades)
      {
        std::vector<double> values;
        for (unsigned int k = 0; k < n; ++k)
          {
            // The standard normal quantile z of p, by bisection on erf.
            const double p  = (k + 0.5) / n;
            double       lo = -10., hi = 10.;
            for (unsigned int it = 0; it < 200; ++it)
              {
                const double z                                           = 0.5 * (lo + hi);
                (0.5 * (1. + std::erf(z / std::sqrt(2.))) < p ? lo : hi) = z;
              }
            values.push_back(median * std::pow(10., decades * 0.5 * (lo + hi)));
          }
        return values;
      }

      double                     radius = 0., coating_thickness = 0., grading = 1., shell = 0.;
      unsigned int               cells_am = 1, cells_coat = 1, cells_shell = 1;
      std::vector<ParticleClass> classes;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL_ALL_DIMS(ssbcell::MeshGenerator,
                                ssbcell::SphericalParticle,
                                "spherical particle",
                                "1D particle (or slab) with coating and "
                                "optional electrolyte shell; subsection "
                                "'Spherical particle'.")
