#pragma once
// The angle bins of contact_fraction_by_angle and particles.csv: the angle
// between a surface normal and the pressing axis (y in 2D, z in 3D), folded
// to 0-90 degrees, in bins 0-30, 30-60 and 60-90 (0, 1, 2); one bin in 1D.

#include <deal.II/base/numbers.h>
#include <deal.II/base/tensor.h>

#include <algorithm>
#include <cmath>

namespace ssbcell
{
  template <int dim>
  unsigned int
  contact_angle_bin(const dealii::Tensor<1, dim> &unit_normal)
  {
    if (dim == 1)
      return 0;
    const double cosine = std::min(1., std::abs(unit_normal[dim - 1]));
    const double angle  = std::acos(cosine) * 180. / dealii::numbers::PI;
    return std::min(2u, static_cast<unsigned int>(angle / 30.));
  }
} // namespace ssbcell
