#include <physics/powder_stiffness.h>

namespace ssbcell
{
  namespace
  {
    // The powder has the modulus of the dense solid at any porosity: the
    // upper bound, and the model of a solid pressed long before the cell is
    // built.
    class DenseStiffness : public PowderStiffnessModel
    {
    public:
      bool
      varies_with_porosity() const override
      {
        return false;
      }
      double
      factor(double, const EffectiveConductivityModel &) const override
      {
        return 1.;
      }
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::PowderStiffnessModel,
                       ssbcell::DenseStiffness,
                       "dense",
                       "E of Materials/Electrolyte at any porosity.")
