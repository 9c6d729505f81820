#include <deal.II/base/mpi.h>
#include <deal.II/lac/solver_control.h>

#include <physics/parameter_checks.h>
#include <solver/linear_algebra/amg_options.h>
#include <solver/linear_algebra/ksp_solve.h>
#include <solver/linear_algebra/linear_solver.h>

namespace ssbcell
{
  using LA::check_petsc;

  void
  LinearSolverParameters::declare_parameters(dealii::ParameterHandler &prm)
  {
    namespace Patterns = dealii::Patterns;
    prm.enter_subsection("Linear solver");
    prm.declare_entry(
      "Type", "auto", Patterns::Selection("auto|direct|gmres-amg|fieldsplit"),
      "'direct': sparse LU, KLU below 1000 unknowns on one rank "
      "(a 1D cell), else MUMPS; 'gmres-amg': GMRES with BoomerAMG on "
      "the whole system; 'fieldsplit': GMRES with a multiplicative "
      "field split, BoomerAMG for the concentration c and for "
      "the potentials and c_e together (the electrochemistry "
      "model; about 15-20 iterations per solve on the 3D meshes "
      "measured, docs/performance.md); 'auto': direct below a size (electrochemistry: "
      "8000 unknowns in 3D, 200000 in 1D and 2D), else fieldsplit "
      "where the model has several fields, gmres-amg otherwise. "
      "The factorisation or preconditioner of a Newton matrix "
      "serves all its solves.");
    prm.declare_entry("Preconditioner per time step", "true", Patterns::Bool(),
                      "Iterative solvers: build the preconditioner from the first Newton "
                      "matrix of a time step and keep it for the step's later Newton "
                      "iterations (rebuilt if a solve fails). The later matrices differ "
                      "from the first only by the step's nonlinear changes; the AMG set-ups "
                      "are a third of the linear solver's time. 'false': a new one every "
                      "Newton iteration. Direct solvers always factorise every matrix.");
    prm.declare_entry("Relative tolerance", "1e-6", Patterns::Double(),
                      "Residual reduction of the Krylov solver in each Newton "
                      "iteration. Newton's own tolerance sets the accuracy of a "
                      "step; an inexact linear solve only slows Newton's last "
                      "digits (composite at 1.08 million unknowns: the same 5 "
                      "Newton iterations and Li balance with 1e-6 as with 1e-12, "
                      "10.8 instead of 25.5 GMRES iterations per solve).");
    prm.declare_entry("Maximum iterations", "1000", Patterns::Integer(1),
                      "Of the Krylov solver.");
    prm.declare_entry("PETSc options", "", Patterns::Anything(),
                      "Options for PETSc's database, applied to every linear "
                      "solver after the settings above, e.g. '-ksp_monitor' or "
                      "'-ksp_type bcgs -pc_type gamg'.");
    prm.leave_subsection();
  }

  void
  LinearSolverParameters::parse_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Linear solver");
    type           = prm.get("Type");
    tolerance      = get_checked(prm, "Linear solver", "Relative tolerance", 0., 1., true);
    max_iterations = prm.get_integer("Maximum iterations");
    preconditioner_per_step = prm.get_bool("Preconditioner per time step");
    petsc_options           = prm.get("PETSc options");
    prm.leave_subsection();
    if (!petsc_options.empty() &&
        PetscOptionsInsertString(nullptr, petsc_options.c_str()) != 0)
      throw InputError("PETSc cannot read the options '" + petsc_options + "'",
                       "write them as on a PETSc command line, e.g. '-ksp_monitor'", "", 0,
                       "Linear solver/PETSc options");
  }

  LinearSolver::LinearSolver(const LinearSolverParameters &parameters,
                             unsigned int                  direct_limit,
                             unsigned int                  dimension)
    : parameters(parameters)
    , direct_limit(direct_limit)
    , dimension(dimension)
  {
  }

  void
  LinearSolver::set_fields(const std::vector<dealii::IndexSet> &f, bool thin_cells)
  {
    fields               = f;
    thin_potential_cells = thin_cells;
  }

  LinearSolver::~LinearSolver()
  {
    if (ksp)
      KSPDestroy(&ksp);
  }

  void
  LinearSolver::configure_fieldsplit(PC pc, MPI_Comm comm)
  {
    check_petsc(KSPSetType(ksp, KSPGMRES), "KSPSetType");
    check_petsc(PCSetType(pc, PCFIELDSPLIT), "PCSetType");
    check_petsc(PCFieldSplitSetType(pc, PC_COMPOSITE_MULTIPLICATIVE), "PCFieldSplitSetType");
    // Block Gauss-Seidel over c and the potentials: with exact blocks
    // GMRES needs 3 iterations (the fields couple only through the
    // particle surface), so the blocks' AMG sets the count.
    dealii::IndexSet rest(fields[0].size());
    for (unsigned int i = 1; i < fields.size(); ++i)
      rest.add_indices(fields[i]);
    const char             *names[2] = {"c", "e"};
    const dealii::IndexSet *sets[2]  = {&fields[0], &rest};
    for (unsigned int i = 0; i < 2; ++i)
      {
        std::vector<PetscInt> indices;
        for (const auto k : *sets[i])
          indices.push_back(k);
        IS is;
        check_petsc(ISCreateGeneral(comm, indices.size(), indices.data(), PETSC_COPY_VALUES,
                                    &is),
                    "ISCreateGeneral");
        check_petsc(PCFieldSplitSetIS(pc, names[i], is), "PCFieldSplitSetIS");
        ISDestroy(&is);
      }
    // c: a0/dt M + D K, mass-dominated at short steps only. SOR needs 15
    // iterations per solve at dt = 1 s but 34 at 256 s (coated particle,
    // 10,379 unknowns); AMG 15 at every step.
    set_petsc_option_default("fieldsplit_c_", "ksp_type", "preonly");
    set_petsc_option_default("fieldsplit_c_", "pc_type", "hypre");
    set_petsc_option_default("fieldsplit_c_", "pc_hypre_type", "boomeramg");
    set_boomeramg_defaults("fieldsplit_c_", dimension);
    // The c block is the easier one: aggressive coarsening halves its
    // set-up at no cost in iterations. On the potentials it costs 26
    // instead of 17 iterations per solve.
    set_petsc_option_default("fieldsplit_c_", "pc_hypre_boomeramg_agg_nl", "1");
    set_petsc_option_default("fieldsplit_e_", "ksp_type", "preonly");
    set_petsc_option_default("fieldsplit_e_", "pc_type", "hypre");
    set_petsc_option_default("fieldsplit_e_", "pc_hypre_type", "boomeramg");
    set_boomeramg_defaults("fieldsplit_e_", dimension);
    // Aggressive coarsening makes the potentials' V-cycle about half as
    // costly (operator complexity 2.5 -> 1.3). Where the mesh resolves
    // a coating (thin cells, 1000x less conductive than the electrolyte)
    // it costs 26 instead of 17 iterations per solve (coated particle);
    // without resolved thin cells 25.5 instead of 23.7 (composite, 1.08
    // million unknowns; solves 65 -> 36 s per time step on 2 ranks).
    set_petsc_option_default("fieldsplit_e_", "pc_hypre_boomeramg_agg_nl",
                             thin_potential_cells ? "0" : "1");
    // A solve takes 15-20 iterations; a restart length of 50 keeps a
    // harder one (a long step, a poor Newton iterate) from restarting
    // without the memory of 200 Krylov vectors (1.8 GB at 1.08 million
    // unknowns). The user's -ksp_gmres_restart still wins.
    check_petsc(KSPGMRESSetRestart(ksp, 50), "KSPGMRESSetRestart");
    check_petsc(KSPSetTolerances(ksp, parameters.tolerance, PETSC_DEFAULT, PETSC_DEFAULT,
                                 parameters.max_iterations),
                "KSPSetTolerances");
  }

  void
  LinearSolver::set_matrix(LA::SparseMatrix &matrix, bool keep_preconditioner)
  {
    if (!ksp)
      {
        check_petsc(KSPCreate(matrix.get_mpi_communicator(), &ksp), "KSPCreate");
        PC pc;
        check_petsc(KSPGetPC(ksp, &pc), "KSPGetPC");
        std::string type = parameters.type;
        if (type == "auto")
          type = matrix.m() < direct_limit ? "direct" :
                 fields.size() >= 2        ? "fieldsplit" :
                                             "gmres-amg";
        if (type == "fieldsplit" && fields.size() < 2)
          type = "gmres-amg"; // a model with one field has nothing to split
        iterative = type != "direct";
        if (type == "direct")
          {
            check_petsc(KSPSetType(ksp, KSPPREONLY), "KSPSetType");
            check_petsc(PCSetType(pc, PCLU), "PCSetType");
            // On one rank the whole matrix is its sequential diagonal block.
            // Small ones (the 1D cells: a few hundred unknowns, factorised
            // thousands of times per run) KLU factorises with a fraction of
            // MUMPS' per-call overhead: 8 instead of 180 us at 90 unknowns,
            // 0.8 instead of 1.0 ms at 706 (2D). KLU has no dense kernels
            // for the fill of larger 3D matrices: 29 instead of 7 ms at 1399,
            // 3.9 instead of 0.19 s at 20909 unknowns.
            constexpr unsigned int klu_limit = 1000;
            serial =
              dealii::Utilities::MPI::n_mpi_processes(matrix.get_mpi_communicator()) == 1 &&
              matrix.m() < klu_limit;
            check_petsc(PCFactorSetMatSolverType(pc, serial ? MATSOLVERKLU : MATSOLVERMUMPS),
                        "PCFactorSetMatSolverType");
          }
        else if (type == "fieldsplit")
          {
            configure_fieldsplit(pc, matrix.get_mpi_communicator());
          }
        else
          {
            check_petsc(KSPSetType(ksp, KSPGMRES), "KSPSetType");
            check_petsc(PCSetType(pc, PCHYPRE), "PCSetType");
            check_petsc(PCHYPRESetType(pc, "boomeramg"), "PCHYPRESetType");
            check_petsc(KSPSetTolerances(ksp, parameters.tolerance, PETSC_DEFAULT,
                                         PETSC_DEFAULT, parameters.max_iterations),
                        "KSPSetTolerances");
          }
        // The user's PETSc options come last and win.
        check_petsc(KSPSetFromOptions(ksp), "KSPSetFromOptions");
      }
    Mat operator_matrix = matrix.petsc_matrix();
    if (serial)
      check_petsc(MatGetDiagonalBlock(matrix.petsc_matrix(), &operator_matrix),
                  "MatGetDiagonalBlock");
    // PETSc then skips the preconditioner's set-up (PCSetUp) and applies
    // the one it has to the new operator.
    preconditioner_kept = iterative && keep_preconditioner && has_preconditioner;
    check_petsc(KSPSetReusePreconditioner(ksp, preconditioner_kept ? PETSC_TRUE : PETSC_FALSE),
                "KSPSetReusePreconditioner");
    check_petsc(KSPSetOperators(ksp, operator_matrix, operator_matrix), "KSPSetOperators");
    // KLU reports a singular matrix as an error of the set-up (MUMPS
    // through the solve): either fails the Newton step, not the run.
    if (serial && KSPSetUp(ksp) != 0)
      throw dealii::SolverControl::NoConvergence(0, 0.);
    if (!serial)
      check_petsc(KSPSetUp(ksp), "KSPSetUp");
    has_preconditioner = true;
  }

  unsigned int
  LinearSolver::solve(LA::Vector &solution, const LA::Vector &rhs)
  {
    return ksp_solve(ksp, solution, rhs);
  }

} // namespace ssbcell
