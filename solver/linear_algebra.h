#pragma once
// The linear-algebra types used by the solver (PETSc, distributed).

#include <deal.II/lac/petsc_sparse_matrix.h>
#include <deal.II/lac/petsc_vector.h>

namespace ssbcell::LA
{
  using Vector       = dealii::PETScWrappers::MPI::Vector;
  using SparseMatrix = dealii::PETScWrappers::MPI::SparseMatrix;
} // namespace ssbcell::LA
