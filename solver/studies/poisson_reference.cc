#include <deal.II/base/function.h>
#include <deal.II/base/mpi.h>
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/base/timer.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/fe/mapping_q.h>
#include <deal.II/lac/affine_constraints.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/lac/full_matrix.h>
#include <deal.II/lac/petsc_precondition.h>
#include <deal.II/lac/petsc_solver.h>
#include <deal.II/lac/solver_control.h>
#include <deal.II/lac/sparsity_tools.h>
#include <deal.II/lac/vector.h>
#include <deal.II/numerics/vector_tools.h>

#include <meshes/ids.h>
#include <meshes/mesh_generator.h>
#include <meshes/mesh_mapping.h>
#include <meshes/partition.h>
#include <solver/app/single_run.h>
#include <solver/io/parameter_reader.h>
#include <solver/linear_algebra/amg_options.h>
#include <solver/linear_algebra/linear_algebra.h>
#include <solver/studies/poisson_reference.h>
#include <solver/time_integration/simulator.h>

#include <iomanip>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

namespace ssbcell
{
  using namespace dealii;

  namespace
  {
    // Wall time of f() on the slowest rank; the barriers keep one rank's
    // wait for another out of the next phase.
    template <typename F>
    double
    timed(MPI_Comm comm, F &&f)
    {
      MPI_Barrier(comm);
      Timer timer;
      f();
      MPI_Barrier(comm);
      return Utilities::MPI::max(timer.wall_time(), comm);
    }


    // CG with BoomerAMG to poisson_reference_tolerance: fills the AMG set-up
    // and solve times and the iterations of `result`. The options carry the
    // prefix `poisson_`, so that others can be tried from the command line
    // (-poisson_pc_type gamg).
    void
    solve_with_amg(LA::SparseMatrix       &matrix,
                   const LA::Vector       &rhs,
                   LA::Vector             &solution,
                   unsigned int            dim,
                   PoissonReferenceResult &result)
    {
      const MPI_Comm comm = matrix.get_mpi_communicator();
      KSP            ksp;
      LA::check_petsc(KSPCreate(comm, &ksp), "KSPCreate");
      // Destroyed also when a PETSc call throws.
      const std::unique_ptr<KSP, void (*)(KSP *)> owner(&ksp, [](KSP *k) { KSPDestroy(k); });
      LA::check_petsc(KSPSetOptionsPrefix(ksp, "poisson_"), "KSPSetOptionsPrefix");
      LA::check_petsc(KSPSetType(ksp, KSPCG), "KSPSetType");
      LA::check_petsc(KSPSetNormType(ksp, KSP_NORM_UNPRECONDITIONED), "KSPSetNormType");
      LA::check_petsc(KSPSetTolerances(ksp, poisson_reference_tolerance, PETSC_DEFAULT,
                                       PETSC_DEFAULT, std::max<PetscInt>(1000, result.n_dofs)),
                      "KSPSetTolerances");
      PC pc;
      LA::check_petsc(KSPGetPC(ksp, &pc), "KSPGetPC");
      LA::check_petsc(PCSetType(pc, PCHYPRE), "PCSetType");
      LA::check_petsc(PCHYPRESetType(pc, "boomeramg"), "PCHYPRESetType");
      // The settings of amg_options.cc plus one level of aggressive
      // coarsening: 8.5 instead of 13.5 matrix-vector products per V-cycle,
      // 30 instead of 18 iterations, 1.07 instead of 1.23 s for set-up and
      // solve (78,737 unknowns, 1 rank).
      set_boomeramg_defaults("poisson_", dim);
      set_petsc_option_default("poisson_", "pc_hypre_boomeramg_agg_nl", "1");
      LA::check_petsc(KSPSetFromOptions(ksp), "KSPSetFromOptions");
      LA::check_petsc(KSPSetOperators(ksp, matrix.petsc_matrix(), matrix.petsc_matrix()),
                      "KSPSetOperators");
      result.amg_setup_time = timed(comm, [&] { LA::check_petsc(KSPSetUp(ksp), "KSPSetUp"); });
      result.solve_time     = timed(comm, [&] {
        LA::check_petsc(KSPSolve(ksp, static_cast<const Vec &>(rhs),
                                     static_cast<const Vec &>(solution)),
                            "KSPSolve");
      });
      PetscInt           iterations = 0;
      KSPConvergedReason reason;
      PetscReal          residual = 0;
      KSPGetIterationNumber(ksp, &iterations);
      KSPGetConvergedReason(ksp, &reason);
      KSPGetResidualNorm(ksp, &residual);
      if (reason < 0)
        throw SolverControl::NoConvergence(iterations, residual);
      result.cg_iterations = iterations;
    }
  } // namespace

  std::string
  PoissonReferenceResult::to_json() const
  {
    std::ostringstream out;
    out << std::setprecision(6) << "{\"n_dofs\": " << n_dofs << ", \"n_cells\": " << n_cells
        << ", \"mesh_time_s\": " << mesh_time << ", \"setup_time_s\": " << setup_time
        << ", \"assembly_time_s\": " << assembly_time
        << ", \"amg_setup_time_s\": " << amg_setup_time << ", \"solve_time_s\": " << solve_time
        << ", \"cg_iterations\": " << cg_iterations << ", \"n_ranks\": " << n_ranks << "}";
    return out.str();
  }

  template <int dim>
  PoissonReferenceResult
  solve_poisson_reference(const RunParameters &par, ParameterHandler &prm, MPI_Comm comm)
  {
    PoissonReferenceResult result;
    result.n_ranks = Utilities::MPI::n_mpi_processes(comm);

    // The triangulation of Simulator<dim>::setup.
    const std::unique_ptr<Triangulation<dim>> triangulation =
      make_triangulation<dim>(par.geometry.partition, comm);
    result.mesh_time = timed(comm, [&] { create_mesh(prm, par.geometry, *triangulation); });
    result.n_cells   = triangulation->n_global_active_cells();

    const auto mapping_pointer =
      create_mesh_mapping(*triangulation, run_mapping_degree(dim, par.fe_degree));
    const Mapping<dim>       &mapping = *mapping_pointer;
    const FE_Q<dim>           fe(par.fe_degree);
    DoFHandler<dim>           dof_handler(*triangulation);
    IndexSet                  owned, relevant;
    AffineConstraints<double> constraints;
    LA::SparseMatrix          matrix;
    LA::Vector                rhs, solution;
    result.setup_time = timed(comm, [&] {
      dof_handler.distribute_dofs(fe);
      owned = dof_handler.locally_owned_dofs();
      DoFTools::extract_locally_relevant_dofs(dof_handler, relevant);

      std::set<types::boundary_id> ids;
      for (const auto &cell : dof_handler.active_cell_iterators())
        if (cell->is_locally_owned())
          for (const unsigned int f : cell->face_indices())
            if (cell->face(f)->at_boundary())
              ids.insert(cell->face(f)->boundary_id());
      ids = Utilities::MPI::compute_set_union(ids, comm);
      if (ids.count(boundary_id::anode))
        ids = {boundary_id::anode};

      constraints.reinit(relevant);
      DoFTools::make_hanging_node_constraints(dof_handler, constraints);
      for (const auto id : ids)
        VectorTools::interpolate_boundary_values(mapping, dof_handler, id,
                                                 Functions::ZeroFunction<dim>(), constraints);
      constraints.close();

      DynamicSparsityPattern dsp(relevant);
      DoFTools::make_sparsity_pattern(dof_handler, dsp, constraints, false);
      SparsityTools::distribute_sparsity_pattern(dsp, owned, comm, relevant);
      matrix.reinit(owned, owned, dsp, comm);
      rhs.reinit(owned, comm);
      solution.reinit(owned, comm);
    });
    result.n_dofs     = dof_handler.n_dofs();

    result.assembly_time = timed(comm, [&] {
      const QGauss<dim>                    quadrature(fe.degree + 1);
      FEValues<dim>                        fe_values(mapping, fe, quadrature,
                                                     update_values | update_gradients | update_JxW_values);
      const unsigned int                   n = fe.n_dofs_per_cell();
      FullMatrix<double>                   cell_matrix(n, n);
      Vector<double>                       cell_rhs(n);
      std::vector<types::global_dof_index> dofs(n);
      for (const auto &cell : dof_handler.active_cell_iterators())
        if (cell->is_locally_owned())
          {
            fe_values.reinit(cell);
            cell_matrix = 0.;
            cell_rhs    = 0.;
            for (unsigned int q = 0; q < quadrature.size(); ++q)
              for (unsigned int i = 0; i < n; ++i)
                {
                  const Tensor<1, dim> grad_i = fe_values.shape_grad(i, q);
                  for (unsigned int j = 0; j < n; ++j)
                    cell_matrix(i, j) +=
                      grad_i * fe_values.shape_grad(j, q) * fe_values.JxW(q);
                  cell_rhs(i) += fe_values.shape_value(i, q) * fe_values.JxW(q);
                }
            cell->get_dof_indices(dofs);
            constraints.distribute_local_to_global(cell_matrix, cell_rhs, dofs, matrix, rhs);
          }
      matrix.compress(VectorOperation::add);
      rhs.compress(VectorOperation::add);
    });

    solve_with_amg(matrix, rhs, solution, dim, result);
    return result;
  }

  template PoissonReferenceResult
  solve_poisson_reference<1>(const RunParameters &, ParameterHandler &, MPI_Comm);
  template PoissonReferenceResult
  solve_poisson_reference<2>(const RunParameters &, ParameterHandler &, MPI_Comm);
  template PoissonReferenceResult
  solve_poisson_reference<3>(const RunParameters &, ParameterHandler &, MPI_Comm);

  int
  run_poisson_reference(const std::string              &parameter_file,
                        const std::vector<std::string> &overrides,
                        MPI_Comm                        comm)
  {
    ParameterHandler prm;
    RunParameters::declare_parameters(prm);
    ParameterReader        reader(prm);
    PoissonReferenceResult result;
    try
      {
        if (!parameter_file.empty())
          reader.read_file(parameter_file);
        for (unsigned int i = 0; i < overrides.size(); ++i)
          reader.apply_override(overrides[i], i + 1);
        // All of it, so that the file is checked as a run would check it.
        RunParameters par;
        par.parse_parameters(prm);
        switch (par.geometry.dimension)
          {
            case 1:
              result = solve_poisson_reference<1>(par, prm, comm);
              break;
            case 2:
              result = solve_poisson_reference<2>(par, prm, comm);
              break;
            default:
              result = solve_poisson_reference<3>(par, prm, comm);
          }
      }
    catch (InputError &e)
      {
        locate_input_error(e, reader, parameter_file);
        throw;
      }
    catch (const SolverControl::NoConvergence &e)
      {
        if (Utilities::MPI::this_mpi_process(comm) == 0)
          std::cerr << "ssbcell: error: the Poisson reference solve did not converge ("
                    << e.last_step << " CG iterations, residual " << e.last_residual << ")"
                    << std::endl;
        return 3;
      }
    if (Utilities::MPI::this_mpi_process(comm) == 0)
      std::cout << result.to_json() << std::endl;
    return 0;
  }
} // namespace ssbcell
