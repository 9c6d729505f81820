#pragma once
// The linear solver of the mechanics: CG preconditioned by PETSc's smoothed
// aggregation multigrid (GAMG), which is told the rigid-body modes (its near
// null space) and the number of displacement components per node; or MUMPS
// LU. Set up once per matrix, then reused for every right-hand side (the
// matrix of linear elasticity does not change with the concentration).
// PETSc options with the prefix `mech_` reach this solver only.

#include <solver/linear_algebra/linear_algebra.h>

#include <petscksp.h>

#include <string>
#include <vector>

namespace ssbcell
{
  class ElasticitySolver
  {
  public:
    // `type`: direct | cg-amg; `dimension`: of the mesh (the AMG's
    // settings depend on it).
    ElasticitySolver(const std::string &type,
                     double             tolerance,
                     unsigned int       max_iterations,
                     unsigned int       dimension = 3);
    ~ElasticitySolver();
    ElasticitySolver(const ElasticitySolver &) = delete;
    ElasticitySolver &
    operator=(const ElasticitySolver &) = delete;

    // `modes`: the rigid-body modes (owned vectors), used by cg-amg only.
    // `block_size`: the number of consecutive unknowns per node (1 if the
    // numbering does not interleave the components).
    void
    set_matrix(LA::SparseMatrix              &matrix,
               const std::vector<LA::Vector> &modes,
               unsigned int                   block_size);
    // Solves A x = b; returns the iterations (1 for the direct solver). CG
    // starts from the x passed in. Throws dealii::SolverControl::NoConvergence
    // on failure.
    unsigned int
    solve(LA::Vector &solution, const LA::Vector &rhs);

    const std::string &
    type() const
    {
      return solver_type;
    }

  private:
    std::string  solver_type;
    double       tolerance;
    unsigned int max_iterations;
    unsigned int dimension;
    KSP          ksp = nullptr;
  };
} // namespace ssbcell
