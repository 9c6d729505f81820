#include <physics/analytic/exact_solution.h>
#include <physics/parameter_checks.h>
#include <solver/cell_models/cell_problem.h>
#include <solver/parameters/run_parameters.h>
#include <solver/studies/sweep.h>

namespace ssbcell
{
  namespace Patterns = dealii::Patterns;
  using dealii::ParameterHandler;

  void
  OutputParameters::declare_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Output");
    prm.declare_entry("Write solution", "true", Patterns::Bool(),
                      "Write solution/*.pvtu and solution.pvd for ParaView.");
    prm.declare_entry("Solution every n steps", "0", Patterns::Integer(0),
                      "Also write the fields every n accepted time steps; 0 = "
                      "only at the start and at the end of each protocol step.");
    prm.leave_subsection();
  }

  void
  OutputParameters::parse_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Output");
    write_solution = prm.get_bool("Write solution");
    solution_every = prm.get_integer("Solution every n steps");
    prm.leave_subsection();
  }

  void
  RunParameters::declare_parameters(ParameterHandler &prm)
  {
    GeometryParameters::declare_parameters(prm);
    Materials::declare_parameters(prm);
    CellParameters::declare_parameters(prm);

    prm.enter_subsection("Protocol");
    prm.declare_entry("Steps",
                      "Charge at 0.1C until 3.7 V; Rest for 1 h; "
                      "Discharge at 0.1C until 1.9 V",
                      Patterns::Anything(),
                      "The cycling protocol, steps separated by ';': 'Charge|"
                      "Discharge at <x>C|<x> A/m2 until <v> V|for <t> s|min|h', "
                      "'Rest for <t>', 'Hold at <v> V until <x>C|C/<n>|<x> A/m2|"
                      "for <t>', 'Sweep at <x> mV/s|V/s from <a> V to <b> V', "
                      "'Impedance from <f1> <unit> to <f2> <unit>, <n> points per "
                      "decade' (unit mHz|Hz|kHz|MHz; the small-signal spectrum at the "
                      "present state), "
                      "'Repeat <n> times: <steps separated by ,> [until <v> V]'. "
                      "Voltages are against the anode.");
    prm.leave_subsection();

    TimeSteppingParameters::declare_parameters(prm);
    LinearSolverParameters::declare_parameters(prm);
    OutputParameters::declare_parameters(prm);

    prm.enter_subsection("Discretization");
    prm.declare_entry("Finite element degree", "2", Patterns::Integer(1, 4),
                      "Polynomial degree of the Lagrange elements.");
    prm.leave_subsection();

    prm.enter_subsection("Model");
    prm.declare_entry("Cell model", "electrochemistry",
                      Patterns::Selection(CellProblemRegistry<1>::instance().names_pattern()),
                      "The cell model (docs/physics.md). " +
                        CellProblemRegistry<1>::instance().documentation());
    prm.leave_subsection();

    MechanicsParameters::declare_parameters(prm);

    SweepParameters::declare_parameters(prm);

    prm.enter_subsection("Verification");
    prm.declare_entry("Exact solution", "none",
                      Patterns::Selection("none|" +
                                          ExactSolutionRegistry::instance().names_pattern()),
                      "Compare the run with an exact solution: the relative L2 "
                      "error of c goes to statistics.csv (error_L2_rel) and "
                      "summary.json. " +
                        ExactSolutionRegistry::instance().documentation());
    ExactSolutionRegistry::instance().declare_all_parameters(prm);
    prm.leave_subsection();
  }

  void
  RunParameters::parse_parameters(ParameterHandler &prm)
  {
    geometry.parse_parameters(prm);
    cell.parse_parameters(prm);
    materials.parse_parameters(prm, cell.temperature_K);

    prm.enter_subsection("Protocol");
    protocol_text = prm.get("Steps");
    prm.leave_subsection();
    try
      {
        protocol = parse_protocol(protocol_text);
      }
    catch (InputError &e)
      {
        e.parameter_path = "Protocol/Steps";
        throw;
      }

    time_stepping.parse_parameters(prm);
    linear_solver.parse_parameters(prm);
    output.parse_parameters(prm);

    prm.enter_subsection("Discretization");
    fe_degree = prm.get_integer("Finite element degree");
    prm.leave_subsection();
    prm.enter_subsection("Model");
    cell_model = prm.get("Cell model");
    prm.leave_subsection();

    mechanics.parse_parameters(prm);

    prm.enter_subsection("Verification");
    exact_solution = prm.get("Exact solution");
    prm.leave_subsection();

    parse_models(prm);
    check_model_capabilities();
    if (cell.compaction)
      cell.compaction->check(materials.electrolyte.elastic.yield);
    if (geometry.dimension == 1) // the lumped layers; a mesh resolves its own
      {
        cell.apply_compaction(mechanics.stack_pressure, materials.electrolyte.elastic.yield);
        cell.check_lumped_layers_conduct();
      }
  }

  void
  RunParameters::parse_models(ParameterHandler &prm)
  {
    switch (geometry.dimension)
      {
        case 1:
          std::get<0>(mesh_generators) = parse_mesh_generator<1>(prm, geometry);
          break;
        case 2:
          std::get<1>(mesh_generators) = parse_mesh_generator<2>(prm, geometry);
          break;
        default:
          std::get<2>(mesh_generators) = parse_mesh_generator<3>(prm, geometry);
      }
    exact_solution_model.reset();
    if (exact_solution != "none")
      {
        exact_solution_model = ExactSolutionRegistry::instance().create(exact_solution);
        prm.enter_subsection("Verification");
        exact_solution_model->parse_parameters(prm);
        prm.leave_subsection();
      }
  }

  void
  RunParameters::check_model_capabilities() const
  {
    const CellModelTraits traits = cell_model_traits(cell_model);
    for (const auto &step : protocol.steps)
      if ((step.kind == StepKind::hold || step.kind == StepKind::sweep) &&
          !traits.potentiostatic)
        throw InputError("'" + step.text + "': the '" + cell_model +
                           "' cell model has no cell voltage to hold or sweep",
                         "use Model/Cell model = electrochemistry", "", 0, "Protocol/Steps");
    for (const auto &step : protocol.steps)
      if (step.kind == StepKind::impedance && !traits.impedance)
        throw InputError("'" + step.text + "': the '" + cell_model +
                           "' cell model has no impedance (no interfaces to charge)",
                         "use Model/Cell model = electrochemistry", "", 0, "Protocol/Steps");
    if (geometry.dimension == 1)
      {
        const auto classes = std::get<0>(mesh_generators)->particle_classes();
        const bool population =
          classes.size() > 1 || (classes.size() == 1 && classes[0].contact_fraction != 1.);
        if (population && !traits.interface_kinetics)
          throw InputError("particle classes share the electrode potential, which the '" +
                             cell_model + "' cell model does not have",
                           "use Model/Cell model = electrochemistry", "", 0,
                           "Geometry/Spherical particle/Particle class radii [m]");
      }
    if (cell.compaction && geometry.dimension != 1 && !mechanics.enabled)
      throw InputError("on a 2D or 3D mesh a compaction law sets each electrolyte "
                       "cell's porosity from the local stress, which needs the mechanics",
                       "set Mechanics/Enabled = true, or Cell/Compaction law = none", "", 0,
                       "Cell/Compaction law");
    if (mechanics.enabled && !traits.reacting_surface)
      throw InputError("the mechanics couples to the electrochemistry model",
                       "set Model/Cell model = electrochemistry", "", 0, "Mechanics/Enabled");
  }
} // namespace ssbcell
