#pragma once
// One solve with a set-up PETSc KSP, shared by the cell models' and the
// mechanics' linear solvers: a failed solve becomes deal.II's
// SolverControl::NoConvergence, which the callers turn into a failed step.

#include <deal.II/lac/solver_control.h>

#include <solver/linear_algebra/linear_algebra.h>

#include <petscksp.h>

#include <algorithm>

namespace ssbcell
{
  // Returns the iterations (1 for a direct solve).
  inline unsigned int
  ksp_solve(KSP ksp, LA::Vector &solution, const LA::Vector &rhs)
  {
    LA::check_petsc(KSPSolve(ksp, static_cast<const Vec &>(rhs),
                             static_cast<const Vec &>(solution)),
                    "KSPSolve");
    KSPConvergedReason reason;
    PetscInt           iterations = 0;
    LA::check_petsc(KSPGetConvergedReason(ksp, &reason), "KSPGetConvergedReason");
    LA::check_petsc(KSPGetIterationNumber(ksp, &iterations), "KSPGetIterationNumber");
    if (reason < 0)
      {
        PetscReal residual = 0.;
        KSPGetResidualNorm(ksp, &residual);
        throw dealii::SolverControl::NoConvergence(iterations, residual);
      }
    return std::max<PetscInt>(iterations, 1);
  }
} // namespace ssbcell
