#include <physics/j2_plasticity.h>

#include <cmath>

namespace ssbcell::plasticity
{
  using namespace dealii;

  double
  equivalent_stress(const Tensor3 &stress)
  {
    const Tensor3 s = deviator(stress);
    return std::sqrt(1.5 * (s * s));
  }

  Response
  radial_return(const ElasticProperties &m,
                const Tensor3           &strain,
                double                   eps0,
                const State             &previous)
  {
    const double  mu     = m.shear_modulus();
    const double  bulk   = m.three_bulk_modulus() / 3.;
    const Tensor3 unit   = unit_symmetric_tensor<3>();
    const Tensor3 e      = strain - eps0 * unit - previous.plastic_strain;
    const double  volume = trace(e);

    Response r;
    r.state                 = previous;
    const Tensor3   s_trial = 2. * mu * deviator(e);
    const double    norm    = s_trial.norm();
    const YieldLaw &law     = m.yield;
    const double    radius =
      std::sqrt(2. / 3.) *
      (law.yield_stress + law.hardening_modulus * previous.equivalent_strain);
    const Tensor4 volumetric = bulk * outer_product(unit, unit);
    if (!law.yields() || norm <= radius)
      {
        r.stress  = bulk * volume * unit + s_trial;
        r.tangent = volumetric + 2. * mu * deviator_tensor<3>();
        return r;
      }

    // Consistency of the returned point: |s| = sqrt(2/3) (sigma_y + H alpha).
    const double  dgamma = (norm - radius) / (2. * mu + 2. / 3. * law.hardening_modulus);
    const Tensor3 n      = s_trial / norm;
    r.yielded            = true;
    r.state.plastic_strain += dgamma * n;
    r.state.equivalent_strain += std::sqrt(2. / 3.) * dgamma;
    r.stress = bulk * volume * unit + s_trial - 2. * mu * dgamma * n;

    const double theta     = 1. - 2. * mu * dgamma / norm;
    const double theta_bar = 1. / (1. + law.hardening_modulus / (3. * mu)) - (1. - theta);
    r.tangent              = volumetric + 2. * mu * theta * deviator_tensor<3>() -
                2. * mu * theta_bar * outer_product(n, n);
    return r;
  }
} // namespace ssbcell::plasticity
