#pragma once
// The values of a (ghosted) vector at the DoFs of one cell, read in one
// call, for FEValuesViews::get_function_*_from_local_dof_values. deal.II's
// get_function_values reads a PETSc vector element by element, several
// PETSc calls each: in a 1D run that was a tenth of the run time.

#include <deal.II/base/types.h>

#include <solver/linear_algebra/linear_algebra.h>

#include <vector>

namespace ssbcell
{
  class CellDofValues
  {
  public:
    // The values of x at the DoFs of `cell` (of its active element), in the
    // element's order.
    template <typename CellIterator>
    const std::vector<double> &
    read(const CellIterator &cell, const LA::Vector &x)
    {
      indices.resize(cell->get_fe().n_dofs_per_cell());
      cell->get_dof_indices(indices);
      values.resize(indices.size());
      x.extract_subvector_to(indices.begin(), indices.end(), values.begin());
      return values;
    }

  private:
    std::vector<dealii::types::global_dof_index> indices;
    std::vector<double>                          values;
  };
} // namespace ssbcell
