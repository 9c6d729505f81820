#pragma once
// What a model gives the Newton solver (solver/nonlinear/newton_solver.h):
// the residual R(x, phi_s) of its discrete equations and their Jacobian
// J = dR/dx, and, where the electrode potential phi_s is an unknown fixed by
// the applied current (a galvanostatic step), the current constraint
// g(x, phi_s) = 0 with dR/dphi_s, dg/dx and dg/dphi_s. The model knows
// nothing of damping, line search, convergence or linear solvers.

#include <deal.II/base/index_set.h>
#include <deal.II/lac/affine_constraints.h>

#include <solver/linear_algebra/linear_algebra.h>

#include <vector>

namespace ssbcell
{
  // The pieces of one Newton system [J b; c^T d] (x, phi_s) = -(R, g).
  struct BorderedSystem
  {
    LA::Vector residual;        // R (owned)
    double     constraint = 0.; // g [A]
    LA::Vector db, dc;          // dR/dphi_s, dg/dx (with the Jacobian)
    double     dd = 0.;         // dg/dphi_s
  };

  // Unknowns of one kind, with the scale of their values: the convergence
  // test measures updates in it, the line search weighs residuals with it.
  struct UnknownGroup
  {
    dealii::IndexSet indices;              // owned
    double           scale        = 1.;    // c_max for c, 1 V for potentials, ...
    bool             is_potential = false; // damped (exponential kinetics)
  };

  class NonlinearProblem
  {
  public:
    virtual ~NonlinearProblem() = default;

    virtual LA::Vector
    owned_vector() const = 0;
    virtual LA::Vector
    ghosted_vector() const = 0;

    // R, g and, if with_jacobian, J (into jacobian()), dR/dphi_s, dg/dx and
    // dg/dphi_s at the ghosted state x and the electrode potential phi_s.
    virtual void
    assemble_system(const LA::Vector &x,
                    double            phi_s,
                    bool              with_jacobian,
                    BorderedSystem   &system) = 0;
    virtual LA::SparseMatrix &
    jacobian() = 0;
    // The (homogeneous) constraints of the updates.
    virtual const dealii::AffineConstraints<double> &
    get_constraints() const = 0;
    virtual std::vector<UnknownGroup>
    unknown_groups() const = 0;
  };
} // namespace ssbcell
