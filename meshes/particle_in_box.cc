// One coated particle in a box of solid electrolyte (2D plane, 2D
// axisymmetric, 3D). The coarse mesh is built from concentric layers, each a
// copy of the corners of a small centre cube: the centre cube itself, the
// particle surface (sphere R), the coating surface (sphere R + L) and the box.
// Cells between two layers join the same face of the centre cube. Spherical
// faces use a spherical manifold and the cells next to them transfinite
// interpolation, so the curved surfaces are exact under refinement.

#include <deal.II/grid/grid_tools.h>
#include <deal.II/grid/manifold_lib.h>

#include <meshes/ids.h>
#include <meshes/mesh_generator.h>
#include <physics/parameter_checks.h>

namespace ssbcell
{
  namespace
  {
    constexpr dealii::types::manifold_id sphere_manifold      = 1;
    constexpr dealii::types::manifold_id transfinite_manifold = 2;

    // Cells are built with lexicographic vertex order; swapping the first two
    // reference axes turns a cell with negative Jacobian into a positive one.
    template <int dim>
    void
    orient_positively(const std::vector<dealii::Point<dim>> &v, dealii::CellData<dim> &cell)
    {
      auto &i = cell.vertices;
      if constexpr (dim == 2)
        {
          const auto a = v[i[1]] - v[i[0]], b = v[i[2]] - v[i[0]];
          if (a[0] * b[1] - a[1] * b[0] < 0.)
            std::swap(i[1], i[2]);
        }
      else if constexpr (dim == 3)
        {
          const auto a = v[i[1]] - v[i[0]], b = v[i[2]] - v[i[0]], c = v[i[4]] - v[i[0]];
          if (a * dealii::cross_product_3d(b, c) < 0.)
            {
              std::swap(i[1], i[2]);
              std::swap(i[5], i[6]);
            }
        }
    }

    template <int dim>
    class ParticleInBox : public MeshGenerator<dim>
    {
    public:
      static void
      declare_parameters(dealii::ParameterHandler &prm)
      {
        prm.enter_subsection("Particle in box");
        prm.declare_entry("Box size [m]", "6e-6", dealii::Patterns::Double(),
                          "Edge length of the solid-electrolyte box (square, "
                          "cube, or a cylinder of this diameter and height when "
                          "axisymmetric) centred on the particle [m].");
        prm.leave_subsection();
      }

      void
      parse_parameters(dealii::ParameterHandler &prm,
                       const GeometryParameters &geometry) override
      {
        radius            = geometry.particle_radius;
        coating_thickness = geometry.coating_thickness;
        axisymmetric      = geometry.coordinate_system == CoordinateSystem::axisymmetric;
        prm.enter_subsection("Particle in box");
        box = get_positive(prm, "Geometry/Particle in box", "Box size [m]");
        prm.leave_subsection();
        if (box / 2. <= 1.05 * (radius + coating_thickness))
          throw InputError("the box is too small for the coated particle",
                           "Box size [m] must exceed 2.1 (radius + coating)", "", 0,
                           "Geometry/Particle in box/Box size [m]");
      }

      void
      create_coarse_mesh(dealii::Triangulation<dim> &tria) const override
      {
        using namespace dealii;
        if constexpr (dim == 1)
          {
            (void)tria;
            throw InputError("mesh generator 'particle in box' needs "
                             "Dimension = 2 or 3",
                             "use 'spherical particle' in 1D", "", 0,
                             "Geometry/Mesh generator");
          }
        else
          {
            // Corner directions of the centre cell. Axisymmetric: the half
            // x = r >= 0, two corners on the axis.
            std::vector<Tensor<1, dim>> corners;
            for (unsigned int v = 0; v < GeometryInfo<dim>::vertices_per_cell; ++v)
              {
                Tensor<1, dim> d;
                for (unsigned int k = 0; k < dim; ++k)
                  d[k] = (v >> k) & 1 ? 1. : -1.;
                if (axisymmetric)
                  d[0] = (v & 1) ? 1. : 0.;
                corners.push_back(d);
              }

            // Layer radii: the centre cube's corners lie at 0.5 R.
            const double                                                   half_box = box / 2.;
            std::vector<std::function<Point<dim>(const Tensor<1, dim> &)>> layers;
            layers.emplace_back([&](const Tensor<1, dim> &d) {
              return Point<dim>(0.5 * radius * d / std::sqrt(double(dim)));
            });
            layers.emplace_back(
              [&](const Tensor<1, dim> &d) { return Point<dim>(radius * d / d.norm()); });
            if (coating_thickness > 0.)
              layers.emplace_back([&](const Tensor<1, dim> &d) {
                return Point<dim>((radius + coating_thickness) * d / d.norm());
              });
            layers.emplace_back(
              [&](const Tensor<1, dim> &d) { return Point<dim>(half_box * d); });
            std::vector<types::material_id> layer_material = {material_id::active_material};
            if (coating_thickness > 0.)
              layer_material.push_back(material_id::coating);
            layer_material.push_back(material_id::electrolyte);

            const unsigned int      nv = corners.size();
            std::vector<Point<dim>> vertices;
            for (const auto &layer : layers)
              for (const auto &d : corners)
                vertices.push_back(layer(d));

            std::vector<CellData<dim>> cells;
            CellData<dim>              centre;
            for (unsigned int v = 0; v < nv; ++v)
              centre.vertices[v] = v;
            centre.material_id = material_id::active_material;
            cells.push_back(centre);
            for (const unsigned int f : GeometryInfo<dim>::face_indices())
              {
                if (axisymmetric && f == 0) // the face on the axis
                  continue;
                for (unsigned int l = 0; l + 1 < layers.size(); ++l)
                  {
                    CellData<dim> cell;
                    for (unsigned int i = 0; i < GeometryInfo<dim>::vertices_per_face; ++i)
                      {
                        const unsigned int v = GeometryInfo<dim>::face_to_cell_vertices(f, i);
                        cell.vertices[i]     = l * nv + v;
                        cell.vertices[i + GeometryInfo<dim>::vertices_per_face] =
                          (l + 1) * nv + v;
                      }
                    cell.material_id = layer_material[l];
                    orient_positively(vertices, cell);
                    cells.push_back(cell);
                  }
              }
            GridTools::consistently_order_cells(cells);
            tria.create_triangulation(vertices, cells, SubCellData());
            assign_ids_and_manifolds(tria);
          }
      }

    private:
      template <int d>
      void
      assign_ids_and_manifolds(dealii::Triangulation<d> &tria) const
      {
        using namespace dealii;
        const double half_box = box / 2.;
        const double tol      = 1e-8 * half_box;
        const double outer    = radius + coating_thickness;
        // Cells next to a sphere interpolate between it and their flat faces;
        // their faces and edges do too (in 3D a flat side face between two
        // such cells would distort the refined cells). The centre cell stays
        // flat; coating cells lie between two spheres.
        for (const auto &cell : tria.active_cell_iterators())
          if (cell->material_id() == material_id::coating)
            cell->set_all_manifold_ids(sphere_manifold);
          else if (cell->center().norm() > 0.5 * radius * 1.05 ||
                   cell->material_id() != material_id::active_material)
            cell->set_all_manifold_ids(transfinite_manifold);
        for (const auto &cell : tria.active_cell_iterators())
          for (const unsigned int f : cell->face_indices())
            {
              const auto face      = cell->face(f);
              bool       on_sphere = true;
              for (const unsigned int v : face->vertex_indices())
                {
                  const double r = face->vertex(v).norm();
                  if (std::abs(r - radius) > tol && std::abs(r - outer) > tol)
                    on_sphere = false;
                }
              if (on_sphere)
                face->set_all_manifold_ids(sphere_manifold);
              if (!face->at_boundary())
                continue;
              const Point<d> c = face->center();
              if (axisymmetric && std::abs(c[0]) < tol)
                face->set_boundary_id(boundary_id::symmetry);
              else if (std::abs(c[d - 1] + half_box) < tol)
                face->set_boundary_id(boundary_id::anode);
              else if (std::abs(c[d - 1] - half_box) < tol)
                face->set_boundary_id(boundary_id::collector);
              else
                face->set_boundary_id(boundary_id::lateral);
            }
        tria.set_manifold(sphere_manifold, SphericalManifold<d>(Point<d>()));
        TransfiniteInterpolationManifold<d> transfinite;
        transfinite.initialize(tria);
        tria.set_manifold(transfinite_manifold, transfinite);
      }

      double radius = 0., coating_thickness = 0., box = 0.;
      bool   axisymmetric = false;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL_ALL_DIMS(ssbcell::MeshGenerator,
                                ssbcell::ParticleInBox,
                                "particle in box",
                                "2D/3D: one coated particle centred in a box "
                                "of solid electrolyte; subsection 'Particle in box'.")
