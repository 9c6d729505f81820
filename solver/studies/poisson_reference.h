#pragma once
// `ssbcell poisson FILE.prm`: the unit of cost for benchmarks. On exactly
// the mesh of the run (generator, refinements, mapping, FE degree) it
// solves -Laplace u = 1 on all cells with CG + BoomerAMG (u = 0 on the anode,
// or on the whole boundary if the mesh has none). A time step of the cell
// costs so many of these solves: a measure that carries over between
// machines far better than seconds do (docs/performance.md).

#include <deal.II/base/parameter_handler.h>

#include <solver/parameters/run_parameters.h>

#include <mpi.h>

#include <string>
#include <vector>

namespace ssbcell
{
  struct PoissonReferenceResult
  {
    unsigned long long n_dofs = 0, n_cells = 0;
    unsigned int       n_ranks = 0, cg_iterations = 0;
    // Wall times [s], the slowest rank's: the mesh, then DoFs, constraints
    // and sparsity, then assembly, AMG set-up and the CG solve.
    double mesh_time = 0., setup_time = 0., assembly_time = 0., amg_setup_time = 0.,
           solve_time = 0.;

    // One line of JSON.
    std::string
    to_json() const;
  };

  // Relative residual reduction of the CG solve.
  constexpr double poisson_reference_tolerance = 1e-8;

  template <int dim>
  PoissonReferenceResult
  solve_poisson_reference(const RunParameters      &parameters,
                          dealii::ParameterHandler &prm,
                          MPI_Comm                  comm);

  // Reads the parameters as a run does (bad input throws InputError with its
  // file and line), solves, and prints the JSON line on rank 0. Returns the
  // exit status: 0, or 3 if CG did not converge.
  int
  run_poisson_reference(const std::string              &parameter_file,
                        const std::vector<std::string> &overrides,
                        MPI_Comm                        comm);
} // namespace ssbcell
