#pragma once
// How a mesh's cells are divided among the MPI ranks (`Geometry/Partition`).

#include <deal.II/base/mpi.h>
#include <deal.II/grid/tria.h>

#include <memory>
#include <string>

namespace ssbcell
{
  enum class MeshPartition
  {
    // p4est: the forest's space-filling curve cut into equal pieces; each
    // rank stores its own cells and one layer of ghosts.
    curve,
    // Every rank stores the whole mesh and owns an equal share of each
    // material's cells, so that each block of unknowns (one per region) is
    // spread over all ranks.
    per_material
  };

  MeshPartition
  parse_mesh_partition(const std::string &name);

  // The triangulation a run fills: shared in 1D (a 1D mesh is small),
  // otherwise as `partition` says.
  template <int dim>
  std::unique_ptr<dealii::Triangulation<dim>>
  make_triangulation(MeshPartition partition, MPI_Comm comm);

  // Gives each material's active cells to n_parts subdomains in equal
  // contiguous pieces (sizes differ by at most one) of the Morton order of
  // their centres; ties in the order are broken by the cell index, so every
  // rank computes the same partition of the same mesh.
  template <int dim>
  void
  partition_per_material(dealii::Triangulation<dim> &triangulation, unsigned int n_parts);
} // namespace ssbcell
