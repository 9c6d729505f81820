#pragma once
// Contact laws (docs/model.md section 6): the local contact fraction
// a_c(t_n) in [0, 1] at an active material (or coating) | solid electrolyte
// interface, as a function of the compressive normal traction t_n [Pa]
// (positive in compression). a_c multiplies the Butler-Volmer current.

#include <physics/parameter_checks.h>
#include <physics/registry.h>

#include <algorithm>
#include <string>

namespace ssbcell
{
  // The elastic constants of the two solids in contact. The owner (the
  // mechanics) passes them in, so that the laws need not read material
  // parameters themselves. Defaults: NMC (1) against LGPS (2), model.md 7.
  struct ContactMaterials
  {
    double E1  = 140e9; // Young's modulus of solid 1 [Pa]
    double nu1 = 0.25;  // Poisson ratio of solid 1 [-]
    double E2  = 22e9;  // Young's modulus of solid 2 [Pa]
    double nu2 = 0.33;  // Poisson ratio of solid 2 [-]

    // Contact modulus E* [Pa], 1/E* = (1-nu1^2)/E1 + (1-nu2^2)/E2.
    double
    effective_modulus() const
    {
      return 1. / ((1. - nu1 * nu1) / E1 + (1. - nu2 * nu2) / E2);
    }
  };

  class ContactLaw
  {
  public:
    virtual ~ContactLaw() = default;

    // Called inside subsection `Mechanics/Contact`; each law reads its own
    // subsection (named after the law, e.g. `Plastic`).
    virtual void
    parse_parameters(dealii::ParameterHandler &prm) = 0;

    virtual void
    set_materials(const ContactMaterials &m)
    {
      materials = m;
    }

    // a_c [-] at the compressive normal traction t_n [Pa]; a_min in tension.
    virtual double
    contact_fraction(double t_n) const = 0;

    // d a_c / d t_n [1/Pa], 0 where a_c is clipped. At a kink, the derivative
    // of the branch that contact_fraction() uses there.
    virtual double
    derivative(double t_n) const = 0;

  protected:
    ContactMaterials materials;

    // a_min [-], the contact left in tension (delamination).
    double tension_fraction = 0.;

    // Every law offers `Contact fraction in tension`; these keep its
    // declaration and range check in one place.
    static void
    declare_tension_fraction(dealii::ParameterHandler &prm)
    {
      prm.declare_entry("Contact fraction in tension",
                        "0",
                        dealii::Patterns::Double(),
                        "a_min [-], in [0, 1]: contact fraction where the "
                        "normal traction is tensile (t_n < 0), i.e. after "
                        "delamination.");
    }

    void
    parse_tension_fraction(dealii::ParameterHandler &prm,
                           const std::string        &section)
    {
      tension_fraction =
        get_checked(prm, section, "Contact fraction in tension", 0., 1.);
    }

    // A law whose contact grows from a_0 at t_n = 0 must not lose contact
    // under compression, so a_min <= a_0 (this also keeps a_c monotone).
    void
    check_tension_fraction(const std::string &section,
                           const double       a_0,
                           const std::string &a_0_name) const
    {
      if (tension_fraction > a_0)
        throw InputError("'" + section + "/Contact fraction in tension' = " +
                           std::to_string(tension_fraction) +
                           " exceeds '" + a_0_name + "' = " +
                           std::to_string(a_0),
                         "contact in tension must not exceed contact at zero "
                         "load",
                         "",
                         0,
                         section + "/Contact fraction in tension");
    }
  };

  // Laws whose contact grows linearly from a_0 until it is complete:
  // a_c = min(1, a_0 + slope t_n) in compression, a_min in tension.
  class LinearContactLaw : public ContactLaw
  {
  public:
    double
    contact_fraction(double t_n) const override
    {
      if (t_n < 0.)
        return tension_fraction;
      return std::min(1., initial + slope() * t_n);
    }

    double
    derivative(double t_n) const override
    {
      if (t_n < 0. || initial + slope() * t_n >= 1.)
        return 0.;
      return slope();
    }

  protected:
    // d a_c / d t_n [1/Pa] below full contact.
    virtual double
    slope() const = 0;

    double initial = 0.3; // a_0 [-]
  };

  using ContactLawRegistry = Registry<ContactLaw>;
} // namespace ssbcell
