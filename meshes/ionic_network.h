#pragma once
// Which cells of the ionic network (electrolyte and coating) are joined to
// the anode face by a path of ionic cells. A particle whose only ionic
// neighbours lie in a pocket cut off by voids or other particles can hold no
// net current: its Li is out of reach however good its contact
// (docs/mechanics.md, "Contact per particle").

#include <deal.II/grid/tria.h>

#include <functional>
#include <vector>

namespace ssbcell
{
  // One flag per active cell (by active_cell_index), valid on locally owned
  // and ghost cells: true for an electrolyte or coating cell in a cluster of
  // face-connected ionic cells that touches boundary_id::anode. Works on
  // serial and p4est-distributed triangulations (collective over the
  // latter's communicator) and across hanging faces; not on shared
  // triangulations without artificial cells (1D), where it is not needed.
  //
  // `conducts`, if given, may exclude further ionic cells (asked on owned
  // and ghost cells): electrolyte too porous to carry current.
  template <int dim>
  std::vector<bool>
  cells_reached_from_anode(
    const dealii::Triangulation<dim> &triangulation,
    const std::function<
      bool(const typename dealii::Triangulation<dim>::active_cell_iterator &)> &conducts = {});
} // namespace ssbcell
