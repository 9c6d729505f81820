#pragma once
// Where a coating touches the solid electrolyte (subsection
// `Materials/Coating/Electrolyte contact`, docs/physics.md): the local
// contact fraction a in [0, 1] of the coating|electrolyte interface, from
// the angle between the coating's outward normal and the pressing axis (the
// axis towards the current collector: y in 2D, z in 3D). Where a < 1 the
// interface blocks Li+ in proportion: the ion transfer there is
// a (phi_coating - phi_e)/R_t, so Li+ must run along the coating from the
// contacts (the coating carries its own potential; R_t > 0).

#include <deal.II/base/tensor.h>

#include <physics/registry.h>

namespace ssbcell
{
  class CoatingContact
  {
  public:
    virtual ~CoatingContact() = default;

    // Inside subsection `Materials/Coating/Electrolyte contact`; each
    // pattern reads its own subsection.
    virtual void
    parse_parameters(dealii::ParameterHandler &)
    {
    }

    // a at a point whose coating normal makes an angle with cosine
    // `cos_angle` with the pressing axis.
    virtual double
    fraction(double cos_angle) const = 0;

    // The area mean of a over a sphere.
    virtual double
    mean_fraction() const = 0;

    // True if the coating touches the electrolyte everywhere.
    virtual bool
    is_full() const
    {
      return false;
    }
  };

  using CoatingContactRegistry = Registry<CoatingContact>;

  // a at a point of the coating whose outward normal is `normal`: the
  // pressing axis is the last coordinate (y in 2D, z in 3D).
  template <int dim>
  double
  contact_fraction_at(const CoatingContact &contact, const dealii::Tensor<1, dim> &normal)
  {
    return contact.fraction(normal[dim - 1]);
  }
} // namespace ssbcell
