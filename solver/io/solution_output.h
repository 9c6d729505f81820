#pragma once
// solution/solution-NNNNN.pvtu (+ one .vtu per rank) and solution.pvd, the
// index ParaView opens, with the time of every file.

#include <deal.II/dofs/dof_handler.h>
#include <deal.II/fe/mapping.h>
#include <deal.II/lac/vector.h>
#include <deal.II/numerics/data_out.h>

#include <solver/linear_algebra/linear_algebra.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ssbcell
{
  template <int dim>
  class SolutionOutput
  {
  public:
    SolutionOutput(const std::string &output_directory, unsigned int mapping_degree);

    // Writes the solution's components (named by `field_names`, c first),
    // theta = c/c_max, the material id and the MPI rank.
    void
    write(const dealii::DoFHandler<dim>  &dof_handler,
          const dealii::Mapping<dim>     &mapping,
          const LA::Vector               &solution, // ghosted
          const std::vector<std::string> &field_names,
          // Cell-wise fields: name, one value per active cell.
          const std::vector<std::pair<std::string, dealii::Vector<float>>> &cell_fields,
          double                                                            max_concentration,
          double                                                            time,
          // Adds fields of other DoFHandlers on the same mesh (mechanics).
          const std::function<void(dealii::DataOut<dim> &)> &add_more = {});

  private:
    std::string                                 directory;
    unsigned int                                subdivisions;
    unsigned int                                counter = 0;
    std::vector<std::pair<double, std::string>> records;
  };
} // namespace ssbcell
