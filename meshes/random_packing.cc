// A composite cathode layer of randomly packed spherical particles (and
// optional voids and carbon) in solid electrolyte, above a separator layer (3D; circles
// in a rectangle in 2D). The packing (meshes/sphere_packing.h) is computed
// on every rank, which gives every rank the same input errors; rank 0 meshes
// it with Gmsh (meshes/packing_mesh.h) into a temporary file that all ranks
// then read. The sphere surfaces are meshed with flat faces: their area and
// volume errors are in docs/meshes.md.

#include <deal.II/base/mpi.h>
#include <deal.II/grid/grid_in.h>

#include <meshes/ids.h>
#include <meshes/mesh_generator.h>
#include <meshes/packing_mesh.h>
#include <meshes/sphere_packing.h>
#include <physics/parameter_checks.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace ssbcell
{
  namespace
  {
    const std::string section = "Geometry/Random packing";

    // Smallest Jacobian determinant at the vertices of a (bi/tri)linear
    // cell, for lexicographic vertex numbering: the edges leaving a vertex
    // point along +axis from the low side and -axis from the high side.
    template <int dim>
    double
    min_corner_jacobian(const typename dealii::Triangulation<dim>::cell_iterator &cell)
    {
      double smallest = HUGE_VAL;
      for (const unsigned int v : cell->vertex_indices())
        {
          dealii::Tensor<2, dim> J;
          for (unsigned int k = 0; k < dim; ++k)
            {
              const double sign = (v >> k) & 1 ? -1. : 1.;
              const auto   edge = cell->vertex(v ^ (1u << k)) - cell->vertex(v);
              for (unsigned int i = 0; i < dim; ++i)
                J[i][k] = sign * edge[i];
            }
          smallest = std::min(smallest, dealii::determinant(J));
        }
      return smallest;
    }

    template <int dim>
    class RandomPacking : public MeshGenerator<dim>
    {
    public:
      static void
      declare_parameters(dealii::ParameterHandler &prm)
      {
        namespace Patterns = dealii::Patterns;
        prm.enter_subsection("Random packing");
        prm.declare_entry("Box width [m]", "10e-6", Patterns::Double(),
                          "Lateral edge of the box (x and y; x only in 2D) [m].");
        prm.declare_entry("Composite thickness [m]", "10e-6", Patterns::Double(),
                          "Thickness of the composite layer that holds the "
                          "particles, along the pressing axis [m].");
        prm.declare_entry("Separator thickness [m]", "3e-6", Patterns::Double(),
                          "Thickness of the electrolyte layer between the anode "
                          "face (z = 0) and the composite layer [m]; 0 = none.");
        prm.declare_entry("Radius relative spread", "0.2", Patterns::Double(),
                          "Standard deviation over mean of the log-normal "
                          "particle radii, whose mean is Geometry/Particle "
                          "radius [m]; radii are truncated to 0.5-1.5 x mean. "
                          "0 = all equal.");
        prm.declare_entry("Active material volume fraction", "0.3", Patterns::Double(),
                          "Particle volume over composite-layer volume (area "
                          "fraction in 2D). Random sequential addition jams at "
                          "about 0.3-0.4.");
        prm.declare_entry("Void volume fraction", "0", Patterns::Double(),
                          "Void volume over composite-layer volume (material "
                          "id 4), as spheres in the electrolyte; 0 = none.");
        prm.declare_entry("Void radius [m]", "0.5e-6", Patterns::Double(),
                          "Radius of every void sphere [m].");
        prm.declare_entry("Carbon volume fraction", "0", Patterns::Double(),
                          "Volume of conductive carbon over composite-layer volume "
                          "(material id 5), as spheres (agglomerates) in the "
                          "electrolyte; 0 = none.");
        prm.declare_entry("Carbon radius [m]", "0.5e-6", Patterns::Double(),
                          "Radius of every carbon sphere [m].");
        prm.declare_entry("Minimum gap", "0.1", Patterns::Double(),
                          "Smallest distance between two sphere surfaces, over "
                          "their mean radius; also from a sphere to the faces "
                          "of the composite layer, over its radius. Keeps the "
                          "mesh free of slivers.");
        prm.declare_entry("Mesh size [m]", "1.5e-6", Patterns::Double(),
                          "Largest element size, reached away from the "
                          "particles [m]; a hexahedron is about half of it.");
        prm.declare_entry("Relative surface mesh size", "0.5", Patterns::Double(),
                          "Element size on a sphere surface over its radius "
                          "(the size grows away from it up to Mesh size). The "
                          "spheres are meshed with flat faces on a slightly "
                          "larger radius that keeps their volume: 0.5 gives "
                          "interface area and particle volume within about "
                          "1.5 %.");
        prm.declare_entry("Seed", "1", Patterns::Integer(0),
                          "Seed of the random packing; the same seed gives the "
                          "same packing on every platform.");
        prm.declare_entry("Packing file", "", Patterns::Anything(),
                          "If set, a CSV file of the spheres (centre, radius, "
                          "kind) is written here.");
        prm.leave_subsection();
      }

      void
      parse_parameters(dealii::ParameterHandler &prm,
                       const GeometryParameters &geometry) override
      {
        if (dim == 1 || geometry.coordinate_system != CoordinateSystem::cartesian)
          throw InputError("mesh generator 'random packing' needs Dimension = 3 "
                           "(or 2) and Coordinate system = cartesian",
                           "use 'particle in box' for one particle", "", 0,
                           "Geometry/Mesh generator");
        PackingParameters &p = packing;
        p.dim                = dim;
        p.mean_radius        = geometry.particle_radius;
        p.parameter_section  = section;
        prm.enter_subsection("Random packing");
        p.box_width           = get_positive(prm, section, "Box width [m]");
        p.composite_thickness = get_positive(prm, section, "Composite thickness [m]");
        p.separator_thickness =
          get_checked(prm, section, "Separator thickness [m]", 0., HUGE_VAL);
        p.radius_spread = get_checked(prm, section, "Radius relative spread", 0., 1.);
        p.active_fraction =
          get_checked(prm, section, "Active material volume fraction", 0., 0.7, true);
        p.void_fraction   = get_checked(prm, section, "Void volume fraction", 0., 0.5);
        p.void_radius     = get_positive(prm, section, "Void radius [m]");
        p.carbon_fraction = get_checked(prm, section, "Carbon volume fraction", 0., 0.5);
        p.carbon_radius   = get_positive(prm, section, "Carbon radius [m]");
        p.min_gap         = get_checked(prm, section, "Minimum gap", 0.01, 2., false,
                                        "the mesher needs a gap between surfaces");
        sizes.bulk        = get_positive(prm, section, "Mesh size [m]");
        sizes.relative_surface =
          get_checked(prm, section, "Relative surface mesh size", 0.05, 1.);
        p.seed       = prm.get_integer("Seed");
        packing_file = prm.get("Packing file");
        prm.leave_subsection();
      }

      void
      create_coarse_mesh(dealii::Triangulation<dim> &tria) const override
      {
        using namespace dealii;
        const MPI_Comm comm    = tria.get_communicator();
        const bool     root    = Utilities::MPI::this_mpi_process(comm) == 0;
        const auto     spheres = pack_spheres(packing);

        // A name no other process uses: rank 0's pid (and a count, for a
        // process that builds several meshes).
        static unsigned int count = 0;
        const std::string   file =
          (std::filesystem::temp_directory_path() /
           ("ssbcell-packing-" +
            std::to_string(Utilities::MPI::broadcast(comm, root ? ::getpid() : 0, 0)) + "-" +
            std::to_string(count++) + ".msh"))
            .string();

        // Rank 0's failures reach every rank: (message, parameter path).
        std::pair<std::string, std::string> error;
        if (root)
          {
            if (!packing_file.empty())
              {
                std::ofstream out(packing_file);
                write_packing_csv(spheres, out);
                if (!out)
                  error = {"cannot write the packing file '" + packing_file + "'",
                           section + "/Packing file"};
              }
            try
              {
                if (error.first.empty())
                  write_packing_mesh(spheres, packing, sizes, file);
              }
            catch (const std::exception &e)
              {
                error = {e.what(), section + "/Mesh size [m]"};
              }
          }
        error = Utilities::MPI::broadcast(comm, error, 0);
        if (!error.first.empty())
          {
            if (root)
              std::filesystem::remove(file);
            throw InputError(error.first,
                             "a coarser surface mesh, a larger Minimum gap or "
                             "another Seed may help",
                             "", 0, error.second);
          }

        {
          std::ifstream in(file);
          GridIn<dim>   grid_in;
          grid_in.attach_triangulation(tria);
          grid_in.read_msh(in);
        }
        MPI_Barrier(comm); // everybody has read the file
        if (root)
          std::filesystem::remove(file);

        bool inverted = false;
        for (const auto &cell : tria.active_cell_iterators())
          if (cell->is_locally_owned() && min_corner_jacobian<dim>(cell) <= 0.)
            inverted = true;
        if (Utilities::MPI::logical_or(inverted, comm))
          throw InputError("the packing mesh has an inverted cell",
                           "try another Seed or a larger Minimum gap", "", 0,
                           section + "/Seed");
      }

      // The packing is deterministic: packed again, it is the meshed one.
      std::vector<DrawnParticle>
      drawn_particles() const override
      {
        std::vector<DrawnParticle> particles;
        for (const auto &sphere : pack_spheres(packing).spheres)
          if (sphere.kind == SphereKind::active_material)
            particles.push_back({sphere.centre, sphere.radius});
        return particles;
      }

      std::optional<LayerBounds>
      layers() const override
      {
        return LayerBounds{packing.separator_thickness,
                           packing.separator_thickness + packing.composite_thickness};
      }

    private:
      PackingParameters packing;
      PackingMeshSizes  sizes{1.5e-6, 0.5};
      std::string       packing_file;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL_ALL_DIMS(ssbcell::MeshGenerator,
                                ssbcell::RandomPacking,
                                "random packing",
                                "3D (or 2D): randomly packed spherical particles "
                                "in a composite layer of solid electrolyte above "
                                "a separator, meshed with Gmsh; subsection "
                                "'Random packing'.")
