#include <physics/powder_stiffness.h>

#include <algorithm>

namespace ssbcell
{
  namespace
  {
    // A powder carries load through the same grain contacts that pass its
    // current. A contact of radius a has the normal stiffness 2 E* a and the
    // conductance 2 sigma a (Barber, Proc. R. Soc. A 459 (2003) 53), so the
    // network's stiffness and conductance scale alike:
    //   E_eff / E = sigma_eff / sigma = f(1 - phi).
    // With the percolation law and its threshold at the loose packing this
    // is Phani and Niyogi's porous-solid law E0 (1 - phi/phi0)^n (J. Mater.
    // Sci. 22 (1987) 257) with n = t.
    class ContactNetworkStiffness : public PowderStiffnessModel
    {
    public:
      bool
      varies_with_porosity() const override
      {
        return true;
      }
      bool
      needs_effective_conductivity() const override
      {
        return true;
      }
      double
      factor(double porosity, const EffectiveConductivityModel &conductivity) const override
      {
        return std::max(loose_powder, conductivity.factor(1. - porosity));
      }

    private:
      // Where the powder does not percolate (a loose pocket) it still has to
      // be a solid for the displacement to be defined. 1e-3 of dense LGPS is
      // 22 MPa, well below a powder pressed at the lowest stack pressure
      // studied (f = 0.017 at 6 MPa), and the stiffness contrast with NCM
      // (140 GPa) stays within what the multigrid handles.
      static constexpr double loose_powder = 1e-3;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::PowderStiffnessModel,
                       ssbcell::ContactNetworkStiffness,
                       "contact network",
                       "E f(1 - phi), f the cell's effective-conductivity factor (Cell/"
                       "Effective conductivity model) at the porosity its pressing left, at "
                       "least 1e-3 (a loose pocket): a powder carries load through the same "
                       "grain contacts that pass its current, and a contact's normal "
                       "stiffness and its conductance both grow with its radius (2 E* a and "
                       "2 sigma a; Barber 2003).")
