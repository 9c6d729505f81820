#include <physics/compaction_law.h>

#include <algorithm>
#include <cmath>

namespace ssbcell
{
  namespace
  {
    // Torre's model of powder compaction: every pore is the hole of a hollow
    // sphere of a rigid, perfectly plastic (von Mises) and incompressible
    // solid. The sphere of porosity phi = (a/b)^3 collapses when the
    // pressure reaches p = 2 sigma_y ln(b/a) = (2/3) sigma_y ln(1/phi)
    // (a thick sphere at its limit load); pressed quasi-statically the
    // powder sits at that limit at every instant, so
    //   phi(p) = exp(-3 p / (2 sigma_y)),
    // Heckel's law with slope 3/(2 sigma_y) and no intercept. Below the
    // collapse pressure of the loose powder nothing moves. The pressure on
    // the pores is taken to be the stack pressure (isostatic; a die's mean
    // stress is lower). Elastic strains and hardening are neglected: the
    // mechanics' own yield stress is used,
    // so the lumped porosity and a resolved plastic electrolyte share one
    // material law. Verified against the resolved J2 sphere
    // (Compaction.ResolvedHollowSphereCollapsesAtTorrePressure).
    class HollowSphereCompaction : public CompactionLaw
    {
    public:
      void
      check(const YieldLaw &solid) const override
      {
        if (!solid.yields())
          throw InputError("the 'hollow sphere' compaction law needs the electrolyte's "
                           "yield stress",
                           "set Materials/Electrolyte/Yield stress [Pa] > 0", "", 0,
                           "Cell/Compaction law");
      }

      double
      porosity(double pressure, double initial_porosity, const YieldLaw &solid) const override
      {
        return std::min(initial_porosity, std::exp(-1.5 * pressure / solid.yield_stress));
      }
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::CompactionLaw,
                       ssbcell::HollowSphereCompaction,
                       "hollow sphere",
                       "Torre's collapsing hollow spheres of the electrolyte's own "
                       "'Yield stress [Pa]' sigma_y: phi = exp(-3 p / (2 sigma_y)), "
                       "at most the porosity before pressing.")
