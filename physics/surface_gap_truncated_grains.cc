#include <physics/parameter_checks.h>
#include <physics/surface_gap.h>

#include <algorithm>
#include <cmath>

namespace ssbcell
{
  namespace
  {
    // The first layer of grains (spheres of radius r) against the particle
    // surface, each flattened where it touches (Bowden and Tabor's truncated
    // sphere: a flat of radius a, a^2 = 2 r h - h^2, after an approach h).
    // - The grains' footprints cover the solid fraction s = 1 - phi of the
    //   surface (Delesse), so each footprint touches a_f = a_c / s of its
    //   own area, and 1 - a_f = (1 - h/r)^2.
    // - Inside a footprint, between the surface and the grain's centre
    //   plane (a cylinder of height r - h), the void under the sphere is
    //   pi r^2 (r/3) (1 - h/r)^3; the bulk powder would leave phi of that
    //   cylinder empty.
    // So the excess void per unit surface is
    //   s r ((1 - a_f)^(3/2) / 3 - phi (1 - a_f)^(1/2)),
    // none where the powder touches all it can (a_f = 1), r/3 for a dense
    // powder that does not touch. Where the bulk is as open as the
    // footprints (phi >= (1 - a_f) / 3, a loosely packed powder) the layer
    // at the surface adds nothing, and the model gives 0.
    class TruncatedGrains : public SurfaceGapModel
    {
    public:
      static void
      declare_parameters(dealii::ParameterHandler &prm)
      {
        prm.enter_subsection("Truncated grains");
        prm.declare_entry("Grain radius [m]", "2.5e-6", dealii::Patterns::Double(),
                          "r [m] > 0: radius of the powder's grains at the "
                          "particle surface, for surface gap model 'truncated "
                          "grains' (docs/physics.md, \"Gaps at the particle "
                          "surfaces\").");
        prm.leave_subsection();
      }

      void
      parse_parameters(dealii::ParameterHandler &prm) override
      {
        prm.enter_subsection("Truncated grains");
        radius = get_positive(prm, "Mechanics/Contact/Truncated grains", "Grain radius [m]");
        prm.leave_subsection();
      }

      bool
      has_gaps() const override
      {
        return true;
      }

      double
      excess_void(double contact_fraction, double porosity) const override
      {
        const double phi   = std::clamp(porosity, 0., 1.);
        const double solid = 1. - phi;
        if (solid <= 0.)
          return 0.;
        // 1 - a_f = (1 - h/r)^2: the untouched share of a footprint.
        const double untouched          = 1. - std::clamp(contact_fraction / solid, 0., 1.);
        const double one_minus_h_over_r = std::sqrt(untouched);
        return std::max(0.,
                        solid * radius *
                          (untouched * one_minus_h_over_r / 3. - phi * one_minus_h_over_r));
      }

    private:
      double radius = 2.5e-6;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::SurfaceGapModel,
                       ssbcell::TruncatedGrains,
                       "truncated grains",
                       "The grains touching the particle are spheres of radius r "
                       "flattened over the contact fraction: beyond the bulk's "
                       "pores they leave s r ((1 - a_c/s)^(3/2)/3 - phi (1 - "
                       "a_c/s)^(1/2)) of void per unit surface, s = 1 - phi.")
