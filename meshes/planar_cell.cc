// A planar cell: flat layers stacked along the pressing axis (x in 1D, y in
// 2D, z in 3D): the separator electrolyte on the anode (boundary id anode at
// 0), an optional coating layer, and an active-material layer ending at the
// current collector. Every field varies along the axis only, so closed forms
// of 1D transport (docs/verification.md, cases d and e) hold in any
// dimension, and 2D/3D runs check the same numbers as 1D ones.

#include <deal.II/grid/grid_generator.h>

#include <meshes/ids.h>
#include <meshes/mesh_generator.h>
#include <physics/parameter_checks.h>

namespace ssbcell
{
  namespace
  {
    template <int dim>
    class PlanarCell : public MeshGenerator<dim>
    {
    public:
      static void
      declare_parameters(dealii::ParameterHandler &prm)
      {
        namespace Patterns = dealii::Patterns;
        prm.enter_subsection("Planar cell");
        prm.declare_entry("Active material thickness [m]", "2e-6", Patterns::Double(),
                          "Thickness of the active-material layer [m].");
        prm.declare_entry("Electrolyte thickness [m]", "1e-5", Patterns::Double(),
                          "Thickness of the separator electrolyte between the anode "
                          "and the coating (or the active material) [m].");
        prm.declare_entry("Carbon thickness [m]", "0", Patterns::Double(),
                          "Thickness of a carbon layer (material id 5) between the "
                          "active material and the collector [m]; 0 = none.");
        prm.declare_entry("Width [m]", "1e-6", Patterns::Double(),
                          "Lateral size in 2D and 3D [m].");
        prm.declare_entry("Cells in active material", "8", Patterns::Integer(1),
                          "Cells across the active-material layer.");
        prm.declare_entry("Cells in coating", "2", Patterns::Integer(1),
                          "Cells across the coating layer (if it has a thickness).");
        prm.declare_entry("Cells in electrolyte", "8", Patterns::Integer(1),
                          "Cells across the electrolyte layer.");
        prm.declare_entry("Cells across", "1", Patterns::Integer(1),
                          "Cells in each lateral direction (2D, 3D).");
        prm.leave_subsection();
      }

      void
      parse_parameters(dealii::ParameterHandler &prm,
                       const GeometryParameters &geometry) override
      {
        const std::string section = "Geometry/Planar cell";
        if (geometry.coordinate_system != CoordinateSystem::cartesian)
          throw InputError("a planar cell needs cartesian coordinates",
                           "set Geometry/Coordinate system = cartesian", "", 0,
                           "Geometry/Coordinate system");
        coating = geometry.coating_thickness;
        prm.enter_subsection("Planar cell");
        active        = get_positive(prm, section, "Active material thickness [m]");
        electrolyte   = get_positive(prm, section, "Electrolyte thickness [m]");
        width         = get_positive(prm, section, "Width [m]");
        carbon        = get_checked(prm, section, "Carbon thickness [m]", 0., 1.);
        n_active      = prm.get_integer("Cells in active material");
        n_coating     = prm.get_integer("Cells in coating");
        n_electrolyte = prm.get_integer("Cells in electrolyte");
        n_across      = prm.get_integer("Cells across");
        prm.leave_subsection();
      }

      void
      create_coarse_mesh(dealii::Triangulation<dim> &tria) const override
      {
        // Step sizes along the axis: electrolyte, coating, active material.
        std::vector<double> axis;
        auto                add = [&](double thickness, unsigned int n) {
          for (unsigned int i = 0; i < n; ++i)
            axis.push_back(thickness / n);
        };
        add(electrolyte, n_electrolyte);
        if (coating > 0.)
          add(coating, n_coating);
        add(active, n_active);
        if (carbon > 0.)
          add(carbon, 2);
        const double top = electrolyte + coating + active + carbon;

        std::vector<std::vector<double>> steps(dim);
        dealii::Point<dim>               lower, upper;
        for (unsigned int d = 0; d + 1 < dim; ++d)
          {
            steps[d] = std::vector<double>(n_across, width / n_across);
            upper[d] = width;
          }
        steps[dim - 1] = axis;
        upper[dim - 1] = top;
        dealii::GridGenerator::subdivided_hyper_rectangle(tria, steps, lower, upper);

        for (const auto &cell : tria.active_cell_iterators())
          {
            const double z = cell->center()[dim - 1];
            cell->set_material_id(z < electrolyte           ? material_id::electrolyte :
                                  z < electrolyte + coating ? material_id::coating :
                                  z < electrolyte + coating + active ?
                                                              material_id::active_material :
                                                              material_id::carbon);
            for (const unsigned int f : cell->face_indices())
              if (cell->face(f)->at_boundary())
                {
                  const double zf = cell->face(f)->center()[dim - 1];
                  cell->face(f)->set_boundary_id(zf < 1e-9 * top ? boundary_id::anode :
                                                 zf > (1. - 1e-9) * top ?
                                                                   boundary_id::collector :
                                                                   boundary_id::lateral);
                }
          }
      }

      // The electrolyte is the separator; the rest is the (dense) cathode.
      std::optional<LayerBounds>
      layers() const override
      {
        return LayerBounds{electrolyte, electrolyte + coating + active + carbon};
      }

    private:
      double       active = 0., coating = 0., electrolyte = 0., width = 0., carbon = 0.;
      unsigned int n_active = 1, n_coating = 1, n_electrolyte = 1, n_across = 1;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL_ALL_DIMS(ssbcell::MeshGenerator,
                                ssbcell::PlanarCell,
                                "planar cell",
                                "1D/2D/3D: flat layers along the pressing axis "
                                "(electrolyte on the anode, coating, active "
                                "material at the collector); subsection 'Planar cell'.")
