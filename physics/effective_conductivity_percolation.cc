#include <physics/effective_conductivity.h>
#include <physics/parameter_checks.h>

#include <cmath>

namespace ssbcell
{
  namespace
  {
    // Percolation (Kirkpatrick, Rev. Mod. Phys. 45 (1973) 574; Stauffer and
    // Aharony, Introduction to Percolation Theory, 1994): a conducting phase
    // of volume fraction phi conducts only above a threshold phi_c, and near
    // it sigma_eff ~ (phi - phi_c)^t with a universal exponent (t = 1.3 in
    // 2D, 2.0 in 3D). Normalised so that the dense phase (phi = 1) has
    // sigma:
    //   sigma_eff = sigma ((phi - phi_c)/(1 - phi_c))^t,  0 below phi_c.
    // For a powder pressed from point contacts, phi_c is the solid fraction
    // of the loose powder: its grains touch in points, which pass no
    // current, until pressing flattens them (docs/physics.md).
    class Percolation : public EffectiveConductivityModel
    {
    public:
      static void
      declare_parameters(dealii::ParameterHandler &prm)
      {
        prm.declare_entry("Percolation threshold", "0.5", dealii::Patterns::Double(),
                          "phi_c in [0, 0.99] of the 'percolation' model: the volume "
                          "fraction of electrolyte below which it does not conduct.");
        prm.declare_entry("Percolation exponent", "2", dealii::Patterns::Double(),
                          "t of the 'percolation' model (universal: 1.3 in 2D, 2.0 "
                          "in 3D).");
      }
      void
      parse_parameters(dealii::ParameterHandler &prm) override
      {
        threshold = get_checked(prm, "Cell", "Percolation threshold", 0., 0.99);
        exponent  = get_checked(prm, "Cell", "Percolation exponent", 0., 10.);
      }
      double
      factor(double volume_fraction) const override
      {
        if (volume_fraction <= threshold)
          return 0.;
        return std::pow((volume_fraction - threshold) / (1. - threshold), exponent);
      }

    private:
      double threshold = 0.5;
      double exponent  = 2.;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::EffectiveConductivityModel,
                       ssbcell::Percolation,
                       "percolation",
                       "sigma_eff = sigma ((phi - phi_c)/(1 - phi_c))^t above the "
                       "'Percolation threshold' phi_c, 0 below ('Percolation exponent' t).")
