#include <deal.II/lac/petsc_precondition.h>
#include <deal.II/lac/petsc_solver.h>
#include <deal.II/lac/solver_control.h>

#include <physics/parameter_checks.h>
#include <solver/linear_solver.h>

namespace ssbcell
{
  void
  LinearSolverParameters::declare_parameters(dealii::ParameterHandler &prm)
  {
    namespace Patterns = dealii::Patterns;
    prm.enter_subsection("Linear solver");
    prm.declare_entry("Type", "auto", Patterns::Selection("auto|direct|gmres-amg"),
                      "'direct': MUMPS LU; 'gmres-amg': GMRES with BoomerAMG; "
                      "'auto': direct below 50000 unknowns, else gmres-amg.");
    prm.declare_entry("Relative tolerance", "1e-12", Patterns::Double(),
                      "Residual reduction of the Krylov solver.");
    prm.declare_entry("Maximum iterations", "1000", Patterns::Integer(1),
                      "Of the Krylov solver.");
    prm.leave_subsection();
  }

  void
  LinearSolverParameters::parse_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Linear solver");
    type      = prm.get("Type");
    tolerance = get_checked(prm, "Linear solver", "Relative tolerance", 0., 1., true);
    max_iterations = prm.get_integer("Maximum iterations");
    prm.leave_subsection();
  }

  unsigned int
  solve_linear_system(const LinearSolverParameters &parameters,
                      LA::SparseMatrix             &matrix,
                      LA::Vector                   &solution,
                      const LA::Vector             &rhs)
  {
    using namespace dealii;
    const bool direct =
      parameters.type == "direct" ||
      (parameters.type == "auto" && matrix.m() < 50000);
    if (direct)
      {
        SolverControl                    control(1, 0);
        PETScWrappers::SparseDirectMUMPS solver(control, matrix.get_mpi_communicator());
        solver.solve(matrix, solution, rhs);
        return 1;
      }
    SolverControl control(parameters.max_iterations,
                          parameters.tolerance * rhs.l2_norm());
    PETScWrappers::SolverGMRES           solver(control, matrix.get_mpi_communicator());
    PETScWrappers::PreconditionBoomerAMG amg(matrix);
    solver.solve(matrix, solution, rhs, amg);
    return control.last_step();
  }
} // namespace ssbcell
