#pragma once
// The loop that assembles the electrochemical cell's Newton system from its
// terms (solver/assembly/electrochemical_term.h): per locally owned cell,
// one local contribution from every term acting on the cell, then one per
// face from every term acting on that interface; each goes into the global
// residual R, Jacobian J, border column dR/dphi_s, constraint row dg/dx and
// dg/dphi_s through the constraints.

#include <deal.II/dofs/dof_handler.h>
#include <deal.II/lac/affine_constraints.h>

#include <solver/assembly/electrochemical_term.h>
#include <solver/nonlinear/nonlinear_problem.h>

#include <memory>
#include <vector>

namespace ssbcell
{
  template <int dim>
  class AssemblyLoop
  {
  public:
    // The terms and the scratch data are the model's; the loop keeps
    // references.
    AssemblyLoop(const dealii::DoFHandler<dim>                          &dof_handler,
                 const dealii::AffineConstraints<double>                &constraints,
                 std::vector<std::unique_ptr<ElectrochemicalTerm<dim>>> &terms,
                 ScratchData<dim>                                       &scratch);

    // Fills `system` (and `jacobian` if input.with_jacobian) at the state
    // of `input`; the constraint g is the summed term contributions (the
    // caller subtracts what it must equal).
    void
    assemble(const AssemblyInput &input, BorderedSystem &system, LA::SparseMatrix &jacobian);

  private:
    using CellIterator = typename dealii::DoFHandler<dim>::active_cell_iterator;

    void
    assemble_cell_terms(const CellIterator &cell, const AssemblyInput &input);
    void
    assemble_interface_terms(const CellIterator  &cell,
                             unsigned int         face,
                             const AssemblyInput &input);
    // Adds `local` to the global system.
    void
    scatter(const LocalTerm &local, bool with_jacobian);

    const dealii::DoFHandler<dim>                          &dof_handler;
    const dealii::AffineConstraints<double>                &constraints;
    std::vector<std::unique_ptr<ElectrochemicalTerm<dim>>> &terms;
    ScratchData<dim>                                       &scratch;

    // Where the assembly goes, during assemble().
    BorderedSystem   *system     = nullptr;
    LA::SparseMatrix *jacobian   = nullptr;
    double            constraint = 0., constraint_derivative = 0.;

    LocalTerm                                    local;
    std::vector<dealii::types::global_dof_index> cell_dofs, neighbor_dofs;
    dealii::Vector<double>                       local_residual, local_border, local_row;
    dealii::FullMatrix<double>                   local_jacobian;
  };
} // namespace ssbcell
