#pragma once
// Subsection `Mechanics`: whether the mechanics runs, its loads and boundary
// conditions, its linear solver, and the contact law and the gaps beside
// the contact (`Mechanics/Contact`).
// docs/mechanics.md explains each choice.

#include <deal.II/base/parameter_handler.h>

#include <physics/contact_law.h>
#include <physics/powder_stiffness.h>
#include <physics/surface_gap.h>

#include <memory>
#include <string>

namespace ssbcell
{
  struct MechanicsParameters
  {
    enum class Lateral
    {
      confined,     // rollers: no normal displacement (a pressed pellet in a die)
      traction_free // free sides
    };

    bool    enabled        = false;
    double  stack_pressure = 0.; // [Pa], >= 0
    Lateral lateral        = Lateral::confined;
    // 0: voids (material id 4) are holes; > 0: a soft solid of this E [Pa]
    // and nu = 0.
    double       void_modulus   = 0.;
    unsigned int pressing_steps = 10; // load increments if a solid yields
    // With a compaction law: how a powder cell's E follows its porosity
    // (a PowderStiffnessRegistry name, and the model parsed; until
    // parse_parameters the model is null, which the mechanics treat as
    // 'dense').
    std::string                           powder_stiffness = "dense";
    std::shared_ptr<PowderStiffnessModel> powder_stiffness_model;
    std::string                           solver         = "auto"; // auto | direct | cg-amg
    double                                tolerance      = 1e-10;  // relative, CG
    unsigned int                          max_iterations = 1000;
    std::string                           contact_law; // a ContactLawRegistry name
    // The law, parsed (MechanicsCoupling gives it the contact modulus).
    std::shared_ptr<ContactLaw> contact_law_model;
    // The void the powder leaves where it does not touch a particle (a
    // SurfaceGapRegistry name, and the model parsed; null until then, which
    // counts as 'none').
    std::string                            surface_gap = "none";
    std::shared_ptr<const SurfaceGapModel> surface_gap_model;
    // U + Omega sigma_h / F on the reacting surface (physics/elastic_properties.h).
    bool stress_dependent_ocp = false;

    // Subsection `Mechanics/Coupling`: the fixed-point iteration of one time
    // step between the cell model and the mechanics (MechanicsCoupling).
    struct Coupling
    {
      // 0: staggered, the stress of the last accepted step sets a_c and the
      // OCP shift of the next one; > 0: at most this many re-solves of the
      // step with the stress of its own result.
      unsigned int max_iterations = 20;
      // On max over the reacting surface of |change of a_c| and
      // F/(RT) |change of the OCP shift| (both enter the current alike).
      double tolerance  = 1e-4;
      double relaxation = 1.; // beta in (0, 1]: f <- f + beta (law - f)
      // Differences kept by the Anderson acceleration (0: relaxation only).
      unsigned int anderson_depth = 5;
      // Newton iterations of the cell model per coupling iteration (0: to
      // convergence). The fixed point is then reached by both iterations at
      // once; its last solve is always run to convergence.
      unsigned int newton_iterations = 0;
    } coupling;

    // Both are called outside the subsection.
    static void
    declare_parameters(dealii::ParameterHandler &prm);
    void
    parse_parameters(dealii::ParameterHandler &prm);
  };
} // namespace ssbcell
