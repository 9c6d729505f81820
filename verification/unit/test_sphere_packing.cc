// The random sequential addition of spheres: gaps, containment, the target
// fraction, determinism, and the error for a fraction it cannot reach.

#include <gtest/gtest.h>

#include <meshes/sphere_packing.h>
#include <physics/input_error.h>

#include <cmath>
#include <sstream>

using namespace ssbcell;

namespace
{
  PackingParameters
  cathode(unsigned int dim = 3)
  {
    PackingParameters p;
    p.dim                 = dim;
    p.box_width           = 12e-6;
    p.composite_thickness = 10e-6;
    p.separator_thickness = 3e-6;
    p.mean_radius         = 1.5e-6;
    p.radius_spread       = 0.25;
    p.active_fraction     = 0.3;
    p.void_fraction       = 0.02;
    p.void_radius         = 0.5e-6;
    p.carbon_fraction     = 0.02;
    p.carbon_radius       = 0.4e-6;
    p.min_gap             = 0.1;
    p.seed                = 7;
    return p;
  }

  void
  expect_valid(const PackingParameters &p, const SpherePacking &packing)
  {
    const double z0 = p.separator_thickness, z1 = z0 + p.composite_thickness;
    // Round-off in the placement tests only: 1e-12 relative.
    const double tol       = 1e-12 * p.box_width;
    double       volume[3] = {0., 0., 0.}, largest[3] = {0., 0., 0.};
    for (std::size_t i = 0; i < packing.spheres.size(); ++i)
      {
        const Sphere &s = packing.spheres[i];
        const double  m = s.radius * (1. + p.min_gap);
        for (unsigned int k = 0; k + 1 < p.dim; ++k)
          {
            EXPECT_GE(s.centre[k] - m, -tol);
            EXPECT_LE(s.centre[k] + m, p.box_width + tol);
          }
        EXPECT_GE(s.centre[p.dim - 1] - m, z0 - tol);
        EXPECT_LE(s.centre[p.dim - 1] + m, z1 + tol);
        if (p.dim == 2)
          {
            EXPECT_EQ(s.centre[2], 0.);
          }
        if (s.kind == SphereKind::active_material)
          {
            EXPECT_GE(s.radius, 0.5 * p.mean_radius);
            EXPECT_LE(s.radius, 1.5 * p.mean_radius);
          }
        else
          EXPECT_EQ(s.radius,
                    s.kind == SphereKind::void_region ? p.void_radius : p.carbon_radius);
        const int kind = s.kind == SphereKind::active_material ? 0 :
                         s.kind == SphereKind::void_region     ? 1 :
                                                                 2;
        volume[kind] += ball_volume(s.radius, p.dim);
        largest[kind] = std::max(largest[kind], ball_volume(s.radius, p.dim));
        for (std::size_t j = 0; j < i; ++j)
          {
            const Sphere &o  = packing.spheres[j];
            double        d2 = 0.;
            for (unsigned int k = 0; k < 3; ++k)
              d2 += std::pow(s.centre[k] - o.centre[k], 2);
            const double gap = std::sqrt(d2) - s.radius - o.radius;
            EXPECT_GE(gap, p.min_gap * 0.5 * (s.radius + o.radius) - tol);
          }
      }
    // The target within one sphere's volume (the last drawn one that would
    // overshoot by more than half its volume is left out).
    const double layer = std::pow(p.box_width, p.dim - 1) * p.composite_thickness;
    EXPECT_NEAR(packing.layer_volume, layer, 1e-12 * layer);
    EXPECT_NEAR(volume[0], p.active_fraction * layer, largest[0]);
    EXPECT_NEAR(volume[1], p.void_fraction * layer, std::max(largest[1], 1e-30));
    EXPECT_NEAR(volume[2], p.carbon_fraction * layer, std::max(largest[2], 1e-30));
    EXPECT_NEAR(packing.active_fraction, volume[0] / layer, 1e-12);
    EXPECT_NEAR(packing.void_fraction, volume[1] / layer, 1e-12);
    EXPECT_NEAR(packing.carbon_fraction, volume[2] / layer, 1e-12);
  }
} // namespace

TEST(SpherePacking, GapsContainmentAndFraction)
{
  const auto p       = cathode();
  const auto packing = pack_spheres(p);
  EXPECT_GT(packing.spheres.size(), 20u);
  expect_valid(p, packing);
}

TEST(SpherePacking, Monodisperse)
{
  // Equal spheres jam early (about 0.2 in this small box, with the gaps and the
  // walls): no small ones fill the holes.
  auto p             = cathode();
  p.radius_spread    = 0.;
  p.active_fraction  = 0.18;
  p.void_fraction    = 0.;
  const auto packing = pack_spheres(p);
  expect_valid(p, packing);
  for (const Sphere &s : packing.spheres)
    {
      if (s.kind == SphereKind::active_material)
        {
          EXPECT_EQ(s.radius, p.mean_radius);
        }
    }
}

TEST(SpherePacking, Circles)
{
  auto p            = cathode(2);
  p.active_fraction = 0.45; // area fraction: discs pack more densely
  expect_valid(p, pack_spheres(p));
}

TEST(SpherePacking, DeterministicForASeed)
{
  auto               p = cathode();
  std::ostringstream a, b, c;
  write_packing_csv(pack_spheres(p), a);
  write_packing_csv(pack_spheres(p), b);
  p.seed = 8;
  write_packing_csv(pack_spheres(p), c);
  EXPECT_EQ(a.str(), b.str());
  EXPECT_NE(a.str(), c.str());
  // The header and one line per sphere.
  EXPECT_EQ(a.str().rfind("x_m,y_m,z_m,radius_m,kind\n", 0), 0u);
}

TEST(SpherePacking, VoidsDoNotMoveTheParticles)
{
  auto p             = cathode();
  p.void_fraction    = 0.;
  p.carbon_fraction  = 0.;
  const auto without = pack_spheres(p);
  p.void_fraction    = 0.03;
  const auto with    = pack_spheres(p);
  ASSERT_GT(with.spheres.size(), without.spheres.size());
  for (std::size_t i = 0; i < without.spheres.size(); ++i)
    EXPECT_EQ(with.spheres[i].centre, without.spheres[i].centre);
}

TEST(SpherePacking, CarbonComesLastAndIsWrittenByKind)
{
  auto p             = cathode();
  p.carbon_fraction  = 0.;
  const auto without = pack_spheres(p);
  p.carbon_fraction  = 0.05;
  const auto with    = pack_spheres(p);
  expect_valid(p, with);
  ASSERT_GT(with.spheres.size(), without.spheres.size());
  for (std::size_t i = 0; i < without.spheres.size(); ++i)
    EXPECT_EQ(with.spheres[i].centre, without.spheres[i].centre);
  for (std::size_t i = without.spheres.size(); i < with.spheres.size(); ++i)
    EXPECT_EQ(with.spheres[i].kind, SphereKind::carbon);
  std::ostringstream csv;
  write_packing_csv(with, csv);
  EXPECT_NE(csv.str().find(",carbon\n"), std::string::npos);
}

TEST(SpherePacking, UnreachableFractionIsAnInputError)
{
  auto p            = cathode();
  p.active_fraction = 0.6;
  p.max_attempts    = 2000;
  try
    {
      pack_spheres(p);
      FAIL() << "a fraction of 0.6 was reached";
    }
  catch (const InputError &e)
    {
      EXPECT_EQ(e.parameter_path, "Geometry/Random packing/Active material volume fraction");
      EXPECT_NE(std::string(e.what()).find("reached"), std::string::npos);
      EXPECT_NE(e.hint.find("enlarge the box"), std::string::npos);
    }
}

TEST(SpherePacking, LayerTooThinIsAnInputError)
{
  auto p                = cathode();
  p.composite_thickness = 3e-6; // < 2 x 1.5 x 1.5 um x 1.1
  try
    {
      pack_spheres(p);
      FAIL();
    }
  catch (const InputError &e)
    {
      EXPECT_EQ(e.parameter_path, "Geometry/Random packing/Composite thickness [m]");
    }
}
