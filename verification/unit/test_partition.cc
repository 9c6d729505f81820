// Geometry/Partition = per material (meshes/partition.h): every material's
// cells are split evenly, on a serial mesh and on a shared mesh over the
// ranks (ctest runs the Partition tests on 1 rank and on 2:
// unit_partition_mpi2). The "particle" sits in a corner, where the
// space-filling curve would give it all to one rank.

#include <deal.II/base/mpi.h>
#include <deal.II/distributed/shared_tria.h>
#include <deal.II/distributed/tria.h>
#include <deal.II/grid/grid_generator.h>

#include <gtest/gtest.h>

#include <meshes/ids.h>
#include <meshes/partition.h>

#include <map>

using namespace ssbcell;
using dealii::Point;

namespace
{
  template <int dim>
  void
  make_box_with_corner_particle(dealii::Triangulation<dim> &tria, unsigned int refinements)
  {
    dealii::GridGenerator::subdivided_hyper_cube(tria, 4, 0., 4.);
    for (const auto &cell : tria.active_cell_iterators())
      cell->set_material_id(cell->center().norm() < 2.2 ? material_id::active_material :
                                                          material_id::electrolyte);
    tria.refine_global(refinements);
  }

  // Cells per (material, subdomain) over the active cells this rank sees
  // as owned, summed over the ranks.
  template <int dim>
  std::map<std::pair<unsigned int, unsigned int>, unsigned int>
  owned_counts(const dealii::Triangulation<dim> &tria, unsigned int n_parts, MPI_Comm comm)
  {
    std::vector<unsigned int> counts(material_id::n_ids * n_parts, 0);
    const bool                serial =
      dynamic_cast<const dealii::parallel::TriangulationBase<dim> *>(&tria) == nullptr;
    for (const auto &cell : tria.active_cell_iterators())
      if (serial || cell->is_locally_owned())
        ++counts[cell->material_id() * n_parts + cell->subdomain_id()];
    if (!serial)
      dealii::Utilities::MPI::sum(counts, comm, counts);
    std::map<std::pair<unsigned int, unsigned int>, unsigned int> result;
    for (unsigned int m = 0; m < material_id::n_ids; ++m)
      for (unsigned int p = 0; p < n_parts; ++p)
        if (counts[m * n_parts + p] > 0)
          result[{m, p}] = counts[m * n_parts + p];
    return result;
  }

  template <int dim>
  void
  expect_even_split(
    const std::map<std::pair<unsigned int, unsigned int>, unsigned int> &counts,
    unsigned int                                                         n_parts)
  {
    for (const auto m : {material_id::active_material, material_id::electrolyte})
      {
        unsigned int lo = ~0u, hi = 0;
        for (unsigned int p = 0; p < n_parts; ++p)
          {
            const auto         it = counts.find({m, p});
            const unsigned int n  = it == counts.end() ? 0 : it->second;
            lo                    = std::min(lo, n);
            hi                    = std::max(hi, n);
          }
        EXPECT_GT(lo, 0u) << "material " << m;
        EXPECT_LE(hi - lo, 1u) << "material " << m << " split unevenly";
      }
  }
} // namespace

TEST(Partition, PerMaterialSplitsEachMaterialEvenlyOnASerialMesh)
{
  dealii::Triangulation<2> tria;
  make_box_with_corner_particle(tria, 3);
  for (const unsigned int n_parts : {2u, 3u, 7u})
    {
      partition_per_material(tria, n_parts);
      expect_even_split<2>(owned_counts(tria, n_parts, MPI_COMM_SELF), n_parts);
    }
}

TEST(Partition, SharedMeshSplitsEachMaterialOverTheRanks)
{
  const MPI_Comm     comm    = MPI_COMM_WORLD;
  const unsigned int n_ranks = dealii::Utilities::MPI::n_mpi_processes(comm);
  for (const unsigned int refinements : {0u, 2u})
    {
      // The material ids are set after the coarse mesh was partitioned;
      // the refinements (or, with none, an empty one) partition again.
      auto tria = make_triangulation<3>(MeshPartition::per_material, comm);
      make_box_with_corner_particle(*tria, refinements);
      tria->execute_coarsening_and_refinement();
      expect_even_split<3>(owned_counts(*tria, n_ranks, comm), n_ranks);
      // Owned cells are this rank's subdomain; the others are ghosts near
      // it or artificial.
      unsigned int owned = 0;
      for (const auto &cell : tria->active_cell_iterators())
        owned += cell->is_locally_owned() ? 1 : 0;
      EXPECT_EQ(dealii::Utilities::MPI::sum(owned, comm), tria->n_active_cells());
    }
}

TEST(Partition, CurveIsP4estAndOneDimensionIsShared)
{
  EXPECT_NE(dynamic_cast<dealii::parallel::distributed::Triangulation<2> *>(
              make_triangulation<2>(MeshPartition::curve, MPI_COMM_WORLD).get()),
            nullptr);
  EXPECT_NE(dynamic_cast<dealii::parallel::shared::Triangulation<1> *>(
              make_triangulation<1>(MeshPartition::per_material, MPI_COMM_WORLD).get()),
            nullptr);
  EXPECT_EQ(parse_mesh_partition("per material"), MeshPartition::per_material);
  EXPECT_THROW(parse_mesh_partition("metis"), std::exception);
}
