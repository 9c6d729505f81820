#include <physics/contact_law.h>
#include <physics/parameter_checks.h>
#include <solver/mechanics/mechanics_parameters.h>

namespace ssbcell
{
  namespace Patterns = dealii::Patterns;

  void
  MechanicsParameters::declare_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Mechanics");
    prm.declare_entry("Enabled", "false", Patterns::Bool(),
                      "Solve for stress and contact, coupled both ways with the "
                      "electrochemistry model (docs/mechanics.md): the "
                      "concentration sets the chemical strain, the normal "
                      "traction on the particle surface sets the contact "
                      "fraction a_c of Butler-Volmer through the contact law.");
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
    prm.declare_entry("Pressing steps", "10", Patterns::Integer(1, 10000),
                      "If a solid has a yield stress: the stack pressure is applied "
                      "in this many equal increments before the first step, the "
                      "plastic state committed after each (plastic flow depends on "
                      "the loading path); afterwards every accepted time step is "
                      "one increment. Unused if every solid is elastic.");
    prm.declare_entry("Powder stiffness", "dense",
                      Patterns::Selection(PowderStiffnessRegistry::instance().names_pattern()),
                      "With a compaction law on a resolved mesh (Cell/Compaction "
                      "law): the Young's modulus of each electrolyte cell "
                      "(docs/physics.md, \"Stiffness of a pressed powder\"). " +
                        PowderStiffnessRegistry::instance().documentation() +
                        "A modulus that follows the porosity is iterated with the "
                        "pressing before the first step; later raised where a cell "
                        "is pressed harder, never lowered (unloading keeps the "
                        "pressed porosity).");
    PowderStiffnessRegistry::instance().declare_all_parameters(prm);
    prm.declare_entry("Linear solver", "auto", Patterns::Selection("auto|direct|cg-amg"),
                      "'direct': MUMPS LU; 'cg-amg': CG with BoomerAMG (the "
                      "settings of the electrochemistry's field split; "
                      "'-mech_pc_type gamg' selects PETSc's GAMG, given the "
                      "rigid-body modes); "
                      "'auto': direct in 1D and below 50000 unknowns, else "
                      "cg-amg. The matrix and its factorisation or multigrid "
                      "hierarchy serve every solve on the same mesh. PETSc "
                      "options with the prefix 'mech_' reach this solver only, "
                      "e.g. '-mech_ksp_monitor'.");
    prm.declare_entry("Relative tolerance", "1e-10", Patterns::Double(),
                      "Residual reduction of CG (cg-amg).");
    prm.declare_entry("Maximum iterations", "1000", Patterns::Integer(1), "Of CG (cg-amg).");
    prm.declare_entry("Stress-dependent open-circuit potential", "false", Patterns::Bool(),
                      "true: the open-circuit potential on the reacting surface is "
                      "U(theta_s) + Omega sigma_h / F, sigma_h = tr(sigma)/3 [Pa] "
                      "(> 0 in tension) on the active-material side and Omega the "
                      "partial molar volume: compression lowers it by Omega p / F "
                      "(about 1 mV at 100 MPa for Omega = 1e-6 m^3/mol).");
    prm.enter_subsection("Coupling");
    prm.declare_entry("Maximum iterations", "20", Patterns::Integer(0),
                      "Fixed-point iterations per time step between the cell model "
                      "and the mechanics: the step is solved again with a_c and "
                      "the OCP shift from the stress of its own result until they "
                      "change by less than the Tolerance; a step that has not "
                      "converged after this many is retried with half the time "
                      "step. 0: staggered, the stress of the last accepted step "
                      "sets them for the next (first order in time).");
    prm.declare_entry("Tolerance", "1e-4", Patterns::Double(),
                      "Of the coupling iterations [-], in (0, 1]: on the largest "
                      "change, over the reacting surface, of a_c and of F/(RT) "
                      "times the OCP shift (both change the current by that "
                      "fraction). A step whose first change is below it keeps "
                      "the fields of the last accepted state.");
    prm.declare_entry("Relaxation", "1", Patterns::Double(),
                      "beta in (0, 1]: an unaccelerated iteration moves a_c and "
                      "the OCP shift by beta times the change the stress asks "
                      "for.");
    prm.declare_entry("Anderson depth", "5", Patterns::Integer(0, 50),
                      "Past iterations the Anderson acceleration combines "
                      "(least squares on the last changes; Walker & Ni 2011): "
                      "it speeds up couplings whose plain iteration overshoots "
                      "or creeps. 0: relaxation only.");
    prm.declare_entry("Newton iterations per coupling iteration", "0", Patterns::Integer(0),
                      "0: every coupling iteration solves the cell model to "
                      "convergence with the fields it is given. n > 0: it takes "
                      "at most n Newton iterations, so that the cell model and "
                      "the fields converge together; once the fields have "
                      "converged the step is solved to convergence and checked "
                      "once more. Where each field update changes the solution "
                      "little, 1 saves most factorisations.");
    prm.leave_subsection();
    prm.enter_subsection("Contact");
    prm.declare_entry("Contact law", "constant",
                      Patterns::Selection(ContactLawRegistry::instance().names_pattern()),
                      "How the compressive normal traction at AM|SE and "
                      "coating|SE interfaces sets the local contact fraction "
                      "a_c [-] that multiplies the Butler-Volmer current "
                      "(docs/contact-laws.md). " +
                        ContactLawRegistry::instance().documentation());
    ContactLawRegistry::instance().declare_all_parameters(prm);
    prm.declare_entry("Surface gap", "none",
                      Patterns::Selection(SurfaceGapRegistry::instance().names_pattern()),
                      "The void the electrolyte powder leaves at the surface of "
                      "an active particle where it does not touch it (a_c < 1), "
                      "beyond the bulk powder's pores. It adds to the "
                      "composite's porosity (summary.json: composite_porosity, "
                      "composite_surface_gap_porosity) and changes nothing "
                      "else (docs/physics.md, \"Gaps at the particle "
                      "surfaces\"). " +
                        SurfaceGapRegistry::instance().documentation());
    SurfaceGapRegistry::instance().declare_all_parameters(prm);
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
    lateral =
      prm.get("Lateral boundaries") == "confined" ? Lateral::confined : Lateral::traction_free;
    void_modulus           = get_checked(prm, section, "Void Young's modulus [Pa]", 0., 1e13);
    solver                 = prm.get("Linear solver");
    tolerance              = get_checked(prm, section, "Relative tolerance", 0., 1., true);
    max_iterations         = prm.get_integer("Maximum iterations");
    pressing_steps         = prm.get_integer("Pressing steps");
    powder_stiffness       = prm.get("Powder stiffness");
    powder_stiffness_model = PowderStiffnessRegistry::instance().create(powder_stiffness);
    powder_stiffness_model->parse_parameters(prm);
    stress_dependent_ocp = prm.get_bool("Stress-dependent open-circuit potential");
    prm.enter_subsection("Coupling");
    coupling.max_iterations = prm.get_integer("Maximum iterations");
    coupling.tolerance  = get_checked(prm, section + "/Coupling", "Tolerance", 0., 1., true);
    coupling.relaxation = get_checked(prm, section + "/Coupling", "Relaxation", 0., 1., true);
    coupling.anderson_depth    = prm.get_integer("Anderson depth");
    coupling.newton_iterations = prm.get_integer("Newton iterations per coupling iteration");
    prm.leave_subsection();
    prm.enter_subsection("Contact");
    contact_law       = prm.get("Contact law");
    contact_law_model = ContactLawRegistry::instance().create(contact_law);
    contact_law_model->parse_parameters(prm);
    surface_gap    = prm.get("Surface gap");
    auto gap_model = SurfaceGapRegistry::instance().create(surface_gap);
    gap_model->parse_parameters(prm);
    surface_gap_model = std::move(gap_model);
    prm.leave_subsection();
    prm.leave_subsection();
  }
} // namespace ssbcell
