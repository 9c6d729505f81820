// Verification of J2 plasticity (physics/j2_plasticity.h, docs/mechanics.md
// "Plastic solids"):
//   - the radial return at one point: elastic below yield, on the yield
//     surface after a return, and its consistent tangent against central
//     finite differences;
//   - the confined die with yield and linear hardening: a homogeneous
//     uniaxial-strain state in closed form, loaded in increments and
//     unloaded elastically, in 2D plane strain, 2D axisymmetric and 3D;
//   - the thick-walled sphere under internal pressure, elastic-perfectly
//     plastic (Hill, The Mathematical Theory of Plasticity, 1950, ch. V):
//     the plastic zone a < r < c and the elastic shell c < r < b, with an
//     asserted order of convergence in 1D spherical coordinates and the
//     error of the 2D axisymmetric octant.

#include <deal.II/distributed/tria.h>
#include <deal.II/fe/mapping_q.h>

#include <gtest/gtest.h>

#include <physics/j2_plasticity.h>

#include <random>

#include "mechanics_test_helpers.h"

using namespace ssbcell;
using dealii::Point;
using dealii::Tensor;
using plasticity::Tensor3;

namespace
{
  // LGPS-like elastic constants (the default electrolyte) with a yield
  // stress and hardening chosen so that the die yields at p below 30 MPa.
  ElasticProperties
  plastic_electrolyte(double yield_stress, double hardening)
  {
    auto m  = test::default_run().materials.electrolyte.elastic;
    m.yield = {yield_stress, hardening};
    return m;
  }

  Tensor3
  random_strain(std::mt19937 &gen, double size)
  {
    std::uniform_real_distribution<double> d(-size, size);
    Tensor3                                e;
    for (unsigned int i = 0; i < 3; ++i)
      for (unsigned int j = i; j < 3; ++j)
        e[i][j] = d(gen);
    return e;
  }

  // A prior plastic state: a random traceless eps_p and the given alpha.
  plasticity::State
  random_state(std::mt19937 &gen, double alpha)
  {
    plasticity::State s;
    s.plastic_strain    = dealii::deviator(random_strain(gen, 1e-3));
    s.equivalent_strain = alpha;
    return s;
  }
} // namespace

TEST(J2Plasticity, ElasticBelowYield)
{
  const auto m = plastic_electrolyte(1e8, 0.);
  Tensor3    e;
  e[0][0]         = -1e-4;
  e[0][1]         = 2e-5;
  const auto r    = plasticity::radial_return(m, e, 1e-5, {});
  const auto want = elasticity::stress(m, e, 1e-5);
  EXPECT_FALSE(r.yielded);
  EXPECT_LT((r.stress - want).norm(), 1e-12 * want.norm());
  EXPECT_EQ(r.state.equivalent_strain, 0.);
}

// After a return the stress lies on the (hardened) yield surface, the
// plastic strain stays traceless and alpha grows by sqrt(2/3) |d eps_p|.
TEST(J2Plasticity, ReturnsToTheYieldSurface)
{
  std::mt19937 gen(7);
  for (const double hardening : {0., 2e9})
    for (int k = 0; k < 20; ++k)
      {
        const auto m        = plastic_electrolyte(5e7, hardening);
        const auto previous = random_state(gen, 2e-3);
        const auto r = plasticity::radial_return(m, random_strain(gen, 1e-2), 0., previous);
        ASSERT_TRUE(r.yielded);
        const double radius = 5e7 + hardening * r.state.equivalent_strain;
        EXPECT_NEAR(plasticity::equivalent_stress(r.stress), radius, 1e-10 * radius);
        // Round-off of the deviator: 1e-15 of the plastic strain.
        EXPECT_NEAR(dealii::trace(r.state.plastic_strain), 0.,
                    1e-15 * r.state.plastic_strain.norm());
        const double step = (r.state.plastic_strain - previous.plastic_strain).norm();
        EXPECT_NEAR(r.state.equivalent_strain - previous.equivalent_strain,
                    std::sqrt(2. / 3.) * step, 1e-12);
      }
}

// The tangent is the derivative of the returned stress: central differences
// with a strain step of 1e-9 (truncation O(h^2) and round-off 1e-16 sigma/h
// both below 1e-6 of the tangent).
TEST(J2Plasticity, ConsistentTangentMatchesFiniteDifferences)
{
  std::mt19937 gen(11);
  for (const double hardening : {0., 2e9})
    for (int k = 0; k < 10; ++k)
      {
        const auto    m        = plastic_electrolyte(5e7, hardening);
        const auto    previous = random_state(gen, 1e-3);
        const Tensor3 e        = random_strain(gen, 1e-2);
        const double  eps0     = 1e-4;
        const auto    r        = plasticity::radial_return(m, e, eps0, previous);
        ASSERT_TRUE(r.yielded);
        const double h = 1e-9;
        for (unsigned int i = 0; i < 3; ++i)
          for (unsigned int j = i; j < 3; ++j)
            {
              Tensor3 de;
              de[i][j]           = h; // also [j][i]: a symmetric perturbation
              const auto plus    = plasticity::radial_return(m, e + de, eps0, previous);
              const auto minus   = plasticity::radial_return(m, e - de, eps0, previous);
              const auto numeric = (plus.stress - minus.stress) / (2. * h);
              const auto exact   = r.tangent * (de / h);
              EXPECT_LT((numeric - exact).norm(), 1e-6 * m.youngs_modulus)
                << "component " << i << j << ", H = " << hardening;
            }
      }
}

namespace
{
  constexpr double width = 4e-6, height = 6e-6;
  constexpr double p = 3e7, yield_stress = 1e7, hardening = 2e9;

  // The uniaxial-strain state of the die (closed form, docs/mechanics.md):
  // with q = sigma_axis - sigma_lateral = -(sigma_y + H e) and e the
  // compressive plastic strain along the axis (alpha = e here): the axial
  // deviatoric strain splits as 2 eps/3 = q/(3 mu) - e, with eps =
  // sigma_m / K and sigma_m = -p - 2q/3; solved for e below.
  struct DieState
  {
    double axial_strain, lateral_stress;
  };

  DieState
  die_loaded(const ElasticProperties &m)
  {
    const double mu = m.shear_modulus(), K = m.three_bulk_modulus() / 3.;
    const double s = m.yield.yield_stress, H = m.yield.hardening_modulus;
    const double e = (2. * p / (3. * K) - 4. * s / (9. * K) - s / (3. * mu)) /
                     (1. + 4. * H / (9. * K) + H / (3. * mu));
    const double q       = -(s + H * e);
    const double mean    = -p - 2. * q / 3.;
    const double lateral = mean - q / 3.;
    return {mean / K, lateral};
  }

  // Unloading to p = 0 is elastic (checked below): Delta eps = p / M,
  // Delta sigma_lateral = lambda p / M, M = lambda + 2 mu.
  DieState
  die_unloaded(const ElasticProperties &m)
  {
    const DieState loaded = die_loaded(m);
    const double   M      = m.lame_lambda() + 2. * m.shear_modulus();
    return {loaded.axial_strain + p / M, loaded.lateral_stress + m.lame_lambda() * p / M};
  }

  template <int dim>
  test::Errors
  die_errors(const MechanicsProblem<dim> &problem,
             const DieState              &s,
             double                       axial_stress,
             unsigned int                 degree)
  {
    return test::errors<dim>(
      problem,
      [&](const Point<dim> &x) {
        Tensor<1, dim> v;
        v[dim - 1] = s.axial_strain * x[dim - 1];
        return v;
      },
      [&](const Point<dim> &) {
        return test::axial_stress<dim>(axial_stress, s.lateral_stress, s.lateral_stress);
      },
      degree, degree + 2);
  }

  // Newton stops at a residual of 1e-9 of the load: the fields are exact to
  // about that, far above round-off (the elastic die is exact to 1e-10).
  constexpr double die_tolerance = 1e-8;

  // `tria`: the block mesh (serial or distributed).
  template <int dim>
  void
  check_die(dealii::Triangulation<dim> &tria,
            CoordinateSystem            system,
            unsigned int                degree,
            unsigned int                steps,
            const std::string          &solver = "direct")
  {
    auto run                                = test::default_run();
    run.mechanics.stack_pressure            = p;
    run.mechanics.solver                    = solver;
    run.mechanics.tolerance                 = 1e-12;
    run.materials.electrolyte.elastic.yield = {yield_stress, hardening};
    const auto &m                           = run.materials.electrolyte.elastic;
    for (const auto &cell : tria.active_cell_iterators())
      cell->set_material_id(material_id::electrolyte);
    dealii::MappingQ<dim> mapping(degree);
    MechanicsProblem<dim> problem(tria, mapping, degree, system, run.materials, run.mechanics);
    problem.setup();
    ASSERT_TRUE(problem.yields());
    problem.press(steps);
    // The elastic state would have |q| = p (1 - 2 nu)/(1 - nu) = 15 MPa,
    // above sigma_y: the die has yielded.
    const auto loaded = die_errors(problem, die_loaded(m), -p, degree);
    EXPECT_LT(loaded.u, die_tolerance) << dim << "D, Q" << degree << ", " << steps << " steps";
    EXPECT_LT(loaded.sigma, die_tolerance) << dim << "D, Q" << degree;
    // A state on the yield surface from a close start: quadratic
    // convergence within a few iterations.
    EXPECT_LE(problem.last_newton_iterations(), 6u);

    // Unloading is elastic: |q| falls from 10.6 MPa to 4.6 MPa, below
    // the hardened yield stress; the plastic strain stays.
    problem.set_boundary_pressure(boundary_id::collector, 0.);
    problem.solve();
    const auto unloaded = die_errors(problem, die_unloaded(m), 0., degree);
    EXPECT_LT(unloaded.u, die_tolerance) << dim << "D, Q" << degree;
    EXPECT_LT(unloaded.sigma, die_tolerance) << dim << "D, Q" << degree;
  }

  template <int dim>
  void
  check_serial_die(CoordinateSystem system, unsigned int degree, unsigned int steps)
  {
    dealii::Triangulation<dim> tria;
    test::block_mesh(tria, system, true, width, height, 2);
    check_die(tria, system, degree, steps);
  }
} // namespace

TEST(MechanicsPlasticity, ConfinedDieWithYieldIsExact)
{
  for (const unsigned int degree : {1u, 2u})
    {
      check_serial_die<2>(CoordinateSystem::cartesian, degree, 1);
      check_serial_die<2>(CoordinateSystem::axisymmetric, degree, 4);
      check_serial_die<3>(CoordinateSystem::cartesian, degree, 3);
    }
}

// The same on a distributed 3D mesh with CG-AMG (run on 2 ranks by
// unit_mechanics_mpi2): the history lives on each rank's own cells, and a
// new AMG hierarchy serves every Newton iteration.
TEST(MechanicsParallel, PlasticDieIsExact)
{
  dealii::parallel::distributed::Triangulation<3> tria(MPI_COMM_WORLD);
  test::block_mesh(tria, CoordinateSystem::cartesian, false, width, height, 2);
  tria.refine_global(1);
  check_die(tria, CoordinateSystem::cartesian, 1, 3, "cg-amg");
}

namespace
{
  // The plastic front c lies inside a cell of every mesh (a node would hide
  // the kink of the stress there).
  constexpr double                     a = 1e-6, b = 2e-6, c = 1.45e-6; // radii [m]
  constexpr double                     sphere_yield = 1e8;
  constexpr dealii::types::boundary_id inner_id     = 10;

  // Hill's elastic-perfectly plastic thick sphere: the internal pressure
  // that puts the plastic front at r = c, the stresses (plastic: sigma_r =
  // -p + 2 Y ln(r/a), sigma_t = sigma_r + Y; elastic: Lame with
  // sigma_t - sigma_r = Y at c and sigma_r(b) = 0) and the displacement
  // (elastic: u = r eps_t; plastic: incompressible flow gives
  // d(r^2 u)/dr = r^2 (1 - 2 nu) tr(sigma) / E, so u = (1 - 2 nu) r sigma_r
  // / E + C / r^2, C from continuity at c).
  struct HillSphere
  {
    double E, nu, Y = sphere_yield;
    double
    pressure() const
    {
      return 2. * Y * std::log(c / a) + 2. * Y / 3. * (1. - std::pow(c / b, 3));
    }
    std::pair<double, double>
    stresses(double r) const
    {
      if (r < c)
        {
          const double sr = -pressure() + 2. * Y * std::log(r / a);
          return {sr, sr + Y};
        }
      const double B = 2. * Y * c * c * c / 3.;
      return {B * (1. / (b * b * b) - 1. / (r * r * r)),
              B * (1. / (b * b * b) + 1. / (2. * r * r * r))};
    }
    double
    radial_displacement(double r) const
    {
      const auto elastic = [&](double s) {
        const auto [sr, st] = stresses(s);
        return s * ((1. - nu) * st - nu * sr) / E;
      };
      if (r >= c)
        return elastic(r);
      const double k = (1. - 2. * nu) / E;
      const double C = c * c * (elastic(c) - k * c * stresses(c).first);
      return k * r * stresses(r).first + C / (r * r);
    }
  };

  template <int dim>
  test::Errors
  hill(CoordinateSystem system, unsigned int degree, unsigned int level)
  {
    auto run                                = test::default_run();
    run.materials.electrolyte.elastic.yield = {sphere_yield, 0.};
    const auto                &m            = run.materials.electrolyte.elastic;
    const HillSphere           exact{m.youngs_modulus, m.poisson_ratio};
    dealii::Triangulation<dim> tria;
    if constexpr (dim == 1)
      test::radial_mesh(tria, a, b, 4u << level, inner_id, material_id::electrolyte);
    else
      {
        test::octant_shell(tria, a, b, inner_id, material_id::electrolyte);
        tria.refine_global(level);
      }
    dealii::MappingQ<dim> mapping(degree);
    MechanicsProblem<dim> problem(tria, mapping, degree, system, run.materials, run.mechanics);
    problem.set_boundary_pressure(inner_id, exact.pressure());
    problem.setup();
    problem.press(8);
    return test::errors<dim>(
      problem,
      [&](const Point<dim> &x) {
        return x * (exact.radial_displacement(x.norm()) / x.norm());
      },
      [&](const Point<dim> &x) {
        const auto [sr, st] = exact.stresses(x.norm());
        return test::radial_tensor(x, sr, st);
      },
      degree, degree + 2);
  }
} // namespace

// The stress has a kink at the plastic front, inside a cell: the best
// approximation there limits the L2 orders to 2.5 (u) and 1.5 (sigma) for
// Q2, and how the front cuts its cell makes successive orders scatter
// (measured 2.3 to 3.4 for u, with one step back at 64 cells, and 0.8 to
// 2.3 for sigma). So the order asserted is the least-squares slope over
// seven halvings, 4 to 512 cells: measured 2.29 (u) and 1.74 (sigma),
// asserted 2.1 and 1.4.
TEST(MechanicsPlasticity, HillSphereConverges)
{
  std::vector<double> eu, es, log_h;
  for (unsigned int level = 0; level < 8; ++level)
    {
      const auto e = hill<1>(CoordinateSystem::spherical, 2, level);
      eu.push_back(e.u);
      es.push_back(e.sigma);
      log_h.push_back(-std::log(double(4u << level)));
      std::cout << "  1D Q2, " << (4u << level) << " cells: errors u " << e.u << " sigma "
                << e.sigma << "\n";
    }
  const auto slope = [&](const std::vector<double> &e) {
    double mx = 0., my = 0., sxy = 0., sxx = 0.;
    for (unsigned int k = 0; k < e.size(); ++k)
      {
        mx += log_h[k] / e.size();
        my += std::log(e[k]) / e.size();
      }
    for (unsigned int k = 0; k < e.size(); ++k)
      {
        sxy += (log_h[k] - mx) * (std::log(e[k]) - my);
        sxx += (log_h[k] - mx) * (log_h[k] - mx);
      }
    return sxy / sxx;
  };
  std::cout << "  fitted orders u " << slope(eu) << " sigma " << slope(es) << "\n";
  EXPECT_GT(slope(eu), 2.1);
  EXPECT_GT(slope(es), 1.4);

  // The axisymmetric quarter shell at 2 and 3 refinements (4 and 8 cells
  // across the wall) reproduces the 1D errors on the same radial cells
  // (measured within 0.1 %; asserted 5 %, room for the error of the
  // curved Q2 mapping).
  for (unsigned int level : {2u, 3u})
    {
      const auto e2 = hill<2>(CoordinateSystem::axisymmetric, 2, level);
      std::cout << "  2D axisymmetric Q2, " << level << " refinements: errors u " << e2.u
                << " sigma " << e2.sigma << "\n";
      EXPECT_NEAR(e2.u, eu[level - 2], 0.05 * eu[level - 2]);
      EXPECT_NEAR(e2.sigma, es[level - 2], 0.05 * es[level - 2]);
    }
}

// A yield stress no point reaches takes the Newton path of plastic solids
// and must reproduce the linear solve: the Lame shell of case (h) at
// p_i = 100 MPa (equivalent stress at most 1.5 p_i b^3/(b^3 - a^3) =
// 171 MPa at r = a, far below 1e11 Pa), 1D spherical, Q2 on 16 cells.
// Agreement to 1e-10: Newton stops at 1e-9 of the load after one exact
// (linear) step, so the two differ by round-off.
TEST(MechanicsPlasticity, NeverYieldingSolidMatchesElasticity)
{
  const auto solve = [](double yield) {
    auto run                                = test::default_run();
    run.materials.electrolyte.elastic.yield = {yield, 0.};
    dealii::Triangulation<1> tria;
    test::radial_mesh(tria, a, b, 16, inner_id, material_id::electrolyte);
    dealii::MappingQ<1> mapping(2);
    auto                problem =
      std::make_unique<MechanicsProblem<1>>(tria, mapping, 2, CoordinateSystem::spherical,
                                            run.materials, run.mechanics);
    problem->set_boundary_pressure(inner_id, 1e8);
    problem->setup();
    EXPECT_EQ(problem->yields(), yield > 0.);
    problem->solve();
    std::vector<double> u;
    for (const auto i : problem->displacement().locally_owned_elements())
      u.push_back(problem->displacement()(i));
    return u;
  };
  const auto elastic = solve(0.), plastic = solve(1e11);
  ASSERT_EQ(elastic.size(), plastic.size());
  double diff = 0., norm = 0.;
  for (std::size_t i = 0; i < elastic.size(); ++i)
    {
      diff += std::pow(elastic[i] - plastic[i], 2);
      norm += std::pow(elastic[i], 2);
    }
  EXPECT_LT(std::sqrt(diff / norm), 1e-10);
}
