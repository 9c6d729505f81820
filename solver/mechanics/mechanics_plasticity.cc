// Plastic solids in MechanicsProblem (docs/mechanics.md, "Plastic solids"):
// the Newton iteration of solve() with the consistent tangent of the radial
// return, the load increments of press(), and the history of every
// quadrature point.

#include <physics/linear_elasticity.h>
#include <solver/mechanics/local_stiffness.h>
#include <solver/mechanics/mechanics_concentration.h>

#include <cmath>
#include <string>

namespace ssbcell
{
  using namespace dealii;

  namespace
  {
    // Newton stops when the residual is this small relative to the loads:
    // far below any stress resolution a cell model uses, above the round-off
    // of the assembly (about 1e-14 times the load per DoF). A converged
    // elastic step (no point on the yield surface changes) takes one
    // iteration.
    constexpr double       newton_tolerance      = 1e-9;
    constexpr unsigned int max_newton_iterations = 50;
  } // namespace

  template <int dim>
  unsigned int
  MechanicsProblem<dim>::press(unsigned int steps)
  {
    if (!plastic || steps <= 1)
      {
        const unsigned int iterations = solve();
        commit_plastic_state();
        return iterations;
      }
    unsigned int iterations = 0;
    for (unsigned int k = 1; k <= steps; ++k)
      {
        load_factor = double(k) / steps;
        try
          {
            iterations += solve();
          }
        catch (...)
          {
            load_factor = 1.;
            throw;
          }
        commit_plastic_state();
      }
    load_factor = 1.;
    return iterations;
  }

  template <int dim>
  void
  MechanicsProblem<dim>::commit_plastic_state()
  {
    committed_state        = trial_state;
    committed_displacement = solution;
  }

  template <int dim>
  unsigned int
  MechanicsProblem<dim>::solve_plastic()
  {
    LA::Vector load(owned_dofs, comm), internal(owned_dofs, comm), x(owned_dofs, comm),
      dx(owned_dofs, comm);
    // The chemical strain enters through the stress of each point; the
    // pressure is the external load. The scale of the residual: all loads
    // and the internal forces of the start (those of the plastic strain
    // alone when unloading).
    assemble_rhs(load, true);
    double scale = load.l2_norm();
    assemble_rhs(load, false);
    x                       = solution;
    unsigned int iterations = 0;
    for (newton_iterations = 0;; ++newton_iterations)
      {
        assemble_plastic_system(internal);
        if (newton_iterations == 0)
          scale += internal.l2_norm();
        internal -= load; // the residual
        const double residual = internal.l2_norm();
        if (residual <= newton_tolerance * scale)
          break;
        if (newton_iterations == max_newton_iterations || !std::isfinite(residual))
          {
            // The next attempt (a shorter time step) starts from the last
            // accepted state, not from this iterate.
            solution = committed_displacement;
            throw MechanicsNotConverged(
              "the plastic mechanics did not converge: relative residual " +
              std::to_string(residual / scale) + " after " +
              std::to_string(newton_iterations) +
              " Newton iterations (while pressing: try more `Mechanics/Pressing steps`)");
          }
        linear_solver->set_matrix(system_matrix, rigid_body_modes, nodal_block_size);
        internal *= -1.;
        dx = 0.;
        iterations += linear_solver->solve(dx, internal);
        constraints.distribute(dx);
        x += dx;
        solution = x;
      }
    if (interface_quadrature)
      refresh_interface_stresses();
    return iterations;
  }

  template <int dim>
  void
  MechanicsProblem<dim>::assemble_plastic_system(LA::Vector &internal)
  {
    system_matrix                                   = 0.;
    internal                                        = 0.;
    const auto                          &fe         = fe_collection[0];
    const QGauss<dim>                    quadrature = assembly_quadrature();
    FEValues<dim>                        values(mapping, fe, quadrature,
                                                update_values | update_gradients | update_quadrature_points |
                                                  update_JxW_values);
    Concentration                        concentration(*this, &quadrature, nullptr);
    const FEValuesExtractors::Vector     u(0);
    const unsigned int                   n = fe.n_dofs_per_cell();
    FullMatrix<double>                   local(n, n);
    Vector<double>                       local_internal(n);
    std::vector<types::global_dof_index> dofs(n);
    std::vector<elasticity::Tensor3>     eps(n), sigma(n);
    std::vector<double>                  eps0;
    std::vector<Tensor<1, dim>>          u_values(quadrature.size());
    std::vector<Tensor<2, dim>>          u_gradients(quadrature.size());
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned() && cell->active_fe_index() == 0)
        {
          const ElasticProperties m = cell_properties(cell);
          values.reinit(cell);
          concentration.cell_strain(cell, values, eps0);
          values[u].get_function_values(solution, u_values);
          values[u].get_function_gradients(solution, u_gradients);
          local                   = 0.;
          local_internal          = 0.;
          const std::size_t first = cell->active_cell_index() * n_q_points;
          for (unsigned int q = 0; q < quadrature.size(); ++q)
            {
              const Point<dim> &x        = values.quadrature_point(q);
              const double      w        = values.JxW(q) * volume_weight(coordinate_system, x);
              const auto        response = plasticity::radial_return(
                       m, elasticity::strain(coordinate_system, x, u_values[q], u_gradients[q]),
                       load_factor * eps0[q], committed_state[first + q]);
              trial_state[first + q] = response.state;
              for (unsigned int i = 0; i < n; ++i)
                {
                  eps[i]   = elasticity::strain(coordinate_system, x, values[u].value(i, q),
                                                values[u].gradient(i, q));
                  sigma[i] = response.tangent * eps[i];
                  local_internal(i) += (response.stress * eps[i]) * w;
                }
              mechanics::add_lower_stiffness(local, eps, sigma, w);
            }
          mechanics::fill_upper(local);
          cell->get_dof_indices(dofs);
          constraints.distribute_local_to_global(local, local_internal, dofs, system_matrix,
                                                 internal);
        }
    system_matrix.compress(VectorOperation::add);
    internal.compress(VectorOperation::add);
  }

  template <int dim>
  plasticity::State
  MechanicsProblem<dim>::plastic_state(const TriaCell &cell,
                                       unsigned int    q,
                                       bool            at_assembly_points) const
  {
    if (!plastic)
      return {};
    const std::size_t first = cell->active_cell_index() * n_q_points;
    if (at_assembly_points)
      return trial_state[first + q];
    plasticity::State mean;
    for (unsigned int k = 0; k < n_q_points; ++k)
      {
        mean.plastic_strain += trial_state[first + k].plastic_strain / n_q_points;
        mean.equivalent_strain += trial_state[first + k].equivalent_strain / n_q_points;
      }
    return mean;
  }

#define SSBCELL_INSTANTIATE(dim)                                                           \
  template unsigned int      MechanicsProblem<dim>::press(unsigned int);                   \
  template void              MechanicsProblem<dim>::commit_plastic_state();                \
  template unsigned int      MechanicsProblem<dim>::solve_plastic();                       \
  template void              MechanicsProblem<dim>::assemble_plastic_system(LA::Vector &); \
  template plasticity::State MechanicsProblem<dim>::plastic_state(const TriaCell &,        \
                                                                  unsigned int, bool) const;
  SSBCELL_INSTANTIATE(1)
  SSBCELL_INSTANTIATE(2)
  SSBCELL_INSTANTIATE(3)
#undef SSBCELL_INSTANTIATE
} // namespace ssbcell
