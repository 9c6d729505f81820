#pragma once
// The local unknowns and residuals of one contribution to the Newton system
// of the electrochemical cell: the DoFs of one cell, or of the two cells of
// a face, followed by the electrode potential phi_s.
//
// A term writes its residual in one of two ways. In ADNumber (r, g), whose
// derivatives with respect to the local unknowns u are its Jacobian, the
// border column dR/dphi_s and the constraint row dg/dx: the interface and
// transport terms, written once. Or, where the Jacobian is cheap to write
// by hand (linear or bulk diffusion terms, most of the mesh), in plain
// numbers: plain_residual and plain_jacobian (no phi_s dependence).

#include <deal.II/base/tensor.h>
#include <deal.II/base/types.h>
#include <deal.II/lac/full_matrix.h>
#include <deal.II/lac/vector.h>

#include <physics/ad_number.h>
#include <solver/linear_algebra/linear_algebra.h>

#include <vector>

namespace ssbcell
{
  struct LocalTerm
  {
    std::vector<dealii::types::global_dof_index> dofs;
    // The DoFs of the first cell come first; a face term's second cell
    // starts here.
    unsigned int n_first_cell_dofs = 0;

    // The values of x at the DoFs, read once (element-wise reads of a
    // ghosted PETSc vector cost several PETSc calls each).
    std::vector<double> x_values;

    // Automatic differentiation: u = (local DoF values, phi_s).
    bool                  automatic = false;
    std::vector<ADNumber> u, r;
    ADNumber              g = 0.; // contribution to the current constraint [A]

    dealii::Vector<double>     plain_residual;
    dealii::FullMatrix<double> plain_jacobian;

    // Sets the DoFs (those of a first cell, optionally followed by those of
    // a second) and the values of the unknowns from the ghosted x.
    void
    reinit(const std::vector<dealii::types::global_dof_index> &first_cell,
           const std::vector<dealii::types::global_dof_index> &second_cell,
           const LA::Vector                                   &x,
           double                                              phi_s,
           bool                                                with_automatic_differentiation,
           bool                                                with_jacobian)
    {
      dofs = first_cell;
      dofs.insert(dofs.end(), second_cell.begin(), second_cell.end());
      n_first_cell_dofs    = first_cell.size();
      const unsigned int n = dofs.size();
      x_values.resize(n);
      x.extract_subvector_to(dofs.begin(), dofs.end(), x_values.begin());
      automatic = with_automatic_differentiation;
      if (automatic)
        {
          u.resize(n + 1);
          for (unsigned int k = 0; k < n; ++k)
            u[k] = ADNumber(n + 1, k, x_values[k]);
          u[n] = ADNumber(n + 1, n, phi_s);
          r.assign(n, ADNumber(0.));
          g = 0.;
        }
      plain_residual.reinit(n);
      if (with_jacobian)
        plain_jacobian.reinit(n, n);
    }

    unsigned int
    size() const
    {
      return dofs.size();
    }

    const ADNumber &
    phi_s() const
    {
      return u.back();
    }
  };

  // sum_k u[offset + k] N_k(x_q) for k < n, with N_k the shape functions of
  // an FEValues view (one component of one cell).
  template <typename View>
  ADNumber
  value_at(const LocalTerm &t,
           const View      &v,
           unsigned int     offset,
           unsigned int     n,
           unsigned int     q)
  {
    ADNumber s = 0.;
    for (unsigned int k = 0; k < n; ++k)
      s += t.u[offset + k] * v.value(k, q);
    return s;
  }

  // sum_k u[offset + k] grad N_k(x_q) for k < n.
  template <int dim, typename View>
  dealii::Tensor<1, dim, ADNumber>
  gradient_at(const LocalTerm &t,
              const View      &v,
              unsigned int     offset,
              unsigned int     n,
              unsigned int     q)
  {
    dealii::Tensor<1, dim, ADNumber> s;
    for (unsigned int k = 0; k < n; ++k)
      {
        const dealii::Tensor<1, dim> g = v.gradient(k, q);
        for (unsigned int d = 0; d < dim; ++d)
          s[d] += t.u[offset + k] * g[d];
      }
    return s;
  }

  template <int dim>
  ADNumber
  dot(const dealii::Tensor<1, dim, ADNumber> &a, const dealii::Tensor<1, dim> &b)
  {
    ADNumber s = 0.;
    for (unsigned int d = 0; d < dim; ++d)
      s += a[d] * b[d];
    return s;
  }
} // namespace ssbcell
