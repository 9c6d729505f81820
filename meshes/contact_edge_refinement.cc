#include <deal.II/base/mpi.h>
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/distributed/shared_tria.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_values.h>

#include <meshes/contact_edge_refinement.h>
#include <meshes/ids.h>
#include <meshes/interfaces.h>

#include <algorithm>
#include <limits>

namespace ssbcell
{
  using namespace dealii;

  namespace
  {
    // The axis of a coating cell across the coating: that of a face towards
    // another region if it has one, else the pair of opposite faces whose
    // centres lie closest together (a coating is thin).
    template <typename CellIterator>
    unsigned int
    thickness_axis(const CellIterator &cell)
    {
      for (const unsigned int f : cell->face_indices())
        if (!cell->face(f)->at_boundary() &&
            cell->neighbor(f)->material_id() != cell->material_id())
          return f / 2;
      unsigned int axis = 0;
      double       gap  = std::numeric_limits<double>::max();
      for (unsigned int d = 0; d < cell->n_faces() / 2; ++d)
        {
          const double g =
            cell->face(2 * d)->center().distance(cell->face(2 * d + 1)->center());
          if (g < gap)
            {
              gap  = g;
              axis = d;
            }
        }
      return axis;
    }

    // Whether this rank flags a cell for refinement: a shared mesh must be
    // refined alike on every rank, so each rank flags all of its cells.
    template <int dim>
    bool
    flags_here(const typename Triangulation<dim>::active_cell_iterator &cell)
    {
      return cell->is_locally_owned() ||
             dynamic_cast<const parallel::shared::Triangulation<dim> *>(
               &cell->get_triangulation()) != nullptr;
    }

    // Flags the cells (flags_here) next to a refined cell across a face
    // between two regions (the interface terms need matching faces), and
    // coating cells next to a refined coating cell across the coating: the
    // potential hardly varies over the thickness of the layer, so a coarse
    // layer under a fine one would impose its own lateral resolution.
    // Returns whether any was flagged here.
    template <int dim>
    bool
    flag_neighbours_of_refined_cells(Triangulation<dim> &triangulation)
    {
      bool any = false;
      for (const auto &cell : triangulation.active_cell_iterators())
        if (flags_here<dim>(cell))
          {
            const bool         coating = cell->material_id() == material_id::coating;
            const unsigned int axis    = coating ? thickness_axis(cell) : 0;
            for (const unsigned int f : cell->face_indices())
              if (!cell->face(f)->at_boundary() && cell->neighbor(f)->has_children() &&
                  (cell->neighbor(f)->material_id() != cell->material_id() ||
                   (coating && f / 2 == axis)))
                {
                  cell->set_refine_flag();
                  any = true;
                  break;
                }
          }
      return any;
    }
  } // namespace

  template <int dim>
  unsigned int
  refine_at_contact_edges(Triangulation<dim>                                  &triangulation,
                          const Mapping<dim>                                  &mapping,
                          unsigned int                                         levels,
                          const std::function<double(const Tensor<1, dim> &)> &fraction)
  {
    // Points on each face, its vertices included: a straddling face has
    // points on both sides of the edge unless the edge only clips a corner
    // between two of them (then the error it leaves is of the spacing's
    // order, as the refinement's own).
    const FE_Q<dim>          fe(1);
    const QIterated<dim - 1> points(QTrapezoid<1>(), 4);
    FEFaceValues<dim>        face_values(mapping, fe, points, update_normal_vectors);
    unsigned int             flagged = 0;
    for (unsigned int level = 0; level < levels; ++level)
      {
        for (const auto &cell : triangulation.active_cell_iterators())
          if (flags_here<dim>(cell) && cell->material_id() == material_id::coating)
            for (const unsigned int f : cell->face_indices())
              if (is_coating_electrolyte_face(cell, f))
                {
                  face_values.reinit(cell, f);
                  double lo = 1., hi = 0.;
                  for (unsigned int q = 0; q < points.size(); ++q)
                    {
                      const double a = fraction(face_values.normal_vector(q));
                      lo             = std::min(lo, a);
                      hi             = std::max(hi, a);
                    }
                  if (hi > lo)
                    {
                      cell->set_refine_flag();
                      flagged += cell->is_locally_owned() ? 1 : 0; // counted once
                      break;
                    }
                }
        triangulation.execute_coarsening_and_refinement();
        // Each pass refines one more layer of cells; the mesh is finite, so
        // the loop ends.
        while (Utilities::MPI::logical_or(flag_neighbours_of_refined_cells(triangulation),
                                          triangulation.get_communicator()))
          triangulation.execute_coarsening_and_refinement();
      }
    // The interface terms pair faces one to one (assembly_loop.cc).
    AssertThrow(!has_hanging_interface_face(triangulation),
                ExcMessage("refinement at contact edges left a face between two "
                           "regions hanging"));
    return Utilities::MPI::sum(flagged, triangulation.get_communicator());
  }

  template <int dim>
  bool
  has_hanging_interface_face(const Triangulation<dim> &triangulation)
  {
    bool hanging = false;
    for (const auto &cell : triangulation.active_cell_iterators())
      if (cell->is_locally_owned())
        for (const unsigned int f : cell->face_indices())
          if (!cell->face(f)->at_boundary() &&
              cell->neighbor(f)->material_id() != cell->material_id() &&
              (cell->neighbor(f)->has_children() || cell->neighbor_is_coarser(f)))
            hanging = true;
    return Utilities::MPI::logical_or(hanging, triangulation.get_communicator());
  }

  template unsigned int
  refine_at_contact_edges(Triangulation<2> &,
                          const Mapping<2> &,
                          unsigned int,
                          const std::function<double(const Tensor<1, 2> &)> &);
  template unsigned int
  refine_at_contact_edges(Triangulation<3> &,
                          const Mapping<3> &,
                          unsigned int,
                          const std::function<double(const Tensor<1, 3> &)> &);
  template bool
  has_hanging_interface_face(const Triangulation<2> &);
  template bool
  has_hanging_interface_face(const Triangulation<3> &);
} // namespace ssbcell
