// The diffusion cases (a), (b), (c) of docs/verification.md as plugins.

#include <physics/analytic/diffusion_solutions.h>
#include <physics/analytic/exact_solution.h>
#include <physics/input_error.h>

#include <cmath>

namespace ssbcell
{
  void
  ExactDiffusionSolution::check(const DiffusionSetup &s) const
  {
    if (!s.constant_diffusivity)
      throw InputError("exact solutions need a constant diffusivity",
                       "set "
                       "Materials/Active material/Diffusivity model = constant",
                       "", 0, "Verification/Exact solution");
    if (s.n_protocol_steps != 1)
      throw InputError("a verification run has exactly one protocol step",
                       "e.g. 'Discharge at 1C for 600 s'", "", 0, "Protocol/Steps");
  }

  void
  check_sphere_setup(const DiffusionSetup &s)
  {
    const bool sphere = s.coordinate_system == CoordinateSystem::spherical ||
                        s.coordinate_system == CoordinateSystem::axisymmetric ||
                        s.dimension == 3;
    if (!sphere)
      throw InputError("this exact solution is for a sphere",
                       "use a 1D spherical, 2D axisymmetric or 3D mesh", "", 0,
                       "Verification/Exact solution");
  }

  void
  check_slab_setup(const DiffusionSetup &s)
  {
    if (!(s.dimension == 1 && s.coordinate_system == CoordinateSystem::cartesian))
      throw InputError("this exact solution is for a slab",
                       "use Dimension = 1 with Coordinate system = cartesian", "", 0,
                       "Verification/Exact solution");
  }

  namespace
  {
    double
    radius_of(const std::array<double, 3> &x)
    {
      return std::sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
    }

    class SphereConstantFlux : public ExactDiffusionSolution
    {
    public:
      void
      check(const DiffusionSetup &s) const override
      {
        ExactDiffusionSolution::check(s);
        check_sphere_setup(s);
      }
      double
      value(const std::array<double, 3> &x, double t, const DiffusionSetup &s) const override
      {
        return analytic::sphere_constant_flux(std::min(radius_of(x), s.radius), t, s.radius,
                                              s.diffusivity, s.initial_concentration,
                                              s.surface_flux);
      }
    };

    class SlabConstantFlux : public ExactDiffusionSolution
    {
    public:
      void
      check(const DiffusionSetup &s) const override
      {
        ExactDiffusionSolution::check(s);
        check_slab_setup(s);
      }
      double
      value(const std::array<double, 3> &x, double t, const DiffusionSetup &s) const override
      {
        return analytic::slab_constant_flux(std::min(x[0], s.radius), t, s.radius,
                                            s.diffusivity, s.initial_concentration,
                                            s.surface_flux);
      }
    };

    class SphereFixedSurface : public ExactDiffusionSolution
    {
    public:
      static void
      declare_parameters(dealii::ParameterHandler &prm)
      {
        prm.enter_subsection("Sphere fixed surface");
        prm.declare_entry("Surface concentration [mol/m^3]", "0", dealii::Patterns::Double(0.),
                          "Concentration imposed on the particle surface for the "
                          "exact solution 'sphere fixed surface' (Crank 6.18).");
        prm.leave_subsection();
      }
      void
      parse_parameters(dealii::ParameterHandler &prm) override
      {
        prm.enter_subsection("Sphere fixed surface");
        surface = prm.get_double("Surface concentration [mol/m^3]");
        prm.leave_subsection();
      }
      void
      check(const DiffusionSetup &s) const override
      {
        ExactDiffusionSolution::check(s);
        check_sphere_setup(s);
        if (s.surface_flux != 0.)
          throw InputError("'sphere fixed surface' prescribes the surface "
                           "concentration, not a current",
                           "use a 'Rest for <t>' protocol", "", 0, "Protocol/Steps");
      }
      std::optional<double>
      fixed_surface_concentration() const override
      {
        return surface;
      }
      double
      value(const std::array<double, 3> &x, double t, const DiffusionSetup &s) const override
      {
        return analytic::sphere_fixed_surface(std::min(radius_of(x), s.radius), t, s.radius,
                                              s.diffusivity, s.initial_concentration, surface);
      }
      std::optional<double>
      mean_concentration(double t, const DiffusionSetup &s) const override
      {
        return s.initial_concentration +
               (surface - s.initial_concentration) *
                 analytic::sphere_fixed_surface_uptake_fraction(t, s.radius, s.diffusivity);
      }

    private:
      double surface = 0.;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::ExactDiffusionSolution,
                       ssbcell::SphereConstantFlux,
                       "sphere constant flux",
                       "(a) sphere with a constant surface influx (Crank; "
                       "Carslaw & Jaeger 9.3).")
SSBCELL_REGISTER_MODEL(ssbcell::ExactDiffusionSolution,
                       ssbcell::SlabConstantFlux,
                       "slab constant flux",
                       "(b) slab insulated at x = 0 with a constant influx at x = l.")
SSBCELL_REGISTER_MODEL(ssbcell::ExactDiffusionSolution,
                       ssbcell::SphereFixedSurface,
                       "sphere fixed surface",
                       "(c) sphere with a fixed surface concentration (Crank 6.18).")
