#pragma once
// A complex linear system (A_re + i A_im) z = b with PETSc's real scalars:
// the real system of twice the size in which each unknown's real and
// imaginary parts sit side by side, so each complex entry a + ib becomes
// the block [a -b; b a] and the rows of a rank stay on that rank. Solved by
// MUMPS (LU), in parallel. A is a complex combination of assembled PETSc
// matrices with one parallel layout.

#include <solver/linear_algebra/linear_algebra.h>

#include <petscksp.h>

#include <complex>
#include <utility>
#include <vector>

namespace ssbcell
{
  using Complex = std::complex<double>;

  // A complex vector as its real and imaginary parts (owned layout).
  struct ComplexVector
  {
    LA::Vector re, im;
  };

  // sum_k a_k b_k (no conjugate), over all ranks.
  Complex
  bilinear_dot(const ComplexVector &a, const ComplexVector &b);

  class ComplexLinearSystem
  {
  public:
    ComplexLinearSystem() = default;
    ~ComplexLinearSystem();
    ComplexLinearSystem(const ComplexLinearSystem &) = delete;
    ComplexLinearSystem &
    operator=(const ComplexLinearSystem &) = delete;

    // A = sum_k factor_k matrix_k, with the rows in `identity_rows` (owned
    // global indices: constrained unknowns) replaced by those of the
    // identity; factorises A.
    void
    set_matrix(const std::vector<std::pair<Mat, Complex>> &parts,
               const std::vector<PetscInt>                &identity_rows);

    // z with A z = b (b's parts have the layout of the matrices).
    ComplexVector
    solve(const ComplexVector &b) const;

  private:
    void
    destroy();

    Mat      matrix = nullptr;
    KSP      ksp    = nullptr;
    MPI_Comm comm   = MPI_COMM_NULL;
  };
} // namespace ssbcell
