#include <physics/contact_law.h>
#include <physics/parameter_checks.h>
#include <solver/mechanics_parameters.h>

namespace ssbcell
{
  namespace Patterns = dealii::Patterns;

  void
  MechanicsParameters::declare_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Mechanics");
    prm.declare_entry("Enabled", "false", Patterns::Bool(),
                      "Solve for stress and contact. Not coupled to the cell "
                      "models yet: true is rejected.");
    prm.declare_entry("Stack pressure [Pa]", "0", Patterns::Double(),
                      "Stack pressure p_stack [Pa] (>= 0): a normal traction -p n "
                      "on the collector boundary (id 2), or on the outer surface "
                      "(id 4) of a 1D particle.");
    prm.declare_entry("Lateral boundaries", "confined",
                      Patterns::Selection("confined|traction-free"),
                      "Lateral boundaries (id 3): 'confined' = rollers, no normal "
                      "displacement (a pellet pressed in a die); 'traction-free' "
                      "= free sides (in-plane rigid motions are then removed by "
                      "pinning anode points, which carries no load).");
    prm.declare_entry("Void Young's modulus [Pa]", "0", Patterns::Double(),
                      "0: voids (material id 4) are holes. > 0: voids are a soft "
                      "solid with this E [Pa] and Poisson's ratio 0 (keeps a "
                      "particle that only touches voids from floating); the "
                      "stack pressure does not act on their faces.");
    prm.declare_entry("Linear solver", "auto",
                      Patterns::Selection("auto|direct|cg-amg"),
                      "'direct': MUMPS LU; 'cg-amg': CG with PETSc's smoothed "
                      "aggregation multigrid (GAMG) given the rigid-body modes; "
                      "'auto': direct in 1D and below 50000 unknowns, else "
                      "cg-amg. The matrix and its factorisation or multigrid "
                      "hierarchy serve every solve on the same mesh. PETSc "
                      "options with the prefix 'mech_' reach this solver only, "
                      "e.g. '-mech_ksp_monitor'.");
    prm.declare_entry("Relative tolerance", "1e-10", Patterns::Double(),
                      "Residual reduction of CG (cg-amg).");
    prm.declare_entry("Maximum iterations", "1000", Patterns::Integer(1),
                      "Of CG (cg-amg).");
    prm.enter_subsection("Contact");
    prm.declare_entry("Contact law", "constant",
                      Patterns::Selection(ContactLawRegistry::instance().names_pattern()),
                      "How the compressive normal traction at AM|SE and "
                      "coating|SE interfaces sets the local contact fraction "
                      "a_c. Read and checked; used once the mechanics is "
                      "coupled. " + ContactLawRegistry::instance().documentation());
    ContactLawRegistry::instance().declare_all_parameters(prm);
    prm.leave_subsection();
    prm.leave_subsection();
  }

  void
  MechanicsParameters::parse_parameters(dealii::ParameterHandler &prm)
  {
    const std::string section = "Mechanics";
    prm.enter_subsection("Mechanics");
    enabled        = prm.get_bool("Enabled");
    stack_pressure = get_checked(prm, section, "Stack pressure [Pa]", 0., 1e10);
    lateral = prm.get("Lateral boundaries") == "confined" ? Lateral::confined :
                                                            Lateral::traction_free;
    void_modulus = get_checked(prm, section, "Void Young's modulus [Pa]", 0., 1e13);
    solver       = prm.get("Linear solver");
    tolerance    = get_checked(prm, section, "Relative tolerance", 0., 1., true);
    max_iterations = prm.get_integer("Maximum iterations");
    prm.enter_subsection("Contact");
    contact_law = prm.get("Contact law");
    // Only checked here: the coupling will own the law.
    ContactLawRegistry::instance().create(contact_law)->parse_parameters(prm);
    prm.leave_subsection();
    prm.leave_subsection();
  }
} // namespace ssbcell
