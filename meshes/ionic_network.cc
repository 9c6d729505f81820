#include <deal.II/base/mpi.h>
#include <deal.II/distributed/tria_base.h>
#include <deal.II/grid/grid_tools.h>

#include <meshes/ids.h>
#include <meshes/ionic_network.h>

#include <algorithm>
#include <limits>
#include <set>

namespace ssbcell
{
  using namespace dealii;

  namespace
  {
    bool
    is_ionic(types::material_id id)
    {
      return id == material_id::electrolyte || id == material_id::coating;
    }

    // Calls f(neighbour) for every active cell across the faces of `cell`,
    // the children of a refined neighbour included.
    template <int dim, typename F>
    void
    for_each_active_neighbour(const typename Triangulation<dim>::active_cell_iterator &cell,
                              F                                                      &&f)
    {
      using Cell = typename Triangulation<dim>::active_cell_iterator;
      for (const unsigned int face : cell->face_indices())
        {
          if (cell->at_boundary(face))
            continue;
          auto neighbour = cell->neighbor(face);
          if (dim == 1)
            {
              // The neighbour's child next to this cell, down to the active one.
              while (neighbour->has_children())
                neighbour = neighbour->child(1 - face);
              f(Cell(neighbour));
            }
          else if (neighbour->is_active())
            f(Cell(neighbour));
          else
            for (unsigned int sub = 0; sub < cell->face(face)->n_children(); ++sub)
              f(cell->neighbor_child_on_subface(face, sub));
        }
    }
  } // namespace

  // Connected components by label propagation: every ionic cell starts with
  // its global index as label and takes the smallest label among its ionic
  // neighbours until nothing changes locally; ghosts then learn their owners'
  // labels, and the sweep repeats until no rank changed a label. The number
  // of rounds is bounded by how often a cluster crosses a rank boundary.
  template <int dim>
  std::vector<bool>
  cells_reached_from_anode(
    const Triangulation<dim> &tria,
    const std::function<bool(const typename Triangulation<dim>::active_cell_iterator &)>
      &conducts)
  {
    using Cell              = typename Triangulation<dim>::active_cell_iterator;
    const auto    *parallel = dynamic_cast<const parallel::TriangulationBase<dim> *>(&tria);
    const MPI_Comm comm     = parallel ? parallel->get_communicator() : MPI_COMM_SELF;
    const auto     none     = std::numeric_limits<types::global_cell_index>::max();
    const auto     in_scope = [](const Cell &c) { return !c->is_artificial(); };
    std::vector<types::global_cell_index> label(tria.n_active_cells(), none);
    for (const auto &cell : tria.active_cell_iterators())
      if (in_scope(cell) && is_ionic(cell->material_id()) && (!conducts || conducts(cell)))
        label[cell->active_cell_index()] = cell->global_active_cell_index();

    for (bool changed_anywhere = true; changed_anywhere;)
      {
        bool changed = false;
        for (bool sweep_changed = true; sweep_changed;)
          {
            sweep_changed = false;
            for (const auto &cell : tria.active_cell_iterators())
              {
                auto &mine = label[cell->active_cell_index()];
                if (!in_scope(cell) || mine == none)
                  continue;
                for_each_active_neighbour<dim>(cell, [&](const Cell &n) {
                  const auto theirs = label[n->active_cell_index()];
                  if (in_scope(n) && theirs < mine)
                    {
                      mine          = theirs;
                      sweep_changed = true;
                    }
                });
              }
            changed = changed || sweep_changed;
          }
        if (parallel)
          GridTools::exchange_cell_data_to_ghosts<types::global_cell_index,
                                                  Triangulation<dim>>(
            tria, [&](const Cell &c) { return label[c->active_cell_index()]; },
            [&](const Cell &c, const types::global_cell_index &theirs) {
              auto &mine = label[c->active_cell_index()];
              if (theirs < mine)
                {
                  mine    = theirs;
                  changed = true;
                }
            });
        changed_anywhere = Utilities::MPI::logical_or(changed, comm);
      }

    // The labels of the clusters that touch the anode face, from every rank.
    std::vector<types::global_cell_index> at_anode;
    for (const auto &cell : tria.active_cell_iterators())
      if (cell->is_locally_owned() && label[cell->active_cell_index()] != none)
        for (const unsigned int f : cell->face_indices())
          if (cell->at_boundary(f) && cell->face(f)->boundary_id() == boundary_id::anode)
            at_anode.push_back(label[cell->active_cell_index()]);
    std::set<types::global_cell_index> anode_labels;
    for (const auto &part : Utilities::MPI::all_gather(comm, at_anode))
      anode_labels.insert(part.begin(), part.end());

    std::vector<bool> reached(tria.n_active_cells(), false);
    for (unsigned int i = 0; i < label.size(); ++i)
      reached[i] = label[i] != none && anode_labels.count(label[i]) > 0;
    return reached;
  }

  template std::vector<bool>
  cells_reached_from_anode(
    const Triangulation<1> &,
    const std::function<bool(const Triangulation<1>::active_cell_iterator &)> &);
  template std::vector<bool>
  cells_reached_from_anode(
    const Triangulation<2> &,
    const std::function<bool(const Triangulation<2>::active_cell_iterator &)> &);
  template std::vector<bool>
  cells_reached_from_anode(
    const Triangulation<3> &,
    const std::function<bool(const Triangulation<3>::active_cell_iterator &)> &);
} // namespace ssbcell
