#include <deal.II/base/mpi.h>

#include <solver/assembly/assembly_loop.h>

namespace ssbcell
{
  using namespace dealii;

  template <int dim>
  AssemblyLoop<dim>::AssemblyLoop(
    const DoFHandler<dim>                                  &dof_handler,
    const AffineConstraints<double>                        &constraints,
    std::vector<std::unique_ptr<ElectrochemicalTerm<dim>>> &terms,
    ScratchData<dim>                                       &scratch)
    : dof_handler(dof_handler)
    , constraints(constraints)
    , terms(terms)
    , scratch(scratch)
  {
  }

  template <int dim>
  void
  AssemblyLoop<dim>::assemble(const AssemblyInput &input,
                              BorderedSystem      &sys,
                              LA::SparseMatrix    &matrix)
  {
    system                = &sys;
    jacobian              = &matrix;
    constraint            = 0.;
    constraint_derivative = 0.;
    sys.residual          = 0.;
    if (input.with_jacobian)
      {
        matrix = 0.;
        sys.db = 0.;
        sys.dc = 0.;
      }
    for (const auto &cell : dof_handler.active_cell_iterators())
      {
        if (!cell->is_locally_owned())
          continue;
        assemble_cell_terms(cell, input);
        // Interface terms act between regions only. A face inside a region
        // may hang (a mesh refined at contact edges); one between regions
        // never does (meshes/contact_edge_refinement.h).
        for (const unsigned int f : cell->face_indices())
          if (!cell->face(f)->at_boundary() &&
              cell->neighbor(f)->material_id() != cell->material_id())
            assemble_interface_terms(cell, f, input);
      }
    sys.residual.compress(VectorOperation::add);
    if (input.with_jacobian)
      {
        matrix.compress(VectorOperation::add);
        sys.db.compress(VectorOperation::add);
        sys.dc.compress(VectorOperation::add);
      }
    const MPI_Comm comm = dof_handler.get_triangulation().get_communicator();
    sys.constraint      = Utilities::MPI::sum(constraint, comm);
    sys.dd              = Utilities::MPI::sum(constraint_derivative, comm);
  }

  template <int dim>
  void
  AssemblyLoop<dim>::assemble_cell_terms(const CellIterator &cell, const AssemblyInput &input)
  {
    const unsigned int fe        = cell->active_fe_index();
    bool               any       = false;
    bool               automatic = false;
    for (const auto &term : terms)
      if (term->acts_on_cell(fe))
        {
          any = true;
          automatic |= term->uses_automatic_differentiation();
        }
    if (!any)
      return;
    scratch.cell_values(fe).reinit(cell);
    cell_dofs.resize(cell->get_fe().n_dofs_per_cell());
    cell->get_dof_indices(cell_dofs);
    local.reinit(cell_dofs, {}, input.x, input.phi_s, automatic, input.with_jacobian);
    for (const auto &term : terms)
      if (term->acts_on_cell(fe))
        term->assemble_cell(cell, input, scratch, local);
    scatter(local, input.with_jacobian);
  }

  template <int dim>
  void
  AssemblyLoop<dim>::assemble_interface_terms(const CellIterator  &cell,
                                              unsigned int         f,
                                              const AssemblyInput &input)
  {
    const auto         neighbor    = cell->neighbor(f);
    const unsigned int fe          = cell->active_fe_index();
    const unsigned int neighbor_fe = neighbor->active_fe_index();
    bool               any         = false;
    bool               automatic   = false;
    for (const auto &term : terms)
      if (term->acts_on_interface(fe, neighbor_fe) && term->acts_on_face(cell, f))
        {
          any = true;
          automatic |= term->uses_automatic_differentiation();
        }
    if (!any)
      return;
    scratch.face_values(fe).reinit(cell, f);
    scratch.neighbor_face_values(neighbor_fe).reinit(neighbor, cell->neighbor_of_neighbor(f));
    cell_dofs.resize(cell->get_fe().n_dofs_per_cell());
    cell->get_dof_indices(cell_dofs);
    neighbor_dofs.resize(neighbor->get_fe().n_dofs_per_cell());
    neighbor->get_dof_indices(neighbor_dofs);
    local.reinit(cell_dofs, neighbor_dofs, input.x, input.phi_s, automatic,
                 input.with_jacobian);
    for (const auto &term : terms)
      if (term->acts_on_interface(fe, neighbor_fe) && term->acts_on_face(cell, f))
        term->assemble_interface(cell, f, input, scratch, local);
    scatter(local, input.with_jacobian);
  }

  template <int dim>
  void
  AssemblyLoop<dim>::scatter(const LocalTerm &t, bool with_jacobian)
  {
    const unsigned int n = t.size();
    local_residual       = t.plain_residual;
    if (t.automatic)
      {
        for (unsigned int i = 0; i < n; ++i)
          local_residual(i) += t.r[i].val();
        constraint += t.g.val();
      }
    constraints.distribute_local_to_global(local_residual, t.dofs, system->residual);
    if (!with_jacobian)
      return;
    local_jacobian = t.plain_jacobian;
    if (!t.automatic)
      {
        constraints.distribute_local_to_global(local_jacobian, t.dofs, *jacobian);
        return;
      }
    local_border.reinit(n);
    local_row.reinit(n);
    for (unsigned int i = 0; i < n; ++i)
      {
        if (t.r[i].size() > 0)
          {
            for (unsigned int k = 0; k < n; ++k)
              local_jacobian(i, k) += t.r[i].dx(k);
            local_border(i) = t.r[i].dx(n);
          }
        if (t.g.size() > 0)
          local_row(i) = t.g.dx(i);
      }
    if (t.g.size() > 0)
      constraint_derivative += t.g.dx(n);
    constraints.distribute_local_to_global(local_jacobian, t.dofs, *jacobian);
    constraints.distribute_local_to_global(local_border, t.dofs, system->db);
    constraints.distribute_local_to_global(local_row, t.dofs, system->dc);
  }

  template class AssemblyLoop<1>;
  template class AssemblyLoop<2>;
  template class AssemblyLoop<3>;
} // namespace ssbcell
