#pragma once
// Subsection `Linear solver` and the solve of one Newton system.

#include <deal.II/base/parameter_handler.h>

#include <solver/linear_algebra.h>

#include <string>

namespace ssbcell
{
  struct LinearSolverParameters
  {
    std::string  type;          // direct | gmres-amg | auto
    double       tolerance = 0; // relative, Krylov
    unsigned int max_iterations = 0;

    static void
    declare_parameters(dealii::ParameterHandler &prm);
    void
    parse_parameters(dealii::ParameterHandler &prm);
  };

  // Solves A x = b; returns the number of linear iterations (1 for direct).
  // Throws dealii::SolverControl::NoConvergence when a Krylov solve fails.
  unsigned int
  solve_linear_system(const LinearSolverParameters &parameters,
                      LA::SparseMatrix             &matrix,
                      LA::Vector                   &solution,
                      const LA::Vector             &rhs);
} // namespace ssbcell
