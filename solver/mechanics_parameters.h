#pragma once
// Subsection `Mechanics`: whether the mechanics runs, its loads and boundary
// conditions, its linear solver, and the contact law (`Mechanics/Contact`).
// docs/mechanics.md explains each choice.

#include <deal.II/base/parameter_handler.h>

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

    bool         enabled        = false;
    double       stack_pressure = 0.; // [Pa], >= 0
    Lateral      lateral        = Lateral::confined;
    // 0: voids (material id 4) are holes; > 0: a soft solid of this E [Pa]
    // and nu = 0.
    double       void_modulus   = 0.;
    std::string  solver         = "auto"; // auto | direct | cg-amg
    double       tolerance      = 1e-10;  // relative, CG
    unsigned int max_iterations = 1000;
    std::string  contact_law; // a ContactLawRegistry name

    // Both are called outside the subsection.
    static void
    declare_parameters(dealii::ParameterHandler &prm);
    void
    parse_parameters(dealii::ParameterHandler &prm);
  };
} // namespace ssbcell
