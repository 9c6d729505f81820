#include <deal.II/lac/solver_control.h>

#include <solver/linear_algebra/amg_options.h>
#include <solver/linear_algebra/ksp_solve.h>
#include <solver/mechanics/elasticity_solver.h>

#include <stdexcept>

namespace ssbcell
{
  using LA::check_petsc;

  ElasticitySolver::ElasticitySolver(const std::string &type,
                                     double             tolerance,
                                     unsigned int       max_iterations,
                                     unsigned int       dimension)
    : solver_type(type)
    , tolerance(tolerance)
    , max_iterations(max_iterations)
    , dimension(dimension)
  {
    if (type != "direct" && type != "cg-amg")
      throw std::invalid_argument("unknown elasticity solver '" + type + "'");
  }

  ElasticitySolver::~ElasticitySolver()
  {
    if (ksp)
      KSPDestroy(&ksp);
  }

  void
  ElasticitySolver::set_matrix(LA::SparseMatrix              &matrix,
                               const std::vector<LA::Vector> &modes,
                               unsigned int                   block_size)
  {
    if (ksp)
      KSPDestroy(&ksp);
    Mat A = matrix.petsc_matrix();
    check_petsc(KSPCreate(matrix.get_mpi_communicator(), &ksp), "KSPCreate");
    check_petsc(KSPSetOptionsPrefix(ksp, "mech_"), "KSPSetOptionsPrefix");
    PC pc;
    check_petsc(KSPGetPC(ksp, &pc), "KSPGetPC");
    if (solver_type == "direct")
      {
        check_petsc(KSPSetType(ksp, KSPPREONLY), "KSPSetType");
        check_petsc(PCSetType(pc, PCLU), "PCSetType");
        check_petsc(PCFactorSetMatSolverType(pc, MATSOLVERMUMPS), "PCFactorSetMatSolverType");
      }
    else
      {
        // BoomerAMG with the field split's settings: on the coated 3D
        // particle (thin coating cells, aspect ratio 100 and more) 22 and 30
        // CG iterations at one and two refinements, where GAMG needs 325 and
        // 559. GAMG stays available (-mech_pc_type gamg); it aggregates
        // whole nodes when it knows the block size and builds its coarse
        // spaces from the rigid-body modes, so both are given to the matrix.
        if (block_size > 1)
          check_petsc(MatSetBlockSize(A, block_size), "MatSetBlockSize");
        std::vector<Vec> vectors;
        for (const auto &v : modes)
          vectors.push_back(static_cast<const Vec &>(v));
        MatNullSpace near_null_space;
        check_petsc(MatNullSpaceCreate(matrix.get_mpi_communicator(), PETSC_FALSE,
                                       vectors.size(), vectors.data(), &near_null_space),
                    "MatNullSpaceCreate");
        check_petsc(MatSetNearNullSpace(A, near_null_space), "MatSetNearNullSpace");
        MatNullSpaceDestroy(&near_null_space);
        check_petsc(KSPSetType(ksp, KSPCG), "KSPSetType");
        // The last displacement starts CG: between time steps it changes
        // little.
        check_petsc(KSPSetInitialGuessNonzero(ksp, PETSC_TRUE), "KSPSetInitialGuessNonzero");
        check_petsc(PCSetType(pc, PCHYPRE), "PCSetType");
        check_petsc(PCHYPRESetType(pc, "boomeramg"), "PCHYPRESetType");
        set_boomeramg_defaults("mech_", dimension);
        check_petsc(KSPSetTolerances(ksp, tolerance, PETSC_DEFAULT, PETSC_DEFAULT,
                                     max_iterations),
                    "KSPSetTolerances");
      }
    check_petsc(KSPSetFromOptions(ksp), "KSPSetFromOptions");
    check_petsc(KSPSetOperators(ksp, A, A), "KSPSetOperators");
    check_petsc(KSPSetUp(ksp), "KSPSetUp");
  }

  unsigned int
  ElasticitySolver::solve(LA::Vector &solution, const LA::Vector &rhs)
  {
    return ksp_solve(ksp, solution, rhs);
  }
} // namespace ssbcell
