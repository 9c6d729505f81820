#include <physics/interface_admittance.h>

namespace ssbcell
{
  SmallSignalCurrents
  small_signal_currents(const ReactionSlopes &slopes,
                        double                omega,
                        double                double_layer,
                        Complex               film)
  {
    const Complex   capacitive(0., omega * double_layer);
    SmallSignalForm jump; // da in terms of (dphi_s, dphi_e, dc_s, dr)
    if (film == 0.)
      jump = {{1., -1., 0., 0.}};
    else
      {
        // Current continuity at phi_m:
        //   (g_eta + i omega C) da + g_c dc + g_r dr = (dphi_s - dphi_e - da)/Z_f.
        const Complex y   = 1. / film;
        const Complex sum = slopes.eta + capacitive + y;
        jump = {{y / sum, -y / sum, -slopes.concentration / sum, -slopes.ratio / sum}};
      }
    SmallSignalCurrents out;
    for (unsigned int k = 0; k < 4; ++k)
      {
        out.faradaic[k] = slopes.eta * jump[k];
        out.total[k]    = (slopes.eta + capacitive) * jump[k];
      }
    out.faradaic[2] += slopes.concentration;
    out.faradaic[3] += slopes.ratio;
    out.total[2] += slopes.concentration;
    out.total[3] += slopes.ratio;
    return out;
  }
} // namespace ssbcell
