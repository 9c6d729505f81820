#include <deal.II/distributed/shared_tria.h>
#include <deal.II/distributed/tria.h>
#include <deal.II/grid/grid_tools.h>

#include <meshes/partition.h>
#include <physics/input_error.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <tuple>
#include <vector>

namespace ssbcell
{
  using namespace dealii;

  MeshPartition
  parse_mesh_partition(const std::string &name)
  {
    if (name == "curve")
      return MeshPartition::curve;
    if (name == "per material")
      return MeshPartition::per_material;
    throw InputError("unknown partition '" + name + "'", "use 'curve' or 'per material'", "",
                     0, "Geometry/Partition");
  }

  namespace
  {
    // The Morton (Z-order) key of a point scaled to [0, 1]^dim: the bits of
    // its coordinates, interleaved from the most significant down.
    template <int dim>
    std::uint64_t
    morton_key(const Point<dim> &unit)
    {
      constexpr unsigned int bits = 63 / dim;
      std::uint64_t          q[dim];
      for (unsigned int d = 0; d < dim; ++d)
        {
          const double x = std::clamp(unit[d], 0., 1.);
          q[d] = static_cast<std::uint64_t>(x * double((std::uint64_t(1) << bits) - 1));
        }
      std::uint64_t key = 0;
      for (int b = bits - 1; b >= 0; --b)
        for (unsigned int d = 0; d < dim; ++d)
          key = (key << 1) | ((q[d] >> b) & 1u);
      return key;
    }
  } // namespace

  template <int dim>
  void
  partition_per_material(Triangulation<dim> &triangulation, const unsigned int n_parts)
  {
    if (triangulation.n_active_cells() == 0)
      return;
    const BoundingBox<dim> box    = GridTools::compute_bounding_box(triangulation);
    const Point<dim>      &corner = box.get_boundary_points().first;
    Tensor<1, dim>         extent = box.get_boundary_points().second - corner;
    for (unsigned int d = 0; d < dim; ++d)
      extent[d] = std::max(extent[d], 1e-300);

    using Entry = std::tuple<std::uint64_t, unsigned int>; // key, active cell index
    std::map<types::material_id, std::vector<Entry>>               by_material;
    std::vector<typename Triangulation<dim>::active_cell_iterator> cells(
      triangulation.n_active_cells());
    for (const auto &cell : triangulation.active_cell_iterators())
      {
        Point<dim> unit;
        for (unsigned int d = 0; d < dim; ++d)
          unit[d] = (cell->center()[d] - corner[d]) / extent[d];
        by_material[cell->material_id()].emplace_back(morton_key(unit),
                                                      cell->active_cell_index());
        cells[cell->active_cell_index()] = cell;
      }
    for (auto &[material, entries] : by_material)
      {
        std::sort(entries.begin(), entries.end());
        const std::size_t n = entries.size();
        for (std::size_t i = 0; i < n; ++i)
          cells[std::get<1>(entries[i])]->set_subdomain_id(
            static_cast<types::subdomain_id>(i * n_parts / n));
      }
  }

  template <int dim>
  std::unique_ptr<Triangulation<dim>>
  make_triangulation(const MeshPartition partition, MPI_Comm comm)
  {
    if (dim == 1)
      return std::make_unique<parallel::shared::Triangulation<dim>>(comm);
    if (partition == MeshPartition::curve)
      return std::make_unique<parallel::distributed::Triangulation<dim>>(comm);

    // Artificial cells: each rank assembles and ghosts only near its own
    // cells, as with p4est. Refinement levels differ by at most one across
    // vertices, as p4est's balance makes them, so a mesh refines the same
    // with either partition. The partition is redone after every refinement
    // (the signal fires before deal.II marks the artificial cells).
    auto triangulation = std::make_unique<parallel::shared::Triangulation<dim>>(
      comm, Triangulation<dim>::limit_level_difference_at_vertices, true,
      parallel::shared::Triangulation<dim>::partition_custom_signal);
    const unsigned int n_ranks = Utilities::MPI::n_mpi_processes(comm);
    auto              *tria    = triangulation.get();
    const auto repartition     = [tria, n_ranks]() { partition_per_material(*tria, n_ranks); };
    triangulation->signals.create.connect(repartition);
    triangulation->signals.post_refinement.connect(repartition);
    return triangulation;
  }

#define SSBCELL_INSTANTIATE(dim)                                                      \
  template void partition_per_material(Triangulation<dim> &, unsigned int);           \
  template std::unique_ptr<Triangulation<dim>> make_triangulation<dim>(MeshPartition, \
                                                                       MPI_Comm);
  SSBCELL_INSTANTIATE(1)
  SSBCELL_INSTANTIATE(2)
  SSBCELL_INSTANTIATE(3)
#undef SSBCELL_INSTANTIATE
} // namespace ssbcell
