#include <physics/parameter_checks.h>
#include <solver/time_integration/time_stepping.h>

namespace ssbcell
{
  void
  TimeSteppingParameters::declare_parameters(dealii::ParameterHandler &prm)
  {
    namespace Patterns = dealii::Patterns;
    prm.enter_subsection("Time stepping");
    prm.declare_entry("Initial time step [s]", "1", Patterns::Double(),
                      "First step of every protocol step [s] (backward Euler).");
    prm.declare_entry("Maximum time step [s]", "600", Patterns::Double(),
                      "Upper bound of the adaptive step [s].");
    prm.declare_entry("Fixed time step [s]", "0", Patterns::Double(),
                      "If > 0, every step has this size [s] (the last one of a "
                      "timed protocol step is shortened) and the error control "
                      "is off; for convergence studies.");
    prm.declare_entry("Relative tolerance", "1e-4", Patterns::Double(),
                      "Allowed local error per step, as a fraction of c_max.");
    prm.declare_entry("Voltage cut-off tolerance [V]", "1e-5", Patterns::Double(),
                      "How closely a voltage cut-off is located inside the step.");
    prm.declare_entry("Maximum Newton iterations", "25", Patterns::Integer(1, 1000),
                      "Per time step.");
    prm.declare_entry("Newton tolerance", "1e-10", Patterns::Double(),
                      "Residual reduction relative to the step's first residual.");
    prm.declare_entry("Maximum step retries", "12", Patterns::Integer(0, 100),
                      "Halvings of a step whose Newton iteration failed, before "
                      "the run is declared failed (exit status 3).");
    prm.declare_entry("Sweep voltage step [V]", "1e-3", Patterns::Double(),
                      "Upper bound of the voltage change per time step of a "
                      "Sweep step (cyclic voltammetry): the peaks are resolved "
                      "to about this.");
    prm.leave_subsection();
  }

  void
  TimeSteppingParameters::parse_parameters(dealii::ParameterHandler &prm)
  {
    const std::string s = "Time stepping";
    prm.enter_subsection("Time stepping");
    initial_step          = get_positive(prm, s, "Initial time step [s]");
    max_step              = get_positive(prm, s, "Maximum time step [s]");
    fixed_step            = get_checked(prm, s, "Fixed time step [s]", 0., HUGE_VAL);
    relative_tolerance    = get_checked(prm, s, "Relative tolerance", 0., 1., true);
    voltage_tolerance     = get_positive(prm, s, "Voltage cut-off tolerance [V]");
    max_newton_iterations = prm.get_integer("Maximum Newton iterations");
    newton_tolerance      = get_checked(prm, s, "Newton tolerance", 0., 1., true);
    max_retries           = prm.get_integer("Maximum step retries");
    sweep_voltage_step    = get_positive(prm, s, "Sweep voltage step [V]");
    prm.leave_subsection();
  }
} // namespace ssbcell
