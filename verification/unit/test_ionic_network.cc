// cells_reached_from_anode (meshes/ionic_network.h): electrolyte pockets
// sealed off by voids, particles or non-conducting powder are found on
// serial and distributed meshes, across hanging faces. ctest runs these on 1 rank and on 2
// (unit_ionic_network_mpi2), where the clusters cross rank boundaries.

#include <deal.II/distributed/tria.h>
#include <deal.II/grid/grid_generator.h>

#include <gtest/gtest.h>

#include <meshes/ids.h>
#include <meshes/ionic_network.h>

#include <cmath>
#include <functional>

using namespace ssbcell;
using dealii::Point;

namespace
{
  // An 8 x 8 square of unit cells, anode face at y = 0, electrolyte
  // everywhere but where `material` says otherwise (by cell centre).
  void
  make_square(dealii::Triangulation<2>                            &tria,
              const std::function<unsigned int(const Point<2> &)> &material)
  {
    dealii::GridGenerator::subdivided_hyper_rectangle(tria, {8, 8}, Point<2>(0, 0),
                                                      Point<2>(8, 8));
    for (const auto &cell : tria.active_cell_iterators())
      {
        cell->set_material_id(material(cell->center()));
        for (const unsigned int f : cell->face_indices())
          if (cell->at_boundary(f) && std::abs(cell->face(f)->center()[1]) < 1e-12)
            cell->face(f)->set_boundary_id(boundary_id::anode);
      }
  }

  // Checks every locally owned cell against `expected` (by cell centre) and
  // counts the owned cells whose flag is true.
  unsigned int
  check(const dealii::Triangulation<2>              &tria,
        const std::function<bool(const Point<2> &)> &expected,
        const std::function<bool(const dealii::Triangulation<2>::active_cell_iterator &)>
          &conducts = {})
  {
    const auto   reached = cells_reached_from_anode(tria, conducts);
    unsigned int n       = 0;
    for (const auto &cell : tria.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          const bool flag = reached[cell->active_cell_index()];
          EXPECT_EQ(flag, expected(cell->center()))
            << "cell at " << cell->center() << ", material " << int(cell->material_id());
          n += flag;
        }
    return n;
  }

  // A pocket of 2 x 2 cells, x and y in [4, 6], behind a ring of voids with
  // one particle cell in the ring (x in [3, 4], y in [4, 5]: it touches the
  // pocket and the open electrolyte) and one particle cell inside the pocket.
  unsigned int
  pocket_layout(const Point<2> &x)
  {
    const bool ring = x[0] > 3 && x[0] < 7 && x[1] > 3 && x[1] < 7 &&
                      !(x[0] > 4 && x[0] < 6 && x[1] > 4 && x[1] < 6);
    if (x[0] > 3 && x[0] < 4 && x[1] > 4 && x[1] < 5)
      return material_id::active_material;
    if (x[0] > 4 && x[0] < 5 && x[1] > 4 && x[1] < 5)
      return material_id::active_material;
    return ring ? material_id::void_region : material_id::electrolyte;
  }

  // Voids along the anode face except at its left end, so the right of the
  // square is reached only sideways: across x = 3 (fine to coarse) and x = 5
  // (coarse to fine) once the cells left of 3 and right of 5 are refined.
  unsigned int
  sideways_layout(const Point<2> &x)
  {
    return x[1] < 1 && x[0] > 1 ? material_id::void_region : material_id::electrolyte;
  }

  bool
  reached_sideways(const Point<2> &x)
  {
    return sideways_layout(x) == material_id::electrolyte;
  }

  template <int dim>
  void
  refine_outer_bands(dealii::Triangulation<dim> &tria)
  {
    for (const auto &cell : tria.active_cell_iterators())
      if (cell->is_locally_owned() && (cell->center()[0] < 3 || cell->center()[0] > 5))
        cell->set_refine_flag();
    tria.execute_coarsening_and_refinement();
  }

  bool
  open_electrolyte(const Point<2> &x)
  {
    return pocket_layout(x) == material_id::electrolyte &&
           !(x[0] > 4 && x[0] < 6 && x[1] > 4 && x[1] < 6);
  }
} // namespace

TEST(IonicNetwork, SerialPocketIsCutOff)
{
  dealii::Triangulation<2> tria;
  make_square(tria, pocket_layout);
  // 64 cells: 16 in the ring square, of which 4 form the pocket (1 AM, 3 SE)
  // and 12 the ring (1 AM, 11 voids); 48 open electrolyte cells.
  EXPECT_EQ(check(tria, open_electrolyte), 48u);
}

TEST(IonicNetwork, DistributedPocketIsCutOffAcrossHangingFaces)
{
  dealii::parallel::distributed::Triangulation<2> tria(MPI_COMM_WORLD);
  make_square(tria, pocket_layout);
  tria.refine_global(1);
  // Refine the left half once more: hanging faces run along x = 4, between
  // the ring's particle cell and the pocket.
  for (const auto &cell : tria.active_cell_iterators())
    if (cell->is_locally_owned() && cell->center()[0] < 4)
      cell->set_refine_flag();
  tria.execute_coarsening_and_refinement();
  check(tria, open_electrolyte);
}

// Without the neighbours across hanging faces the middle band and the right
// of the square would be cut off.
TEST(IonicNetwork, SerialPathCrossesHangingFaces)
{
  dealii::Triangulation<2> tria;
  make_square(tria, sideways_layout);
  refine_outer_bands(tria);
  // 57 electrolyte cells of the coarse square (7 voids): the 43 of the outer
  // bands (48 less 5 voids) split into 4 each, the middle band's 14 stay.
  EXPECT_EQ(check(tria, reached_sideways), 4u * (24u + 24u - 5u) + 14u);
}

TEST(IonicNetwork, DistributedPathCrossesHangingFaces)
{
  dealii::parallel::distributed::Triangulation<2> tria(MPI_COMM_WORLD);
  make_square(tria, sideways_layout);
  tria.refine_global(1);
  refine_outer_bands(tria);
  check(tria, reached_sideways);
}

TEST(IonicNetwork, DistributedVoidLayerCutsOffEverythingAbove)
{
  dealii::parallel::distributed::Triangulation<2> tria(MPI_COMM_WORLD);
  make_square(tria, [](const Point<2> &x) {
    return x[1] > 3 && x[1] < 4 ? material_id::void_region : material_id::electrolyte;
  });
  tria.refine_global(2);
  check(tria, [](const Point<2> &x) { return x[1] < 3; });
}

TEST(IonicNetwork, CoatingConductsAndParticlesDoNot)
{
  dealii::Triangulation<2> tria;
  // Row y in [3, 4]: coating on the left half, particles on the right. Only
  // the columns above the coating stay joined to the anode.
  make_square(tria, [](const Point<2> &x) -> unsigned int {
    if (x[1] > 3 && x[1] < 4)
      return x[0] < 4 ? material_id::coating : material_id::active_material;
    if (x[1] > 4 && x[0] > 4)
      return material_id::void_region; // no path around the particles
    return material_id::electrolyte;
  });
  check(tria, [](const Point<2> &x) { return x[1] < 3 || x[0] < 4; });
}

TEST(IonicNetwork, DistributedPowderBelowThresholdCutsOffLikeAVoid)
{
  // Electrolyte everywhere; the cells of the row y in [3, 4] do not conduct
  // (powder below its percolation threshold), except at x in [7, 8].
  dealii::parallel::distributed::Triangulation<2> tria(MPI_COMM_WORLD);
  make_square(tria, [](const Point<2> &) { return material_id::electrolyte; });
  tria.refine_global(1);
  const auto sealed_row = [](const dealii::Triangulation<2>::active_cell_iterator &c) {
    const auto x = c->center();
    return !(x[1] > 3 && x[1] < 4 && x[0] < 7);
  };
  check(
    tria, [](const Point<2> &x) { return !(x[1] > 3 && x[1] < 4 && x[0] < 7); }, sealed_row);
  // Closed everywhere: nothing above the row is reached.
  check(
    tria, [](const Point<2> &x) { return x[1] < 3; },
    [](const dealii::Triangulation<2>::active_cell_iterator &c) {
      return !(c->center()[1] > 3 && c->center()[1] < 4);
    });
}
