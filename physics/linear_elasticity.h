#pragma once
// Isotropic small-strain elasticity at one point, written once for every
// coordinate system (docs/mechanics.md). Strain and stress are always 3x3
// tensors in the frame of the coordinate system, so that the out-of-plane
// and hoop components need no special cases downstream:
//   cartesian 1D  (x, y, z): eps_xx = du/dx, the rest 0 (a confined slab)
//   cartesian 2D  (x, y, z): plane strain, eps_zz = 0
//   cartesian 3D  (x, y, z)
//   axisymmetric  (r, z, theta), x = r, y = z: eps_tt = u_r / r
//   spherical 1D  (r, theta, phi): eps_tt = eps_pp = u_r / r
// The weak form integrates sigma : eps(v) with the volume weight of
// meshes/geometry.h, so these strains are all a model needs per dimension.

#include <deal.II/base/point.h>
#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/base/tensor.h>

#include <meshes/geometry.h>
#include <physics/elastic_properties.h>

#include <cmath>
#include <string>
#include <vector>

namespace ssbcell::elasticity
{
  using Tensor3 = dealii::SymmetricTensor<2, 3>;

  // The strain of a displacement with value u and gradient grad_u at x.
  template <int dim>
  inline Tensor3
  strain(CoordinateSystem              system,
         const dealii::Point<dim>     &x,
         const dealii::Tensor<1, dim> &u,
         const dealii::Tensor<2, dim> &grad_u)
  {
    Tensor3 e;
    for (unsigned int i = 0; i < dim; ++i)
      for (unsigned int j = i; j < dim; ++j)
        e[i][j] = 0.5 * (grad_u[i][j] + grad_u[j][i]);
    // Quadrature points lie inside cells, so r > 0 here.
    if (system == CoordinateSystem::axisymmetric)
      e[2][2] = u[0] / x[0];
    else if (system == CoordinateSystem::spherical)
      e[1][1] = e[2][2] = u[0] / x[0];
    return e;
  }

  // sigma = lambda tr(eps) I + 2 mu eps, for the elastic part of the strain.
  inline Tensor3
  stress(const ElasticProperties &m, const Tensor3 &elastic_strain)
  {
    return m.lame_lambda() * dealii::trace(elastic_strain) *
             dealii::unit_symmetric_tensor<3>() +
           2. * m.shear_modulus() * elastic_strain;
  }

  // sigma = C : (eps - eps0 I), eps0 the isotropic chemical strain.
  inline Tensor3
  stress(const ElasticProperties &m, const Tensor3 &total_strain, double eps0)
  {
    return stress(m, total_strain - eps0 * dealii::unit_symmetric_tensor<3>());
  }

  inline double
  hydrostatic(const Tensor3 &sigma)
  {
    return dealii::trace(sigma) / 3.;
  }

  inline double
  von_mises(const Tensor3 &sigma)
  {
    const Tensor3 s = dealii::deviator(sigma);
    return std::sqrt(1.5 * (s * s));
  }

  // A vector of the mesh (e.g. a face normal) in the 3x3 frame.
  template <int dim>
  inline dealii::Tensor<1, 3>
  embed(const dealii::Tensor<1, dim> &v)
  {
    dealii::Tensor<1, 3> w;
    for (unsigned int i = 0; i < dim; ++i)
      w[i] = v[i];
    return w;
  }

  // t_n = -n . sigma . n [Pa], > 0 in compression.
  template <int dim>
  inline double
  normal_traction(const Tensor3 &sigma, const dealii::Tensor<1, dim> &n)
  {
    const dealii::Tensor<1, 3> m = embed(n);
    return -(m * (sigma * m));
  }

  // The 3x3 components that can be non-zero, as (i, j, name suffix): "xx",
  // "rr", "tt" (hoop) ...
  struct Component
  {
    unsigned int i, j;
    std::string  name;
  };

  inline std::vector<Component>
  components(unsigned int dim, CoordinateSystem system)
  {
    if (system == CoordinateSystem::spherical)
      return {{0, 0, "rr"}, {1, 1, "tt"}};
    if (system == CoordinateSystem::axisymmetric)
      return {{0, 0, "rr"}, {1, 1, "zz"}, {2, 2, "tt"}, {0, 1, "rz"}};
    if (dim == 1)
      return {{0, 0, "xx"}, {1, 1, "yy"}, {2, 2, "zz"}};
    if (dim == 2)
      return {{0, 0, "xx"}, {1, 1, "yy"}, {2, 2, "zz"}, {0, 1, "xy"}};
    return {{0, 0, "xx"}, {1, 1, "yy"}, {2, 2, "zz"},
            {0, 1, "xy"}, {0, 2, "xz"}, {1, 2, "yz"}};
  }
} // namespace ssbcell::elasticity
