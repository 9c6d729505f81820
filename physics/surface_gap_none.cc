#include <physics/surface_gap.h>

namespace ssbcell
{
  namespace
  {
    // The powder fills the space at the particle surface as it fills the
    // bulk: no pores other than the bulk's.
    class NoSurfaceGap : public SurfaceGapModel
    {
    public:
      bool
      has_gaps() const override
      {
        return false;
      }
      double
      excess_void(double, double) const override
      {
        return 0.;
      }
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL(ssbcell::SurfaceGapModel,
                       ssbcell::NoSurfaceGap,
                       "none",
                       "The powder is as dense at the particle surface as in the bulk.")
