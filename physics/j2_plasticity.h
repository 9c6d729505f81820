#pragma once
// J2 (von Mises) plasticity with linear isotropic hardening at one point,
// small strain (docs/mechanics.md, "Plastic solids"): the stress is
//   sigma = C : (eps - eps0 I - eps_p),
// elastic while the equivalent stress sqrt(3/2) |dev sigma| stays below
//   sigma_y + H alpha,
// with eps_p traceless (plastic flow conserves volume) and alpha the
// accumulated equivalent plastic strain. One time or load step is
// integrated by backward Euler, the radial return (Simo & Hughes,
// Computational Inelasticity, 1998, box 3.1), whose consistent tangent keeps
// the mechanics' Newton iteration quadratic. Tensors are 3x3 in the frame of
// physics/linear_elasticity.h, so plane strain, axisymmetric and spherical
// states need no special cases.

#include <deal.II/base/symmetric_tensor.h>

#include <physics/elastic_properties.h>

namespace ssbcell::plasticity
{
  using Tensor3 = dealii::SymmetricTensor<2, 3>;
  using Tensor4 = dealii::SymmetricTensor<4, 3>;

  // The history of one point.
  struct State
  {
    Tensor3 plastic_strain;         // eps_p [-], traceless
    double  equivalent_strain = 0.; // alpha [-], sum of sqrt(2/3) |d eps_p|
  };

  struct Response
  {
    Tensor3 stress;  // [Pa]
    State   state;   // after the step
    Tensor4 tangent; // d sigma / d eps [Pa], consistent with the return
    bool    yielded = false;
  };

  // The state after a step to the total strain `strain` minus the chemical
  // strain eps0 I, from the state `previous` at the start of the step.
  // A solid whose yield law does not yield answers elastically.
  Response
  radial_return(const ElasticProperties &material,
                const Tensor3           &strain,
                double                   eps0,
                const State             &previous);

  // The equivalent (von Mises) stress sqrt(3/2) |dev sigma| [Pa].
  double
  equivalent_stress(const Tensor3 &stress);
} // namespace ssbcell::plasticity
