#pragma once
// Subsection `Linear solver` and the solves of a Newton system: one PETSc
// KSP per model, set up (factorised, or its preconditioner built) once per
// matrix and reused for every right-hand side, as the bordered Newton step
// needs two solves with the same matrix.

#include <deal.II/base/parameter_handler.h>

#include <solver/linear_algebra/linear_algebra.h>

#include <petscksp.h>

#include <deal.II/base/index_set.h>

#include <string>
#include <vector>

namespace ssbcell
{
  struct LinearSolverParameters
  {
    std::string  type;               // direct | gmres-amg | fieldsplit | auto
    double       tolerance      = 0; // relative, Krylov
    unsigned int max_iterations = 0;
    // Iterative solvers: one preconditioner per time step, not per Newton
    // iteration (the Newton solver asks for it; see set_matrix).
    bool        preconditioner_per_step = true;
    std::string petsc_options; // passed to PETSc's options database

    static void
    declare_parameters(dealii::ParameterHandler &prm);
    void
    parse_parameters(dealii::ParameterHandler &prm);
  };

  class LinearSolver
  {
  public:
    // `direct_limit`: below this many unknowns 'auto' factorises (3D fills
    // in far more than 2D, so callers lower it there), above it 'auto' is
    // 'fieldsplit' if fields are named, else 'gmres-amg'. `dimension`: of
    // the mesh, for the AMG settings.
    explicit LinearSolver(const LinearSolverParameters &parameters,
                          unsigned int                  direct_limit = 200000,
                          unsigned int                  dimension    = 3);
    ~LinearSolver();
    LinearSolver(const LinearSolver &) = delete;
    LinearSolver &
    operator=(const LinearSolver &) = delete;

    // Names the fields (owned indices) for 'fieldsplit'; the first is
    // preconditioned by BoomerAMG, the others together by another.
    // `thin_cells`: the mesh resolves thin, poorly conducting layers (a
    // coating) in the potentials' region, whose AMG then coarsens
    // less aggressively.
    void
    set_fields(const std::vector<dealii::IndexSet> &fields, bool thin_cells = false);

    // Takes the (new values of the) matrix: factorises it or builds the
    // preconditioner. The sparsity pattern may not change between calls.
    // `keep_preconditioner`: an iterative solver keeps the preconditioner
    // it has (built from an earlier matrix) instead; a direct one ignores
    // it. Throws dealii::SolverControl::NoConvergence if KLU finds the
    // matrix singular.
    void
    set_matrix(LA::SparseMatrix &matrix, bool keep_preconditioner = false);
    // Whether the last set_matrix kept an earlier preconditioner.
    bool
    kept_preconditioner() const
    {
      return preconditioner_kept;
    }
    // Solves A x = b with the last matrix; returns the iterations (1 for a
    // direct solve). Throws dealii::SolverControl::NoConvergence on failure.
    unsigned int
    solve(LA::Vector &solution, const LA::Vector &rhs);

  private:
    // KSP and PC of 'fieldsplit' on the fields named by set_fields.
    void
    configure_fieldsplit(PC pc, MPI_Comm comm);

    LinearSolverParameters        parameters;
    unsigned int                  direct_limit;
    unsigned int                  dimension;
    std::vector<dealii::IndexSet> fields;
    bool                          thin_potential_cells = false;
    KSP                           ksp                  = nullptr;
    // A direct solve on one rank: KLU on the matrix's sequential block.
    bool serial              = false;
    bool iterative           = false;
    bool has_preconditioner  = false;
    bool preconditioner_kept = false;
  };

} // namespace ssbcell
