#pragma once
// Volumes of the regions (by material id), areas of the interfaces between
// them and of the boundaries, in physical units (the coordinate system's
// volume weight applied), summed over all MPI ranks.

#include <deal.II/fe/mapping.h>
#include <deal.II/grid/tria.h>

#include <meshes/geometry.h>

#include <map>
#include <ostream>
#include <utility>

namespace ssbcell
{
  struct RegionMeasures
  {
    std::map<unsigned int, double> volume; // material id -> m^3
    // (smaller id, larger id) -> m^2
    std::map<std::pair<unsigned int, unsigned int>, double> interface_area;
    std::map<unsigned int, double> boundary_area; // boundary id -> m^2

    double
    volume_of(unsigned int id) const;
    double
    interface_area_of(unsigned int id1, unsigned int id2) const;

    void
    print(std::ostream &out) const;
  };

  template <int dim>
  RegionMeasures
  compute_region_measures(const dealii::Triangulation<dim> &triangulation,
                          const dealii::Mapping<dim>       &mapping,
                          CoordinateSystem                  coordinate_system);
} // namespace ssbcell
