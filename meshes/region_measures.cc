#include <deal.II/base/mpi.h>
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/fe/fe_nothing.h>
#include <deal.II/fe/fe_values.h>

#include <meshes/ids.h>
#include <meshes/region_measures.h>

#include <iomanip>

namespace ssbcell
{
  double
  RegionMeasures::volume_of(unsigned int id) const
  {
    const auto it = volume.find(id);
    return it == volume.end() ? 0. : it->second;
  }

  double
  RegionMeasures::interface_area_of(unsigned int id1, unsigned int id2) const
  {
    const auto it = interface_area.find({std::min(id1, id2), std::max(id1, id2)});
    return it == interface_area.end() ? 0. : it->second;
  }

  void
  RegionMeasures::print(std::ostream &out) const
  {
    out << "Regions:\n";
    for (const auto &[id, v] : volume)
      out << "  " << std::setw(16) << std::left << material_id::name(id) << " (id " << id
          << ")  volume " << std::scientific << std::setprecision(6) << v << " m^3\n";
    for (const auto &[ids, a] : interface_area)
      out << "  interface " << material_id::name(ids.first) << " | "
          << material_id::name(ids.second) << "  area " << a << " m^2\n";
    for (const auto &[id, a] : boundary_area)
      out << "  boundary " << std::setw(10) << std::left << boundary_id::name(id) << " (id "
          << id << ")  area " << a << " m^2\n";
    out << std::defaultfloat;
  }

  template <int dim>
  RegionMeasures
  compute_region_measures(const dealii::Triangulation<dim> &triangulation,
                          const dealii::Mapping<dim>       &mapping,
                          CoordinateSystem                  coordinate_system)
  {
    using namespace dealii;
    // Degree high enough to integrate r^2 and the curved mapping accurately.
    const QGauss<dim>     quadrature(4);
    const QGauss<dim - 1> face_quadrature(4);
    FE_Nothing<dim>       fe;
    FEValues<dim>         fe_values(mapping, fe, quadrature,
                                    update_JxW_values | update_quadrature_points);
    FEFaceValues<dim>     fe_face_values(mapping, fe, face_quadrature,
                                         update_JxW_values | update_quadrature_points);

    std::vector<double> volume(material_id::n_ids, 0.);
    std::vector<double> interface(material_id::n_ids * material_id::n_ids, 0.);
    // Boundary ids of the project are small numbers (meshes/ids.h).
    constexpr unsigned int max_boundary_id = 256;
    std::vector<double>    boundary(max_boundary_id, 0.);
    std::vector<bool>      boundary_seen(max_boundary_id, false);

    auto face_measure = [&](const auto &cell, unsigned int f) {
      fe_face_values.reinit(cell, f);
      double a = 0.;
      for (unsigned int q = 0; q < face_quadrature.size(); ++q)
        a += fe_face_values.JxW(q) *
             volume_weight(coordinate_system, fe_face_values.quadrature_point(q));
      return a;
    };

    for (const auto &cell : triangulation.active_cell_iterators())
      {
        if (!cell->is_locally_owned())
          continue;
        const unsigned int m = cell->material_id();
        AssertThrow(m < material_id::n_ids, ExcMessage("bad material id"));
        fe_values.reinit(cell);
        for (unsigned int q = 0; q < quadrature.size(); ++q)
          volume[m] +=
            fe_values.JxW(q) * volume_weight(coordinate_system, fe_values.quadrature_point(q));
        for (const unsigned int f : cell->face_indices())
          {
            if (cell->face(f)->at_boundary())
              {
                const auto b = cell->face(f)->boundary_id();
                AssertThrow(b < max_boundary_id, ExcMessage("boundary id >= 256"));
                boundary[b] += face_measure(cell, f);
                boundary_seen[b] = true;
                continue;
              }
            // Count each interface face once, from the smaller material id
            // (same refinement level everywhere: no hanging interfaces).
            const unsigned int n = cell->neighbor(f)->material_id();
            if (n > m)
              interface[m * material_id::n_ids + n] += face_measure(cell, f);
          }
      }

    const MPI_Comm comm = triangulation.get_communicator();
    Utilities::MPI::sum(volume, comm, volume);
    Utilities::MPI::sum(interface, comm, interface);
    Utilities::MPI::sum(boundary, comm, boundary);
    std::vector<unsigned int> seen(boundary_seen.begin(), boundary_seen.end());
    Utilities::MPI::max(seen, comm, seen);

    RegionMeasures measures;
    for (unsigned int m = 0; m < material_id::n_ids; ++m)
      if (volume[m] > 0.)
        measures.volume[m] = volume[m];
    for (unsigned int m = 0; m < material_id::n_ids; ++m)
      for (unsigned int n = m + 1; n < material_id::n_ids; ++n)
        if (interface[m * material_id::n_ids + n] > 0.)
          measures.interface_area[{m, n}] = interface[m * material_id::n_ids + n];
    for (unsigned int b = 0; b < boundary.size(); ++b)
      if (seen[b])
        measures.boundary_area[b] = boundary[b];
    return measures;
  }

  template RegionMeasures
  compute_region_measures(const dealii::Triangulation<1> &,
                          const dealii::Mapping<1> &,
                          CoordinateSystem);
  template RegionMeasures
  compute_region_measures(const dealii::Triangulation<2> &,
                          const dealii::Mapping<2> &,
                          CoordinateSystem);
  template RegionMeasures
  compute_region_measures(const dealii::Triangulation<3> &,
                          const dealii::Mapping<3> &,
                          CoordinateSystem);
} // namespace ssbcell
