#pragma once
// Exact solutions a run can be checked against (`Verification/Exact
// solution`). A verification run computes the relative L2 error of c at every
// step and reports it in statistics.csv and summary.json.

#include <meshes/geometry.h>
#include <physics/registry.h>

#include <array>
#include <optional>

namespace ssbcell
{
  // What the exact solution needs to know about the run.
  struct DiffusionSetup
  {
    unsigned int     dimension             = 1;
    CoordinateSystem coordinate_system     = CoordinateSystem::spherical;
    double           radius                = 0.; // [m]
    double           diffusivity           = 0.; // [m^2/s], constant
    bool             constant_diffusivity  = true;
    double           initial_concentration = 0.; // [mol/m^3]
    double           surface_flux          = 0.; // [mol/m^2/s], into the particle
    std::size_t      n_protocol_steps      = 0;
  };

  class ExactDiffusionSolution
  {
  public:
    virtual ~ExactDiffusionSolution() = default;

    // Inside subsection `Verification`.
    virtual void
    parse_parameters(dealii::ParameterHandler &)
    {
    }

    // Throws InputError if the run does not match the solution's problem.
    virtual void
    check(const DiffusionSetup &setup) const;

    // A surface concentration to impose instead of the protocol's flux.
    virtual std::optional<double>
    fixed_surface_concentration() const
    {
      return {};
    }

    // c [mol/m^3] at point x (padded to 3 components) and time t [s].
    virtual double
    value(const std::array<double, 3> &x, double t, const DiffusionSetup &s) const = 0;

    // Mean concentration at time t, where the Li inventory cannot be checked
    // against the charge passed (prescribed surface concentration).
    virtual std::optional<double>
    mean_concentration(double, const DiffusionSetup &) const
    {
      return {};
    }
  };

  using ExactSolutionRegistry = Registry<ExactDiffusionSolution>;

  // Shared checks: constant D, one protocol step, and a sphere (1D spherical,
  // 2D axisymmetric, 3D) or a slab (1D cartesian).
  void
  check_sphere_setup(const DiffusionSetup &s);
  void
  check_slab_setup(const DiffusionSetup &s);
} // namespace ssbcell
