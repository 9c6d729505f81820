// Contact laws a_c(t_n) (docs/model.md section 6): values against the
// formulas written out here, limits, derivatives against finite differences,
// monotonicity, range checks and registration.

#include <deal.II/base/parameter_handler.h>

#include <gtest/gtest.h>

#include <physics/contact_law.h>
#include <physics/input_error.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

using ssbcell::ContactLaw;
using ssbcell::ContactLawRegistry;
using ssbcell::ContactMaterials;
using ssbcell::InputError;

namespace
{
  // Two equal solids with nu = 0: E* = E/2 = 50 GPa, easy to check by hand.
  ContactMaterials
  simple_materials()
  {
    return ContactMaterials{100e9, 0., 100e9, 0.};
  }

  // A ParameterHandler with every law's parameters under Mechanics/Contact.
  struct ContactParameters
  {
    dealii::ParameterHandler prm;

    ContactParameters()
    {
      prm.enter_subsection("Mechanics");
      prm.enter_subsection("Contact");
      ContactLawRegistry::instance().declare_all_parameters(prm);
      prm.leave_subsection();
      prm.leave_subsection();
    }

    ContactParameters &
    set(const std::string &law_subsection, const std::string &name, const std::string &value)
    {
      prm.enter_subsection("Mechanics");
      prm.enter_subsection("Contact");
      prm.enter_subsection(law_subsection);
      prm.set(name, value);
      prm.leave_subsection();
      prm.leave_subsection();
      prm.leave_subsection();
      return *this;
    }

    std::unique_ptr<ContactLaw>
    create(const std::string &name, const ContactMaterials &materials = simple_materials())
    {
      auto law = ContactLawRegistry::instance().create(name);
      law->set_materials(materials);
      prm.enter_subsection("Mechanics");
      prm.enter_subsection("Contact");
      law->parse_parameters(prm);
      prm.leave_subsection();
      prm.leave_subsection();
      return law;
    }
  };

  // Central difference. The laws are linear or erf on the scale of 1e8-1e10
  // Pa, so a step of 1e-4 t_n gives truncation errors far below the tolerance
  // while round-off (eps a / (h a')) stays near 1e-10 relative.
  double
  central_difference(const ContactLaw &law, const double t_n)
  {
    const double h = 1e-4 * std::abs(t_n);
    return (law.contact_fraction(t_n + h) - law.contact_fraction(t_n - h)) / (2. * h);
  }

  InputError
  parse_error(ContactParameters &p, const std::string &law)
  {
    try
      {
        p.create(law);
      }
    catch (const InputError &e)
      {
        return e;
      }
    ADD_FAILURE() << "no InputError for law " << law;
    return InputError("none");
  }

  const std::vector<std::string> all_laws = {"constant", "plastic", "greenwood-williamson",
                                             "persson"};
} // namespace

TEST(ContactLaw, EveryLawIsRegisteredAndParsesItsDefaults)
{
  const auto &entries = ContactLawRegistry::instance().entries();
  EXPECT_EQ(entries.size(), all_laws.size());
  for (const auto &name : all_laws)
    {
      ASSERT_EQ(entries.count(name), 1u) << name;
      EXPECT_NE(entries.at(name).description.find("[Pa]"), std::string::npos)
        << name << ": the description states units";
      ContactParameters p;
      EXPECT_NO_THROW(p.create(name)) << name;
    }
  EXPECT_THROW(ContactLawRegistry::instance().create("elastic"), InputError);
}

TEST(ContactLaw, EffectiveModulus)
{
  EXPECT_DOUBLE_EQ(simple_materials().effective_modulus(), 50e9);
  const ContactMaterials nmc_lgps; // defaults: NMC 140 GPa, 0.25; LGPS 22 GPa, 0.33
  const double expected = 1. / ((1. - 0.25 * 0.25) / 140e9 + (1. - 0.33 * 0.33) / 22e9);
  EXPECT_NEAR(nmc_lgps.effective_modulus(), expected, 1e-12 * expected);
}

TEST(ContactLaw, ConstantValues)
{
  ContactParameters p;
  auto              law = p.create("constant");
  EXPECT_EQ(law->contact_fraction(0.), 1.);
  EXPECT_EQ(law->contact_fraction(1e9), 1.);
  // By default 'constant' does not delaminate: a_min = a_0.
  EXPECT_EQ(law->contact_fraction(-1.), 1.);

  p.set("Constant", "Contact fraction", "0.7")
    .set("Constant", "Contact fraction in tension", "0.2");
  law = p.create("constant");
  EXPECT_EQ(law->contact_fraction(0.), 0.7);
  EXPECT_EQ(law->contact_fraction(3e8), 0.7);
  EXPECT_EQ(law->contact_fraction(-3e8), 0.2);
  EXPECT_EQ(law->derivative(3e8), 0.);
}

TEST(ContactLaw, PlasticValuesAndLimits)
{
  ContactParameters p;
  auto              law = p.create("plastic"); // a_0 = 0.3, H = 1 GPa
  EXPECT_DOUBLE_EQ(law->contact_fraction(0.), 0.3);
  EXPECT_DOUBLE_EQ(law->contact_fraction(2e8), 0.3 + 2e8 / 1e9);
  EXPECT_EQ(law->contact_fraction(1e10), 1.);
  // By default no delamination: a_min = a_0.
  EXPECT_EQ(law->contact_fraction(-1e6), 0.3);

  p.set("Plastic", "Initial contact fraction", "0.1")
    .set("Plastic", "Hardness [Pa]", "5e8")
    .set("Plastic", "Contact fraction in tension", "0.05");
  law = p.create("plastic");
  EXPECT_DOUBLE_EQ(law->contact_fraction(1e8), 0.1 + 1e8 / 5e8);
  EXPECT_EQ(law->contact_fraction(4.5e8), 1.); // exactly at the kink
  EXPECT_EQ(law->contact_fraction(-1e6), 0.05);
  EXPECT_DOUBLE_EQ(law->derivative(1e8), 1. / 5e8);
  EXPECT_EQ(law->derivative(1e9), 0.);
  EXPECT_EQ(law->derivative(-1e6), 0.);
}

// Unloading a plastic contact (Johnson's elastic unloading of flattened
// asperities): below the largest traction held the area goes as t_n^(2/3)
// from t_max / H, so it keeps more than the loading line; at and above
// t_max, and in tension, the loading curve; 'reversible' ignores the
// history.
TEST(ContactLaw, PlasticElasticUnloading)
{
  ContactParameters p;
  p.set("Plastic", "Initial contact fraction", "0.1").set("Plastic", "Hardness [Pa]", "1e9");
  const auto reversible = p.create("plastic");
  EXPECT_EQ(reversible->contact_fraction(1e8, 4e8), reversible->contact_fraction(1e8));

  p.set("Plastic", "Unloading", "elastic");
  const auto   law  = p.create("plastic");
  const double held = 4e8;
  // Half the load: (1/2)^(2/3) = 0.63 of the plastic area, not 0.5.
  EXPECT_NEAR(law->contact_fraction(2e8, held), 0.1 + 0.4 * std::pow(0.5, 2. / 3.), 1e-15);
  EXPECT_GT(law->contact_fraction(2e8, held), law->contact_fraction(2e8));
  // An eighth: a quarter of the area.
  EXPECT_NEAR(law->contact_fraction(5e7, held), 0.1 + 0.4 / 4., 1e-15);
  // Continuous where unloading meets the loading line and at zero load.
  EXPECT_NEAR(law->contact_fraction(held * (1. - 1e-12), held), law->contact_fraction(held),
              1e-12);
  EXPECT_EQ(law->contact_fraction(held, held), law->contact_fraction(held));
  EXPECT_NEAR(law->contact_fraction(1e-3, held), 0.1, 1e-4);
  EXPECT_EQ(law->contact_fraction(0., held), 0.1);
  EXPECT_EQ(law->contact_fraction(-1e6, held), 0.1);
  // Beyond the history: loading again, plastic.
  EXPECT_DOUBLE_EQ(law->contact_fraction(6e8, held), 0.1 + 0.6);
  // Without a history (t_held = 0) it is the loading curve.
  EXPECT_EQ(law->contact_fraction(2e8, 0.), law->contact_fraction(2e8));
  // Monotone in t_n on the unloading curve.
  double previous = 0.;
  for (double t = 1e6; t < held; t *= 1.5)
    {
      const double a = law->contact_fraction(t, held);
      EXPECT_GT(a, previous);
      previous = a;
    }
}

TEST(ContactLaw, GreenwoodWilliamsonValuesAndLimits)
{
  ContactParameters p;
  auto              law    = p.create("greenwood-williamson"); // a_0 0.3, k 25
  const double      e_star = 50e9;
  EXPECT_DOUBLE_EQ(law->contact_fraction(0.), 0.3);
  EXPECT_DOUBLE_EQ(law->contact_fraction(5e8), 0.3 + 25. * 5e8 / e_star);
  EXPECT_EQ(law->contact_fraction(1e11), 1.);
  EXPECT_EQ(law->contact_fraction(-1e6), 0.3); // a_min = a_0 by default
  EXPECT_DOUBLE_EQ(law->derivative(5e8), 25. / e_star);
  p.set("Greenwood-Williamson", "Contact fraction in tension", "0");
  EXPECT_EQ(p.create("greenwood-williamson")->contact_fraction(-1e6), 0.);

  // E* comes from the materials the owner passes in.
  const ContactMaterials stiff{200e9, 0., 200e9, 0.};
  p.set("Greenwood-Williamson", "Slope k_gw", "10");
  law = p.create("greenwood-williamson", stiff);
  EXPECT_DOUBLE_EQ(law->contact_fraction(1e9), 0.3 + 10. * 1e9 / 100e9);
}

TEST(ContactLaw, GreenwoodWilliamsonDefaultSlopeIsPerssonsRoughness)
{
  // k_gw = sqrt(2 pi) / h' (Bush, Gibson & Thomas) with h' = 0.1, the
  // default of 'persson': both laws then start with slopes of one order
  // (Persson's small-load slope is sqrt(8/pi) / h').
  ContactParameters p;
  const auto        gw      = p.create("greenwood-williamson");
  const auto        persson = p.create("persson");
  EXPECT_NEAR(gw->derivative(1e6) * 50e9, std::sqrt(2. * M_PI) / 0.1, 0.07);
  EXPECT_NEAR(persson->derivative(1e3) * 50e9, std::sqrt(8. / M_PI) / 0.1, 1e-6);
}

TEST(ContactLaw, DelaminationTractionMakesTensionContinuous)
{
  // a_c falls linearly from its zero-load value to a_min over t_d.
  ContactParameters p;
  p.set("Plastic", "Contact fraction in tension", "0.1")
    .set("Plastic", "Delamination traction [Pa]", "1e6")
    .set("Greenwood-Williamson", "Contact fraction in tension", "0")
    .set("Greenwood-Williamson", "Delamination traction [Pa]", "2e6")
    .set("Constant", "Contact fraction", "0.8")
    .set("Constant", "Contact fraction in tension", "0.2")
    .set("Constant", "Delamination traction [Pa]", "4e6");
  const auto plastic = p.create("plastic"); // a_0 = 0.3
  EXPECT_DOUBLE_EQ(plastic->contact_fraction(-5e5), 0.1 + 0.2 * 0.5);
  EXPECT_DOUBLE_EQ(plastic->derivative(-5e5), 0.2 / 1e6);
  EXPECT_EQ(plastic->contact_fraction(-1e6), 0.1);
  EXPECT_EQ(plastic->contact_fraction(-3e6), 0.1);
  EXPECT_EQ(plastic->derivative(-3e6), 0.);
  EXPECT_NEAR(plastic->contact_fraction(-1e-3), 0.3, 1e-9);
  EXPECT_NEAR(plastic->derivative(-5e5), central_difference(*plastic, -5e5), 1e-12 / 1e6);

  const auto gw = p.create("greenwood-williamson"); // a_0 = 0.3, a_min = 0
  EXPECT_DOUBLE_EQ(gw->contact_fraction(-5e5), 0.3 * 0.75);

  const auto constant = p.create("constant");
  EXPECT_DOUBLE_EQ(constant->contact_fraction(-1e6), 0.2 + 0.6 * 0.75);
  EXPECT_EQ(constant->contact_fraction(-5e6), 0.2);

  // By default (a_min = a(0)) there is nothing to soften.
  ContactParameters defaults;
  defaults.set("Constant", "Delamination traction [Pa]", "1e6")
    .set("Plastic", "Delamination traction [Pa]", "1e6");
  EXPECT_EQ(defaults.create("constant")->contact_fraction(-5e5), 1.);
  EXPECT_EQ(defaults.create("plastic")->contact_fraction(-5e5), 0.3);
}

TEST(ContactLaw, PerssonValuesAndLimits)
{
  ContactParameters p;
  auto              law      = p.create("persson"); // h' = 0.1, E* = 50 GPa
  const double      e_star_h = 50e9 * 0.1;
  EXPECT_EQ(law->contact_fraction(0.), 0.);
  EXPECT_DOUBLE_EQ(law->contact_fraction(1e9), std::erf(std::sqrt(2.) * 1e9 / e_star_h));
  EXPECT_EQ(law->contact_fraction(1e12), 1.);
  EXPECT_EQ(law->contact_fraction(-1e6), 0.);
  // Small load: a_c ~ sqrt(8/pi) t_n / (E* h').
  EXPECT_NEAR(law->contact_fraction(1e3) / (1e3 / e_star_h), std::sqrt(8. / M_PI), 1e-9);

  p.set("Persson", "RMS surface slope h'", "0.2")
    .set("Persson", "Contact fraction in tension", "0.1");
  law = p.create("persson");
  EXPECT_EQ(law->contact_fraction(0.), 0.1);
  EXPECT_EQ(law->contact_fraction(1e6), 0.1); // erf below the floor
  EXPECT_EQ(law->derivative(1e6), 0.);
  EXPECT_DOUBLE_EQ(law->contact_fraction(2e9), std::erf(std::sqrt(2.) * 2e9 / (50e9 * 0.2)));
}

TEST(ContactLaw, DerivativesMatchFiniteDifferences)
{
  // Points chosen away from the kinks (t_n = 0, the clip at a_c = 1 at
  // 7e8 Pa for plastic and 1.4e9 Pa for greenwood-williamson), so that both
  // sides of the difference lie on one smooth branch.
  ContactParameters                                              p;
  const std::vector<std::pair<std::string, std::vector<double>>> cases = {
    {"constant", {-1e8, 1e8, 1e10}},
    {"plastic", {-1e8, 1e7, 3e8, 6e8, 2e9}},
    {"greenwood-williamson", {-1e8, 1e8, 5e8, 1.2e9, 1.6e9, 5e10}},
    {"persson", {-1e8, 1e6, 1e8, 1e9, 3e9, 1e10}}};
  for (const auto &[name, points] : cases)
    {
      const auto law = p.create(name);
      for (const double t_n : points)
        {
          const double exact = law->derivative(t_n);
          const double fd    = central_difference(*law, t_n);
          EXPECT_NEAR(exact, fd, 1e-6 * std::abs(exact) + 1e-22)
            << name << " at t_n = " << t_n;
        }
    }
}

TEST(ContactLaw, MonotoneNonDecreasingAndInUnitInterval)
{
  ContactParameters p;
  p.set("Constant", "Contact fraction in tension", "0.5")
    .set("Constant", "Delamination traction [Pa]", "3e7")
    .set("Plastic", "Contact fraction in tension", "0.1")
    .set("Plastic", "Delamination traction [Pa]", "1e8")
    .set("Persson", "Contact fraction in tension", "0.05");
  for (const auto &name : all_laws)
    {
      const auto law      = p.create(name);
      double     previous = law->contact_fraction(-1e9);
      for (double t_n = -1e9; t_n <= 1e11; t_n += 1e7)
        {
          const double a = law->contact_fraction(t_n);
          ASSERT_GE(a, previous) << name << " at t_n = " << t_n;
          ASSERT_GE(a, 0.) << name;
          ASSERT_LE(a, 1.) << name;
          ASSERT_GE(law->derivative(t_n), 0.) << name;
          previous = a;
        }
    }
}

TEST(ContactLaw, RangeChecksThrowInputError)
{
  {
    ContactParameters p;
    p.set("Plastic", "Hardness [Pa]", "0");
    EXPECT_EQ(parse_error(p, "plastic").parameter_path,
              "Mechanics/Contact/Plastic/Hardness [Pa]");
  }
  {
    ContactParameters p;
    p.set("Plastic", "Hardness [Pa]", "-1e9");
    EXPECT_EQ(parse_error(p, "plastic").parameter_path,
              "Mechanics/Contact/Plastic/Hardness [Pa]");
  }
  {
    ContactParameters p;
    p.set("Greenwood-Williamson", "Initial contact fraction", "1.5");
    EXPECT_EQ(parse_error(p, "greenwood-williamson").parameter_path,
              "Mechanics/Contact/Greenwood-Williamson/Initial contact fraction");
  }
  {
    ContactParameters p;
    p.set("Greenwood-Williamson", "Slope k_gw", "0");
    EXPECT_EQ(parse_error(p, "greenwood-williamson").parameter_path,
              "Mechanics/Contact/Greenwood-Williamson/Slope k_gw");
  }
  {
    ContactParameters p;
    p.set("Persson", "RMS surface slope h'", "0");
    EXPECT_EQ(parse_error(p, "persson").parameter_path,
              "Mechanics/Contact/Persson/RMS surface slope h'");
  }
  {
    ContactParameters p;
    p.set("Constant", "Contact fraction", "-0.1");
    EXPECT_EQ(parse_error(p, "constant").parameter_path,
              "Mechanics/Contact/Constant/Contact fraction");
  }
  {
    ContactParameters p;
    p.set("Persson", "Contact fraction in tension", "1.1");
    EXPECT_EQ(parse_error(p, "persson").parameter_path,
              "Mechanics/Contact/Persson/Contact fraction in tension");
  }
  {
    ContactParameters p;
    p.set("Greenwood-Williamson", "Delamination traction [Pa]", "-1");
    EXPECT_EQ(parse_error(p, "greenwood-williamson").parameter_path,
              "Mechanics/Contact/Greenwood-Williamson/Delamination traction [Pa]");
  }
  {
    // Losing contact under compression is rejected: a_min <= a_0.
    ContactParameters p;
    p.set("Plastic", "Contact fraction in tension", "0.5");
    EXPECT_EQ(parse_error(p, "plastic").parameter_path,
              "Mechanics/Contact/Plastic/Contact fraction in tension");
  }
}
