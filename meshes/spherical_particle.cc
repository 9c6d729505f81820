// 1D particle mesh: active material [0, R], coating [R, R + L], optional
// solid-electrolyte shell. The active-material cells grow geometrically
// towards the centre, so the steep surface gradients and a nanometre coating
// are resolved with few cells. With `Coordinate system = cartesian` the same
// mesh is a slab of half-thickness R.

#include <deal.II/grid/grid_generator.h>

#include <meshes/ids.h>
#include <meshes/mesh_generator.h>
#include <physics/parameter_checks.h>

#include <cmath>

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
        prm.declare_entry("Cells in active material", "40",
                          Patterns::Integer(1, 100000),
                          "Number of cells across the particle radius.");
        prm.declare_entry("Grading ratio", "4", Patterns::Double(),
                          "Size of the centre cell divided by the size of the "
                          "surface cell (>= 1; 1 = uniform).");
        prm.declare_entry("Cells in coating", "4", Patterns::Integer(1, 10000),
                          "Number of (uniform) cells across the coating.");
        prm.declare_entry("Electrolyte shell thickness [m]", "0",
                          Patterns::Double(),
                          "Thickness of a solid-electrolyte shell around the "
                          "coated particle [m]; 0 = none.");
        prm.declare_entry("Cells in electrolyte shell", "8",
                          Patterns::Integer(1, 100000),
                          "Number of (uniform) cells across the electrolyte shell.");
        prm.leave_subsection();
      }

      void
      parse_parameters(dealii::ParameterHandler &prm,
                       const GeometryParameters &geometry) override
      {
        const std::string section = "Geometry/Spherical particle";
        radius            = geometry.particle_radius;
        coating_thickness = geometry.coating_thickness;
        prm.enter_subsection("Spherical particle");
        cells_am    = prm.get_integer("Cells in active material");
        grading     = get_checked(prm, section, "Grading ratio", 1., 1e6);
        cells_coat  = prm.get_integer("Cells in coating");
        shell       = get_checked(prm, section,
                                  "Electrolyte shell thickness [m]", 0., 1.);
        cells_shell = prm.get_integer("Cells in electrolyte shell");
        prm.leave_subsection();
      }

      void
      create_coarse_mesh(dealii::Triangulation<dim> &tria) const override
      {
        if constexpr (dim != 1)
          {
            (void)tria;
            throw InputError("mesh generator 'spherical particle' is one-"
                             "dimensional", "set Geometry/Dimension = 1 or "
                             "choose 'particle in box'", "", 0,
                             "Geometry/Mesh generator");
          }
        else
          {
            // Geometric growth q per cell from the surface inwards.
            std::vector<double> steps;
            const double q = cells_am > 1 ?
                               std::pow(grading, 1. / (cells_am - 1)) : 1.;
            double       sum = 0.;
            for (unsigned int i = 0; i < cells_am; ++i)
              sum += std::pow(q, i);
            for (unsigned int i = 0; i < cells_am; ++i) // centre first
              steps.push_back(radius * std::pow(q, cells_am - 1 - i) / sum);
            if (coating_thickness > 0.)
              for (unsigned int i = 0; i < cells_coat; ++i)
                steps.push_back(coating_thickness / cells_coat);
            if (shell > 0.)
              for (unsigned int i = 0; i < cells_shell; ++i)
                steps.push_back(shell / cells_shell);

            const double outer = radius + coating_thickness + shell;
            dealii::GridGenerator::subdivided_hyper_rectangle(
              tria, {steps}, dealii::Point<1>(0.), dealii::Point<1>(outer));

            for (const auto &cell : tria.active_cell_iterators())
              {
                const double r = cell->center()[0];
                cell->set_material_id(r < radius ? material_id::active_material :
                                      r < radius + coating_thickness ?
                                                   material_id::coating :
                                                   material_id::electrolyte);
                for (const unsigned int f : cell->face_indices())
                  if (cell->face(f)->at_boundary())
                    cell->face(f)->set_boundary_id(
                      cell->face(f)->center()[0] < 0.5 * radius ?
                        boundary_id::symmetry :
                        boundary_id::outer);
              }
          }
      }

    private:
      double       radius = 0., coating_thickness = 0., grading = 1., shell = 0.;
      unsigned int cells_am = 1, cells_coat = 1, cells_shell = 1;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL_ALL_DIMS(ssbcell::MeshGenerator,
                                ssbcell::SphericalParticle,
                                "spherical particle",
                                "1D particle (or slab) with coating and "
                                "optional electrolyte shell; subsection "
                                "'Spherical particle'.")
