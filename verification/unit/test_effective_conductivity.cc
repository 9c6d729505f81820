// The effective-conductivity models (physics/effective_conductivity.h,
// docs/physics.md): their closed forms, limits and input errors; and the
// powder-stiffness models (physics/powder_stiffness.h), which the
// 'contact network' ties to the conductivity factor.

#include <gtest/gtest.h>

#include <physics/effective_conductivity.h>
#include <physics/input_error.h>
#include <physics/powder_stiffness.h>

#include <cmath>

using namespace ssbcell;

namespace
{
  std::unique_ptr<EffectiveConductivityModel>
  model(const std::string &name, const std::string &settings = "")
  {
    dealii::ParameterHandler prm;
    prm.enter_subsection("Cell");
    EffectiveConductivityRegistry::instance().declare_all_parameters(prm);
    prm.leave_subsection();
    prm.parse_input_from_string("subsection Cell\n" + settings + "end\n");
    auto m = EffectiveConductivityRegistry::instance().create(name);
    prm.enter_subsection("Cell");
    m->parse_parameters(prm);
    prm.leave_subsection();
    return m;
  }
} // namespace

TEST(EffectiveConductivity, BruggemanIsAPowerOfTheFraction)
{
  const auto b = model("bruggeman");
  EXPECT_DOUBLE_EQ(b->factor(1.), 1.);
  EXPECT_DOUBLE_EQ(b->factor(0.25), 0.125); // 0.25^1.5
  EXPECT_DOUBLE_EQ(model("bruggeman", "set Bruggeman exponent = 2\n")->factor(0.5), 0.25);
}

TEST(EffectiveConductivity, PercolationVanishesAtTheThreshold)
{
  const auto p = model("percolation", "set Percolation threshold = 0.4\n"
                                      "set Percolation exponent = 2\n");
  EXPECT_DOUBLE_EQ(p->factor(1.), 1.); // the dense solid
  EXPECT_EQ(p->factor(0.4), 0.);       // no current through point contacts
  EXPECT_EQ(p->factor(0.2), 0.);
  EXPECT_DOUBLE_EQ(p->factor(0.7), 0.25); // ((0.7 - 0.4)/0.6)^2
  // Rises monotonically from the threshold.
  double last = 0.;
  for (double phi = 0.41; phi <= 1.; phi += 0.01)
    {
      EXPECT_GT(p->factor(phi), last);
      last = p->factor(phi);
    }
  // The 2D exponent, and phi_c = 0: the percolation law is then the
  // power law of Bruggeman's form.
  EXPECT_NEAR(model("percolation", "set Percolation threshold = 0\n"
                                   "set Percolation exponent = 1.3\n")
                ->factor(0.5),
              std::pow(0.5, 1.3), 1e-15);
}

TEST(EffectiveConductivity, PercolationRejectsAThresholdOfOne)
{
  try
    {
      model("percolation", "set Percolation threshold = 1\n");
      FAIL() << "no error";
    }
  catch (const InputError &e)
    {
      EXPECT_EQ(e.parameter_path, "Cell/Percolation threshold");
    }
}

// The powder's stiffness (physics/powder_stiffness.h) from the same contact
// network: 'contact network' is the conductivity factor of the solid
// fraction, floored where the powder does not percolate; 'dense' is 1.
TEST(PowderStiffness, ContactNetworkFollowsTheConductivity)
{
  const auto percolation = model("percolation", "set Percolation threshold = 0.5\n"
                                                "set Percolation exponent = 2\n");
  const auto network     = PowderStiffnessRegistry::instance().create("contact network");
  const auto dense       = PowderStiffnessRegistry::instance().create("dense");
  EXPECT_TRUE(network->varies_with_porosity());
  EXPECT_FALSE(dense->varies_with_porosity());
  EXPECT_TRUE(network->needs_effective_conductivity());
  EXPECT_FALSE(dense->needs_effective_conductivity());
  for (const double phi : {0., 0.05, 0.158, 0.281, 0.436})
    {
      EXPECT_DOUBLE_EQ(network->factor(phi, *percolation), percolation->factor(1. - phi));
      EXPECT_EQ(dense->factor(phi, *percolation), 1.);
    }
  EXPECT_NEAR(network->factor(0.05, *percolation), 0.81, 1e-14); // the separator at 100 MPa
  EXPECT_EQ(network->factor(0.5, *percolation), 1e-3);           // loose: the floor
  EXPECT_EQ(network->factor(0.7, *percolation), 1e-3);
}
