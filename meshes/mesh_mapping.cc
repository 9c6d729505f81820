#include <deal.II/base/mpi.h>
#include <deal.II/fe/mapping_q.h>
#include <deal.II/fe/mapping_q_cache.h>

#include <deal.II/grid/manifold.h>
#include <deal.II/grid/manifold_lib.h>

#include <meshes/mesh_mapping.h>

#include <algorithm>

namespace ssbcell
{
  namespace
  {
    // deal.II's MappingQ(2), its support points made public.
    template <int dim>
    class StandardPoints : public dealii::MappingQ<dim>
    {
    public:
      StandardPoints()
        : dealii::MappingQ<dim>(2)
      {
      }

      std::vector<dealii::Point<dim>>
      of(const typename dealii::Triangulation<dim>::cell_iterator &cell) const
      {
        return this->compute_mapping_support_points(cell);
      }
    };

    // A surface: a curved manifold that is not an interpolation between
    // other ones (transfinite), such as a sphere.
    template <typename Accessor>
    bool
    on_a_surface(const Accessor &object)
    {
      constexpr int dim      = Accessor::AccessorType::dimension;
      const auto   &manifold = object->get_manifold();
      return dynamic_cast<const dealii::FlatManifold<dim> *>(&manifold) == nullptr &&
             dynamic_cast<const dealii::TransfiniteInterpolationManifold<dim> *>(&manifold) ==
               nullptr;
    }

    // Q2 support points in deal.II's hierarchical order (vertices, then the
    // centres of the lines, the faces (3D) and the cell): MappingQ(2)'s,
    // except on the edges and faces that lie on a surface. There the
    // centre is the one the surface's manifold gives that edge or face
    // alone, so all cells around it agree.
    template <int dim>
    std::vector<dealii::Point<dim>>
    conforming_points(const StandardPoints<dim>                                &standard,
                      const typename dealii::Triangulation<dim>::cell_iterator &cell)
    {
      std::vector<dealii::Point<dim>> points     = standard.of(cell);
      const unsigned int              first_line = cell->n_vertices();
      for (unsigned int l = 0; l < cell->n_lines(); ++l)
        if (on_a_surface(cell->line(l)))
          points[first_line + l] = cell->line(l)->center(/*respect_manifold=*/true);
      if constexpr (dim == 3)
        {
          const unsigned int first_face = first_line + cell->n_lines();
          for (const unsigned int f : cell->face_indices())
            if (on_a_surface(cell->face(f)))
              points[first_face + f] = cell->face(f)->center(/*respect_manifold=*/true);
        }
      return points;
    }

    // Whether any cell, face or edge follows a curved manifold (all ranks
    // hold the coarse mesh, where the manifold ids are set).
    template <int dim>
    bool
    has_curved_manifolds(const dealii::Triangulation<dim> &triangulation)
    {
      const auto ids = triangulation.get_manifold_ids();
      const bool curved =
        std::any_of(ids.begin(), ids.end(), [&](dealii::types::manifold_id id) {
          return id != dealii::numbers::flat_manifold_id &&
                 dynamic_cast<const dealii::FlatManifold<dim> *>(
                   &triangulation.get_manifold(id)) == nullptr;
        });
      return dealii::Utilities::MPI::logical_or(curved, triangulation.get_communicator());
    }
  } // namespace

  template <int dim>
  std::unique_ptr<dealii::Mapping<dim>>
  create_mesh_mapping(const dealii::Triangulation<dim> &triangulation, unsigned int degree)
  {
    // On flat manifolds a Q2 mapping reproduces the Q1 one (the points it
    // interpolates are the Q1 map's), at several times the cost.
    if (dim == 1 || degree <= 1 || !has_curved_manifolds(triangulation))
      return std::make_unique<dealii::MappingQ<dim>>(1);
    auto mapping = std::make_unique<dealii::MappingQCache<dim>>(degree);
    if (degree == 2)
      {
        const StandardPoints<dim> standard;
        mapping->initialize(triangulation, [&](const auto &cell) {
          return conforming_points(standard, cell);
        });
      }
    else
      mapping->initialize(dealii::MappingQ<dim>(degree), triangulation);
    return mapping;
  }

  template std::unique_ptr<dealii::Mapping<1>>
  create_mesh_mapping(const dealii::Triangulation<1> &, unsigned int);
  template std::unique_ptr<dealii::Mapping<2>>
  create_mesh_mapping(const dealii::Triangulation<2> &, unsigned int);
  template std::unique_ptr<dealii::Mapping<3>>
  create_mesh_mapping(const dealii::Triangulation<3> &, unsigned int);
} // namespace ssbcell
