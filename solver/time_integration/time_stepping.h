#pragma once
// Subsection `Time stepping`: adaptive BDF2 (solver/time_integration/bdf2.h) controls.

#include <deal.II/base/parameter_handler.h>

namespace ssbcell
{
  struct TimeSteppingParameters
  {
    double       initial_step          = 0.; // [s], first step of every protocol step
    double       max_step              = 0.; // [s]
    double       fixed_step            = 0.; // [s], > 0 switches error control off
    double       relative_tolerance    = 0.; // local error / c_max per step
    double       voltage_tolerance     = 0.; // [V], cut-off location
    unsigned int max_newton_iterations = 0;
    double       newton_tolerance      = 0.; // relative residual reduction
    unsigned int max_retries           = 0;  // step halvings after Newton failure
    double       sweep_voltage_step    = 0.; // [V], largest change per step of a Sweep

    static void
    declare_parameters(dealii::ParameterHandler &prm);
    void
    parse_parameters(dealii::ParameterHandler &prm);
  };
} // namespace ssbcell
