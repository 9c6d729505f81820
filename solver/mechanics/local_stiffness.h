#pragma once
// The cell stiffness matrix of the mechanics from the strains eps_i of the
// shape functions and the stresses sigma_i = C : eps_i they cause at one
// quadrature point (elastic C, or the consistent tangent of plasticity):
// both have the major symmetry, so only the lower triangle is summed.
// Included by the mechanics' .cc files only.

#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/lac/full_matrix.h>

#include <vector>

namespace ssbcell::mechanics
{
  // local(i, j) += (sigma_j : eps_i) w for j <= i.
  inline void
  add_lower_stiffness(dealii::FullMatrix<double>                       &local,
                      const std::vector<dealii::SymmetricTensor<2, 3>> &eps,
                      const std::vector<dealii::SymmetricTensor<2, 3>> &sigma,
                      double                                            w)
  {
    for (unsigned int i = 0; i < eps.size(); ++i)
      for (unsigned int j = 0; j <= i; ++j)
        local(i, j) += (sigma[j] * eps[i]) * w;
  }

  // The upper triangle from the lower one.
  inline void
  fill_upper(dealii::FullMatrix<double> &local)
  {
    for (unsigned int i = 0; i < local.m(); ++i)
      for (unsigned int j = i + 1; j < local.n(); ++j)
        local(i, j) = local(j, i);
  }
} // namespace ssbcell::mechanics
