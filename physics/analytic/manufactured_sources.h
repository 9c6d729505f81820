#pragma once
// Source terms that turn a chosen smooth field into an exact solution of the
// electrochemical equations (the method of manufactured solutions): added to
// the right-hand sides of the c and phi_e equations in the volume, and on
// every face that bounds the active material or the ion conductors (the
// reacting interface, the anode and the outer boundaries), per area. The
// normal passed is the outward normal of the region being assembled.
// Verification only (verification/unit/test_manufactured_solution.cc).

#include <deal.II/base/point.h>
#include <deal.II/base/tensor.h>

#include <functional>

namespace ssbcell
{
  template <int dim>
  struct ManufacturedSources
  {
    using VolumeSource = std::function<double(const dealii::Point<dim> &)>;
    using FaceSource =
      std::function<double(const dealii::Point<dim> &, const dealii::Tensor<1, dim> &)>;

    VolumeSource active_material;      // [mol/m^3/s], added to dc/dt
    VolumeSource electrolyte;          // [A/m^3], added to -div i
    FaceSource   active_material_face; // Li influx [mol/m^2/s]
    FaceSource   electrolyte_face;     // current into the region [A/m^2]
  };
} // namespace ssbcell
