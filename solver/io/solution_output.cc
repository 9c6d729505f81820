#include <deal.II/base/data_out_base.h>
#include <deal.II/numerics/data_out.h>
#include <deal.II/numerics/data_postprocessor.h>

#include <solver/io/solution_output.h>

#include <fstream>

namespace ssbcell
{
  using namespace dealii;

  namespace
  {
    // theta = c / c_max from the first solution component.
    template <int dim>
    class Stoichiometry : public DataPostprocessorScalar<dim>
    {
    public:
      explicit Stoichiometry(double c_max)
        : DataPostprocessorScalar<dim>("theta", update_values)
        , c_max(c_max)
      {
      }

      void
      evaluate_vector_field(const DataPostprocessorInputs::Vector<dim> &inputs,
                            std::vector<Vector<double>> &computed) const override
      {
        for (unsigned int q = 0; q < computed.size(); ++q)
          computed[q](0) = inputs.solution_values[q](0) / c_max;
      }

      void
      evaluate_scalar_field(const DataPostprocessorInputs::Scalar<dim> &inputs,
                            std::vector<Vector<double>> &computed) const override
      {
        for (unsigned int q = 0; q < computed.size(); ++q)
          computed[q](0) = inputs.solution_values[q] / c_max;
      }

    private:
      double c_max;
    };
  } // namespace

  template <int dim>
  SolutionOutput<dim>::SolutionOutput(const std::string &output_directory,
                                      unsigned int       mapping_degree)
    : directory(output_directory)
    , subdivisions(mapping_degree)
  {
  }

  template <int dim>
  void
  SolutionOutput<dim>::write(
    const DoFHandler<dim>                                    &dof_handler,
    const Mapping<dim>                                       &mapping,
    const LA::Vector                                         &solution,
    const std::vector<std::string>                           &field_names,
    const std::vector<std::pair<std::string, Vector<float>>> &cell_fields,
    double                                                    max_concentration,
    double                                                    time,
    const std::function<void(DataOut<dim> &)>                &add_more)
  {
    const auto              &tria = dof_handler.get_triangulation();
    const MPI_Comm           comm = tria.get_communicator();
    const Stoichiometry<dim> theta(max_concentration);

    Vector<float> material(tria.n_active_cells()), rank(tria.n_active_cells());
    for (const auto &cell : tria.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          material(cell->active_cell_index()) = cell->material_id();
          rank(cell->active_cell_index())     = Utilities::MPI::this_mpi_process(comm);
        }

    DataOut<dim> data_out;
    data_out.attach_dof_handler(dof_handler);
    data_out.add_data_vector(solution, field_names);
    data_out.add_data_vector(solution, theta);
    data_out.add_data_vector(material, "material_id");
    data_out.add_data_vector(rank, "subdomain");
    for (const auto &[name, values] : cell_fields)
      data_out.add_data_vector(values, name);
    if (add_more)
      add_more(data_out);
    data_out.build_patches(mapping, subdivisions, DataOut<dim>::curved_inner_cells);

    DataOutBase::VtkFlags flags;
    flags.time = time;
    data_out.set_flags(flags);
    // solution/solution-NNNNN.RRRR.vtu per rank, solution/solution-NNNNN.pvtu
    const unsigned int rank_id = Utilities::MPI::this_mpi_process(comm);
    const unsigned int n_ranks = Utilities::MPI::n_mpi_processes(comm);
    const std::string  base    = "solution/solution-" + Utilities::int_to_string(counter++, 5);
    auto               piece   = [&](unsigned int r) {
      return base + "." + Utilities::int_to_string(r, 4) + ".vtu";
    };
    std::ofstream vtu(directory + "/" + piece(rank_id));
    data_out.write_vtu(vtu);
    if (rank_id == 0)
      {
        std::vector<std::string> pieces;
        for (unsigned int r = 0; r < n_ranks; ++r)
          pieces.push_back(piece(r).substr(std::string("solution/").size()));
        std::ofstream pvtu(directory + "/" + base + ".pvtu");
        data_out.write_pvtu_record(pvtu, pieces);
        records.emplace_back(time, base + ".pvtu");
        std::ofstream pvd(directory + "/solution.pvd");
        DataOutBase::write_pvd_record(pvd, records);
      }
  }

  template class SolutionOutput<1>;
  template class SolutionOutput<2>;
  template class SolutionOutput<3>;
} // namespace ssbcell
