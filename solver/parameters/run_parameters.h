#pragma once
// Every parameter of a run. Each component declares and parses its own
// subsection; this file only lists the components (phase 1 of the start-up:
// declare; phase 2: parse; phase 3: the simulator initialises itself).

#include <deal.II/base/parameter_handler.h>

#include <meshes/geometry.h>
#include <meshes/mesh_generator.h>
#include <physics/analytic/exact_solution.h>
#include <physics/materials.h>
#include <solver/linear_algebra/linear_solver.h>
#include <solver/mechanics/mechanics_parameters.h>
#include <solver/parameters/cell_parameters.h>
#include <solver/protocol/protocol.h>
#include <solver/time_integration/time_stepping.h>

#include <memory>
#include <string>
#include <tuple>

namespace ssbcell
{
  struct OutputParameters
  {
    unsigned int solution_every = 0; // steps; 0 = only at protocol-step ends
    bool         write_solution = true;

    static void
    declare_parameters(dealii::ParameterHandler &prm);
    void
    parse_parameters(dealii::ParameterHandler &prm);
  };

  struct RunParameters
  {
    GeometryParameters     geometry;
    Materials              materials;
    CellParameters         cell;
    Protocol               protocol;
    std::string            protocol_text;
    TimeSteppingParameters time_stepping;
    LinearSolverParameters linear_solver;
    OutputParameters       output;
    unsigned int           fe_degree = 2;
    std::string            cell_model;     // diffusion | electrochemistry
    std::string            exact_solution; // "none" or a registered name
    MechanicsParameters    mechanics;

    // Parsed with the parameters (phase 2), before any mesh is built: the
    // mesh generator of the run's dimension and the exact solution of a
    // verification run (nullptr: none).
    std::tuple<std::shared_ptr<MeshGenerator<1>>,
               std::shared_ptr<MeshGenerator<2>>,
               std::shared_ptr<MeshGenerator<3>>>
                                            mesh_generators;
    std::shared_ptr<ExactDiffusionSolution> exact_solution_model;

    template <int dim>
    const MeshGenerator<dim> &
    mesh_generator() const
    {
      return *std::get<dim - 1>(mesh_generators);
    }

    static void
    declare_parameters(dealii::ParameterHandler &prm);
    void
    parse_parameters(dealii::ParameterHandler &prm);

  private:
    // The named models of the run, and the checks that need several
    // subsections together.
    void
    parse_models(dealii::ParameterHandler &prm);
    void
    check_model_capabilities() const;
  };
} // namespace ssbcell
