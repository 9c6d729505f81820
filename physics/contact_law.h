#pragma once
// Contact laws (docs/model.md section 6): the local contact fraction
// a_c(t_n) in [0, 1] at an active material (or coating) | solid electrolyte
// interface, as a function of the compressive normal traction t_n [Pa]
// (positive in compression). a_c multiplies the Butler-Volmer current.

#include <physics/parameter_checks.h>
#include <physics/registry.h>

#include <algorithm>
#include <optional>
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

  // A law gives a_c in compression (t_n >= 0); this base class adds the
  // tension branch every law shares: a_min, reached at once (t_d = 0, a jump
  // at t_n = 0) or linearly over a tensile traction t_d > 0 (the
  // `Delamination traction [Pa]`, a cohesive strength of the interface that
  // also keeps a_c continuous for the coupling iterations).
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

    // a_c [-] at the normal traction t_n [Pa] (> 0 in compression).
    double
    contact_fraction(double t_n) const
    {
      if (t_n >= 0.)
        return compression(t_n);
      if (t_n <= -delamination_traction)
        return tension_fraction;
      return tension_fraction +
             (compression(0.) - tension_fraction) * (1. + t_n / delamination_traction);
    }

    // a_c at t_n on a surface whose largest compressive traction in an
    // accepted state was t_held [Pa] (the loading history). Below t_held
    // the surface is unloading; laws without hysteresis give their curve.
    double
    contact_fraction(double t_n, double t_held) const
    {
      if (t_n > 0. && t_n < t_held)
        return unloaded(t_n, t_held);
      return contact_fraction(t_n);
    }

    // d a_c / d t_n [1/Pa], 0 where a_c is clipped. At a kink, the derivative
    // of the branch that contact_fraction() uses there.
    double
    derivative(double t_n) const
    {
      if (t_n >= 0.)
        return compression_derivative(t_n);
      if (t_n <= -delamination_traction)
        return 0.;
      return (compression(0.) - tension_fraction) / delamination_traction;
    }

  protected:
    // a_c and d a_c / d t_n for t_n >= 0.
    virtual double
    compression(double t_n) const = 0;
    virtual double
    compression_derivative(double t_n) const = 0;
    // a_c for 0 < t_n < t_held, after the surface held t_held.
    virtual double
    unloaded(double t_n, double /*t_held*/) const
    {
      return compression(t_n);
    }

    ContactMaterials materials;

    // a_min [-], the contact left in tension (delamination).
    double tension_fraction = 0.;
    // t_d [Pa] >= 0: the tensile traction at which a_c reaches a_min.
    double delamination_traction = 0.;

    // Every law offers `Contact fraction in tension` and `Delamination
    // traction [Pa]`; these keep their declarations and checks in one place.
    static void
    declare_tension_fraction(dealii::ParameterHandler &prm)
    {
      prm.declare_entry("Contact fraction in tension", "-1", dealii::Patterns::Double(),
                        "a_min [-], in [0, a(0)]: contact fraction where the "
                        "normal traction is tensile beyond the delamination "
                        "traction, i.e. after delamination. -1 (default): a(0), "
                        "the contact at zero load, so the surface does not "
                        "delaminate (see docs/contact-laws.md: delamination "
                        "makes the coupling stiff).");
      prm.declare_entry("Delamination traction [Pa]", "0", dealii::Patterns::Double(),
                        "t_d [Pa] >= 0: between t_n = 0 and the tensile "
                        "traction t_n = -t_d the contact fraction falls "
                        "linearly from its zero-load value a(0) to a_min (a "
                        "cohesive strength of the interface). 0: it drops at "
                        "once, a jump at t_n = 0.");
    }

    // Reads both in the law's subsection `section`; `zero_load` is a(0),
    // or empty for a law whose a(0) is a_min itself (a floor: persson).
    void
    parse_tension_fraction(dealii::ParameterHandler    &prm,
                           const std::string           &section,
                           const std::optional<double> &zero_load)
    {
      if (prm.get_double("Contact fraction in tension") == -1.)
        tension_fraction = zero_load.value_or(0.);
      else
        {
          tension_fraction = get_checked(prm, section, "Contact fraction in tension", 0., 1.);
          // Contact must not grow when the surface is pulled (this also
          // keeps a_c monotone).
          if (zero_load && tension_fraction > *zero_load)
            throw InputError("'" + section + "/Contact fraction in tension' = " +
                               std::to_string(tension_fraction) +
                               " exceeds the contact at zero load, " +
                               std::to_string(*zero_load),
                             "contact in tension must not exceed contact at zero "
                             "load",
                             "", 0, section + "/Contact fraction in tension");
        }
      delamination_traction =
        get_checked(prm, section, "Delamination traction [Pa]", 0., 1e10);
    }
  };

  // Laws whose contact grows linearly from a_0 until it is complete:
  // a_c = min(1, a_0 + slope t_n) in compression.
  class LinearContactLaw : public ContactLaw
  {
  protected:
    double
    compression(double t_n) const override
    {
      return std::min(1., initial + slope() * t_n);
    }

    double
    compression_derivative(double t_n) const override
    {
      return initial + slope() * t_n >= 1. ? 0. : slope();
    }

    // d a_c / d t_n [1/Pa] below full contact.
    virtual double
    slope() const = 0;

    double initial = 0.3; // a_0 [-]
  };

  using ContactLawRegistry = Registry<ContactLaw>;
} // namespace ssbcell
