#pragma once
// The linear-algebra types used by the solver (PETSc, distributed).

#include <deal.II/lac/petsc_sparse_matrix.h>
#include <deal.II/lac/petsc_vector.h>

#include <stdexcept>
#include <string>

namespace ssbcell::LA
{
  using Vector       = dealii::PETScWrappers::MPI::Vector;
  using SparseMatrix = dealii::PETScWrappers::MPI::SparseMatrix;

  // Turns a PETSc error code of a raw PETSc call into an exception.
  inline void
  check_petsc(PetscErrorCode code, const char *what)
  {
    if (code != 0)
      throw std::runtime_error(std::string("PETSc error in ") + what + " (code " +
                               std::to_string(code) + ")");
  }
} // namespace ssbcell::LA
