#include <solver/frequency_domain/complex_linear_system.h>

#include <algorithm>
#include <map>

namespace ssbcell
{
  Complex
  bilinear_dot(const ComplexVector &a, const ComplexVector &b)
  {
    return {(a.re * b.re) - (a.im * b.im), (a.re * b.im) + (a.im * b.re)};
  }

  ComplexLinearSystem::~ComplexLinearSystem()
  {
    destroy();
  }

  void
  ComplexLinearSystem::destroy()
  {
    if (ksp)
      KSPDestroy(&ksp);
    if (matrix)
      MatDestroy(&matrix);
    ksp    = nullptr;
    matrix = nullptr;
  }

  void
  ComplexLinearSystem::set_matrix(const std::vector<std::pair<Mat, Complex>> &parts,
                                  const std::vector<PetscInt>                &identity_rows)
  {
    destroy();
    AssertThrow(!parts.empty(), dealii::ExcMessage("a complex system needs a matrix"));
    LA::check_petsc(PetscObjectGetComm(reinterpret_cast<PetscObject>(parts[0].first), &comm),
                    "PetscObjectGetComm");
    PetscInt first = 0, end = 0, n = 0;
    LA::check_petsc(MatGetOwnershipRange(parts[0].first, &first, &end),
                    "MatGetOwnershipRange");
    LA::check_petsc(MatGetSize(parts[0].first, &n, nullptr), "MatGetSize");

    // The complex rows, merged over the parts (their sparsity may differ).
    std::vector<std::map<PetscInt, Complex>> rows(end - first);
    for (PetscInt r = first; r < end; ++r)
      {
        auto &row = rows[r - first];
        if (std::binary_search(identity_rows.begin(), identity_rows.end(), r))
          {
            row[r] = 1.;
            continue;
          }
        for (const auto &[part, factor] : parts)
          {
            PetscInt           n_cols = 0;
            const PetscInt    *cols   = nullptr;
            const PetscScalar *values = nullptr;
            LA::check_petsc(MatGetRow(part, r, &n_cols, &cols, &values), "MatGetRow");
            for (PetscInt k = 0; k < n_cols; ++k)
              if (!std::binary_search(identity_rows.begin(), identity_rows.end(), cols[k]) ||
                  cols[k] == r)
                row[cols[k]] += factor * values[k];
            LA::check_petsc(MatRestoreRow(part, r, &n_cols, &cols, &values), "MatRestoreRow");
          }
      }

    // Preallocation of the real system: row 2r (real part) and 2r + 1
    // (imaginary part) have two entries per complex column.
    const PetscInt        n_local = 2 * (end - first);
    std::vector<PetscInt> on_rank(n_local), off_rank(n_local);
    for (PetscInt r = 0; r < end - first; ++r)
      {
        PetscInt d = 0, o = 0;
        for (const auto &entry : rows[r])
          (entry.first >= first && entry.first < end ? d : o) += 2;
        on_rank[2 * r] = on_rank[2 * r + 1] = d;
        off_rank[2 * r] = off_rank[2 * r + 1] = o;
      }
    LA::check_petsc(MatCreate(comm, &matrix), "MatCreate");
    LA::check_petsc(MatSetSizes(matrix, n_local, n_local, 2 * n, 2 * n), "MatSetSizes");
    LA::check_petsc(MatSetType(matrix, MATAIJ), "MatSetType");
    LA::check_petsc(MatSeqAIJSetPreallocation(matrix, 0, on_rank.data()),
                    "MatSeqAIJSetPreallocation");
    LA::check_petsc(MatMPIAIJSetPreallocation(matrix, 0, on_rank.data(), 0, off_rank.data()),
                    "MatMPIAIJSetPreallocation");
    std::vector<PetscInt>    cols;
    std::vector<PetscScalar> re_row, im_row;
    for (PetscInt r = 0; r < end - first; ++r)
      {
        cols.clear();
        re_row.clear();
        im_row.clear();
        for (const auto &[c, a] : rows[r])
          {
            cols.insert(cols.end(), {2 * c, 2 * c + 1});
            re_row.insert(re_row.end(), {a.real(), -a.imag()});
            im_row.insert(im_row.end(), {a.imag(), a.real()});
          }
        const PetscInt re = 2 * (first + r), im = re + 1;
        const PetscInt m = cols.size();
        LA::check_petsc(MatSetValues(matrix, 1, &re, m, cols.data(), re_row.data(),
                                     INSERT_VALUES),
                        "MatSetValues");
        LA::check_petsc(MatSetValues(matrix, 1, &im, m, cols.data(), im_row.data(),
                                     INSERT_VALUES),
                        "MatSetValues");
      }
    LA::check_petsc(MatAssemblyBegin(matrix, MAT_FINAL_ASSEMBLY), "MatAssemblyBegin");
    LA::check_petsc(MatAssemblyEnd(matrix, MAT_FINAL_ASSEMBLY), "MatAssemblyEnd");

    PC pc;
    LA::check_petsc(KSPCreate(comm, &ksp), "KSPCreate");
    LA::check_petsc(KSPSetOperators(ksp, matrix, matrix), "KSPSetOperators");
    LA::check_petsc(KSPSetType(ksp, KSPPREONLY), "KSPSetType");
    LA::check_petsc(KSPGetPC(ksp, &pc), "KSPGetPC");
    LA::check_petsc(PCSetType(pc, PCLU), "PCSetType");
    LA::check_petsc(PCFactorSetMatSolverType(pc, MATSOLVERMUMPS), "PCFactorSetMatSolverType");
    LA::check_petsc(KSPSetUp(ksp), "KSPSetUp (MUMPS factorisation)");
  }

  ComplexVector
  ComplexLinearSystem::solve(const ComplexVector &b) const
  {
    Vec      rhs, z;
    PetscInt n_local = 0;
    LA::check_petsc(MatGetLocalSize(matrix, &n_local, nullptr), "MatGetLocalSize");
    LA::check_petsc(MatCreateVecs(matrix, &z, &rhs), "MatCreateVecs");
    const PetscScalar *re = nullptr, *im = nullptr;
    PetscScalar       *out = nullptr;
    LA::check_petsc(VecGetArrayRead(static_cast<const Vec &>(b.re), &re), "VecGetArrayRead");
    LA::check_petsc(VecGetArrayRead(static_cast<const Vec &>(b.im), &im), "VecGetArrayRead");
    LA::check_petsc(VecGetArray(rhs, &out), "VecGetArray");
    for (PetscInt k = 0; k < n_local / 2; ++k)
      {
        out[2 * k]     = re[k];
        out[2 * k + 1] = im[k];
      }
    VecRestoreArray(rhs, &out);
    VecRestoreArrayRead(static_cast<const Vec &>(b.re), &re);
    VecRestoreArrayRead(static_cast<const Vec &>(b.im), &im);
    KSPConvergedReason   reason = KSP_DIVERGED_ITS;
    const PetscErrorCode solved = KSPSolve(ksp, rhs, z);
    if (solved == 0)
      KSPGetConvergedReason(ksp, &reason);
    if (solved != 0 || reason < 0)
      {
        VecDestroy(&rhs);
        VecDestroy(&z);
        AssertThrow(false, dealii::ExcMessage("the impedance system's solve failed"));
      }

    ComplexVector      result{b.re, b.im};
    const PetscScalar *in = nullptr;
    LA::check_petsc(VecGetArrayRead(z, &in), "VecGetArrayRead");
    // The handles of the results (PETSc writes through a copy of them).
    Vec          re_out = static_cast<const Vec &>(result.re);
    Vec          im_out = static_cast<const Vec &>(result.im);
    PetscScalar *zr = nullptr, *zi = nullptr;
    LA::check_petsc(VecGetArray(re_out, &zr), "VecGetArray");
    LA::check_petsc(VecGetArray(im_out, &zi), "VecGetArray");
    for (PetscInt k = 0; k < n_local / 2; ++k)
      {
        zr[k] = in[2 * k];
        zi[k] = in[2 * k + 1];
      }
    VecRestoreArray(re_out, &zr);
    VecRestoreArray(im_out, &zi);
    VecRestoreArrayRead(z, &in);
    VecDestroy(&rhs);
    VecDestroy(&z);
    return result;
  }
} // namespace ssbcell
