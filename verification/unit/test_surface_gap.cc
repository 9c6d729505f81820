// The surface gap models (physics/surface_gap.h): 'truncated grains'
// against the geometry it stands for, integrated numerically, and its
// limits; 'none'.
#include <deal.II/base/parameter_handler.h>

#include <gtest/gtest.h>
#include <physics/surface_gap.h>

#include <cmath>
#include <memory>
#include <string>

using namespace ssbcell;

namespace
{
  std::unique_ptr<SurfaceGapModel>
  create(const std::string &name, const std::string &radius = "2e-6")
  {
    dealii::ParameterHandler prm;
    SurfaceGapRegistry::instance().declare_all_parameters(prm);
    prm.enter_subsection("Truncated grains");
    prm.set("Grain radius [m]", radius);
    prm.leave_subsection();
    auto model = SurfaceGapRegistry::instance().create(name);
    model->parse_parameters(prm);
    return model;
  }

  // The void under a sphere of radius r flattened by h against the plane
  // z = 0 (centre at z = r - h), inside its footprint cylinder rho < r and
  // below its centre plane, per unit footprint area: midpoint rule in rho,
  // where the void's height is z_surface(rho) = r - h - sqrt(r^2 - rho^2)
  // outside the flat (rho > a) and 0 on it.
  double
  void_under_truncated_sphere(double r, double h)
  {
    const unsigned int n   = 200000;
    const double       d   = r / n;
    double             sum = 0.;
    for (unsigned int i = 0; i < n; ++i)
      {
        const double rho    = (i + 0.5) * d;
        const double height = std::max(0., r - h - std::sqrt(r * r - rho * rho));
        sum += height * 2. * M_PI * rho * d;
      }
    return sum / (M_PI * r * r);
  }
} // namespace

// In a dense powder (phi = 0) the footprints cover the surface and the model
// is the void of one truncated sphere's footprint: (r/3) (1 - h/r)^3 with
// 1 - a_c = (1 - h/r)^2. Checked against the integral at four flattenings;
// the midpoint rule is O(n^-1.5) at the footprint's edge, where the height's
// slope is infinite: within 1e-7 r at 200,000 points.
TEST(SurfaceGap, TruncatedGrainsMatchesTheTruncatedSphere)
{
  const double r     = 2e-6;
  const auto   model = create("truncated grains");
  for (const double h : {0., 0.05 * r, 0.3 * r, 0.8 * r})
    {
      const double contact = (2. * r * h - h * h) / (r * r); // pi a^2 / pi r^2
      const double exact   = void_under_truncated_sphere(r, h);
      EXPECT_NEAR(model->excess_void(contact, 0.), exact, 1e-7 * r) << "h/r = " << h / r;
    }
  // Untouched, dense: r/3.
  EXPECT_NEAR(model->excess_void(0., 0.), r / 3., 1e-20);
}

// A porous powder: its footprints cover 1 - phi of the surface, each touches
// a_c / (1 - phi) of its own, and the bulk's pores inside the footprint's
// cylinder are not the gap's. The value at the stack-pressure study's
// 100 MPa state (phi = 0.05, a_c = 0.1), by hand: s = 0.95, 1 - a_f =
// 1 - 0.1/0.95, so 0.95 r ((1 - a_f)^1.5 / 3 - 0.05 (1 - a_f)^0.5).
TEST(SurfaceGap, TruncatedGrainsInAPorousPowder)
{
  const double r      = 2e-6;
  const auto   model  = create("truncated grains");
  const double open   = 1. - 0.1 / 0.95;
  const double by_law = 0.95 * r * (std::pow(open, 1.5) / 3. - 0.05 * std::sqrt(open));
  EXPECT_NEAR(model->excess_void(0.1, 0.05), by_law, 1e-15 * r);
  EXPECT_NEAR(by_law / r, 0.2231, 1e-4);
  // The gap closes where the powder touches with all its solid.
  EXPECT_EQ(model->excess_void(0.95, 0.05), 0.);
  EXPECT_EQ(model->excess_void(1., 0.), 0.);
  // A loose powder (phi >= 1/3 untouched) is as open as the footprints: no
  // excess.
  EXPECT_EQ(model->excess_void(0., 0.4), 0.);
  EXPECT_GT(model->excess_void(0., 0.3), 0.);
  // Less gap with more contact, and with more pores in the bulk.
  // (Up to a_c = 0.8: from about 0.81 on the layer is as dense as the bulk.)
  double previous = HUGE_VAL;
  for (unsigned int i = 0; i <= 16; ++i)
    {
      const double g = model->excess_void(0.05 * i, 0.05);
      EXPECT_LT(g, previous);
      previous = g;
    }
  EXPECT_LT(model->excess_void(0.1, 0.2), model->excess_void(0.1, 0.05));
  // In proportion to the grain radius.
  EXPECT_NEAR(create("truncated grains", "4e-6")->excess_void(0.1, 0.05), 2. * by_law,
              1e-15 * r);
}

TEST(SurfaceGap, NoneHasNoGap)
{
  const auto model = create("none");
  EXPECT_FALSE(model->has_gaps());
  EXPECT_EQ(model->excess_void(0., 0.), 0.);
}

TEST(SurfaceGap, BadGrainRadiusIsAnInputError)
{
  EXPECT_THROW(create("truncated grains", "0"), InputError);
}
