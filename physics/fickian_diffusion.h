#pragma once
// Fick's law for Li in the active material, at one quadrature point of one
// implicit BDF step (a0 c + h)/dt = div(D(theta) grad c): the integrand of
// the residual for a test function v and of the Jacobian for a trial
// function u. Every cell model assembles its diffusion with this one kernel.

#include <deal.II/base/tensor.h>

#include <physics/materials.h>

namespace ssbcell
{
  template <int dim>
  class FickianDiffusionPoint
  {
  public:
    // c, its gradient and the history term h at the point.
    FickianDiffusionPoint(const ActiveMaterial         &material,
                          double                        c,
                          const dealii::Tensor<1, dim> &grad_c,
                          double                        h,
                          double                        a0,
                          double                        dt)
      : grad_c(grad_c)
      , a0_over_dt(a0 / dt)
      , rate((a0 * c + h) / dt)
    {
      const double theta = c / material.max_concentration;
      diffusivity        = material.diffusivity->value(theta);
      d_diffusivity_dc = material.diffusivity->derivative(theta) / material.max_concentration;
    }

    // (a0 c + h)/dt v + D grad c . grad v
    double
    residual(double v, const dealii::Tensor<1, dim> &grad_v) const
    {
      return rate * v + diffusivity * (grad_c * grad_v);
    }

    // Its derivative in the direction of u.
    double
    jacobian(double                        u,
             const dealii::Tensor<1, dim> &grad_u,
             double                        v,
             const dealii::Tensor<1, dim> &grad_v) const
    {
      return a0_over_dt * u * v + diffusivity * (grad_u * grad_v) +
             d_diffusivity_dc * u * (grad_c * grad_v);
    }

  private:
    dealii::Tensor<1, dim> grad_c;
    double                 a0_over_dt, rate;
    double                 diffusivity = 0., d_diffusivity_dc = 0.;
  };
} // namespace ssbcell
