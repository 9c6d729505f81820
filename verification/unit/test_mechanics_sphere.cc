// Verification of the mechanics on spheres (docs/mechanics.md, cases h and
// i of the project's verification list), in 1D spherical, 2D axisymmetric
// and 3D coordinates:
//   (h) the Lame thick shell under internal and external pressure, observed
//       orders p+1 (displacement) and p (stress) in L2; the solid sphere
//       under external pressure, exact to round-off;
//   (i) the free sphere with the chemical strain of the long-time profile of
//       constant influx, c - c_ref = q (r^2/(2 b^2) - 3/10);
//   the contact loss of the stack-pressure study (docs/studies/
//   stack-pressure.md, point 5): a particle that shrinks uniformly inside a
//   shell of softened powder (a stiffness factor on its modulus) under an
//   outer pressure; the interface pressure follows from u continuous at
//   r = a (Lame in the shell, uniform stress in the particle).
// Orders are asserted within 0.1 of theory: on these uniformly refined
// meshes the measured orders are within 0.055 of it by the last pair of
// meshes (the 3D shell, coarsest, is the farthest off; the tolerance leaves
// room for such pre-asymptotic levels).

#include <deal.II/fe/mapping_q.h>

#include <gtest/gtest.h>

#include "mechanics_test_helpers.h"

using namespace ssbcell;
using dealii::Point;
using dealii::Tensor;

namespace
{
  constexpr double                     a = 1e-6, b = 2e-6; // shell radii / sphere radius b [m]
  constexpr dealii::types::boundary_id inner_id = 10;

  // Builds the mesh of a level and sets up the problem; returns its errors.
  template <int dim>
  using MeshBuilder = std::function<void(dealii::Triangulation<dim> &, unsigned int level)>;
  template <int dim>
  using ProblemSetter = std::function<void(MechanicsProblem<dim> &)>;

  template <int dim>
  std::vector<test::Errors>
  run_levels(const MeshBuilder<dim>                                       &mesh,
             const std::vector<unsigned int>                              &levels,
             CoordinateSystem                                              system,
             unsigned int                                                  degree,
             const Materials                                              &materials,
             const MechanicsParameters                                    &parameters,
             const ProblemSetter<dim>                                     &set,
             const std::function<Tensor<1, dim>(const Point<dim> &)>      &u,
             const std::function<elasticity::Tensor3(const Point<dim> &)> &sigma)
  {
    std::vector<test::Errors> result;
    for (const unsigned int level : levels)
      {
        dealii::Triangulation<dim> tria;
        mesh(tria, level);
        dealii::MappingQ<dim> mapping(degree);
        MechanicsProblem<dim> problem(tria, mapping, degree, system, materials, parameters);
        set(problem);
        problem.setup();
        problem.solve();
        result.push_back(test::errors(problem, u, sigma, degree));
      }
    return result;
  }

  void
  expect_orders(const std::vector<test::Errors> &e, double order_u, double order_sigma)
  {
    std::vector<double> eu, es;
    for (const auto &x : e)
      {
        eu.push_back(x.u);
        es.push_back(x.sigma);
      }
    const auto ou = test::observed_orders(eu), os = test::observed_orders(es);
    for (unsigned int k = 0; k < ou.size(); ++k)
      std::cout << "  errors u " << eu[k + 1] << " sigma " << es[k + 1] << "  orders " << ou[k]
                << " " << os[k] << "\n";
    EXPECT_NEAR(ou.back(), order_u, 0.1);
    EXPECT_NEAR(os.back(), order_sigma, 0.1);
  }

  // (h) Lame: sigma_r = A - B/r^3, sigma_t = A + B/(2 r^3); u = r eps_t.
  struct Lame
  {
    double E, nu, p_in = 2e7, p_out = 1e7;
    double
    A() const
    {
      return (p_in * a * a * a - p_out * b * b * b) / (b * b * b - a * a * a);
    }
    double
    B() const
    {
      return (p_in - p_out) * a * a * a * b * b * b / (b * b * b - a * a * a);
    }
    template <int dim>
    elasticity::Tensor3
    sigma(const Point<dim> &x) const
    {
      const double r3 = std::pow(x.norm(), 3);
      return test::radial_tensor(x, A() - B() / r3, A() + B() / (2. * r3));
    }
    template <int dim>
    Tensor<1, dim>
    u(const Point<dim> &x) const
    {
      const double r3 = std::pow(x.norm(), 3);
      const double sr = A() - B() / r3, st = A() + B() / (2. * r3);
      return x * (((1. - nu) * st - nu * sr) / E);
    }
  };

  template <int dim>
  std::vector<test::Errors>
  lame(CoordinateSystem system, unsigned int degree, const std::vector<unsigned int> &levels)
  {
    const auto       run = test::default_run();
    const auto       m   = run.materials.electrolyte.elastic;
    const Lame       exact{m.youngs_modulus, m.poisson_ratio};
    MeshBuilder<dim> mesh = [&](dealii::Triangulation<dim> &tria, unsigned int level) {
      if constexpr (dim == 1)
        test::radial_mesh(tria, a, b, 4u << level, inner_id, material_id::electrolyte);
      else
        {
          test::octant_shell(tria, a, b, inner_id, material_id::electrolyte);
          tria.refine_global(level);
        }
    };
    return run_levels<dim>(
      mesh, levels, system, degree, run.materials, run.mechanics,
      [&](MechanicsProblem<dim> &p) {
        p.set_boundary_pressure(inner_id, exact.p_in);
        p.set_boundary_pressure(boundary_id::outer, exact.p_out);
      },
      [&](const Point<dim> &x) { return exact.u(x); },
      [&](const Point<dim> &x) { return exact.sigma(x); });
  }

  // (i) T = c - c_ref = q (r^2/(2 b^2) - 3/10), alpha = Omega/3 (Timoshenko
  // and Goodier's thermal stresses in a free sphere).
  struct Eigenstrain
  {
    double E, nu, omega, q = 5000.;
    double
    excess(double r) const
    {
      return q * (r * r / (2. * b * b) - 0.3);
    }
    template <int dim>
    elasticity::Tensor3
    sigma(const Point<dim> &x) const
    {
      const double s  = E * omega * q / (15. * (1. - nu));
      const double r2 = x.norm_square() / (b * b);
      return test::radial_tensor(x, s * (1. - r2), s * (1. - 2. * r2));
    }
    template <int dim>
    Tensor<1, dim>
    u(const Point<dim> &x) const
    {
      // u = (1+nu)/(1-nu) alpha r^-2 int_0^r T r^2 dr (int_0^b T r^2 dr = 0).
      const double r = x.norm();
      const double ur =
        (1. + nu) / (1. - nu) * omega / 3. * q * (r * r * r / (10. * b * b) - r / 10.);
      return x * (ur / r);
    }
  };

  template <int dim>
  std::vector<test::Errors>
  eigenstrain(CoordinateSystem                 system,
              unsigned int                     degree,
              const std::vector<unsigned int> &levels)
  {
    const auto        run = test::default_run();
    const auto       &am  = run.materials.active;
    const Eigenstrain exact{am.elastic.youngs_modulus, am.elastic.poisson_ratio,
                            am.chemical_strain.partial_molar_volume};
    const double      c_ref = am.stress_free_concentration();
    MeshBuilder<dim>  mesh  = [&](dealii::Triangulation<dim> &tria, unsigned int level) {
      if constexpr (dim == 1)
        test::radial_mesh(tria, 0., b, 4u << level, boundary_id::symmetry,
                            material_id::active_material);
      else
        {
          test::octant_ball(tria, b, material_id::active_material);
          tria.refine_global(level);
        }
    };
    return run_levels<dim>(
      mesh, levels, system, degree, run.materials, run.mechanics,
      [&](MechanicsProblem<dim> &p) {
        p.set_concentration(
          [&](const auto &, const Point<dim> &x) { return c_ref + exact.excess(x.norm()); });
      },
      [&](const Point<dim> &x) { return exact.u(x); },
      [&](const Point<dim> &x) { return exact.sigma(x); });
  }

  // (h) Solid sphere under external pressure p: sigma = -p I,
  // u = -(1 - 2 nu) p x / E, linear, hence exact for Q2 on a Q2 mapping.
  template <int dim>
  test::Errors
  pressurised_sphere(CoordinateSystem system)
  {
    auto       run               = test::default_run();
    const auto m                 = run.materials.active.elastic;
    run.mechanics.stack_pressure = 5e7; // acts on the outer surface (id 4)
    const double p               = run.mechanics.stack_pressure;
    return run_levels<dim>(
             [&](dealii::Triangulation<dim> &tria, unsigned int) {
               if constexpr (dim == 1)
                 test::radial_mesh(tria, 0., b, 7, boundary_id::symmetry,
                                   material_id::active_material);
               else
                 {
                   test::octant_ball(tria, b, material_id::active_material);
                   tria.refine_global(1);
                 }
             },
             {0}, system, 2, run.materials, run.mechanics, [](auto &) {},
             [&](const Point<dim> &x) {
               return x * (-(1. - 2. * m.poisson_ratio) * p / m.youngs_modulus);
             },
             [&](const Point<dim> &) {
               return elasticity::Tensor3(-p * dealii::unit_symmetric_tensor<3>());
             })
      .front();
  }

  // A particle 0 < r < a (active material, uniform chemical strain e) bonded
  // to a shell a < r < b (electrolyte of modulus E_m) under the outer
  // pressure P. The particle's stress is -p I, the shell's Lame's with the
  // pressures p and P (the struct Lame above):
  //   sigma_r = A - B/r^3, sigma_t = A + B/(2 r^3),
  //   A = (p a^3 - P b^3)/(b^3 - a^3), B = (p - P) a^3 b^3/(b^3 - a^3).
  // p makes u continuous at a: e - p/(3 K_i) = ((1 - nu_m) sigma_t(a) +
  // nu_m p)/E_m, solved for p in closed form (the constructor). In an
  // infinite shell without P, p = 12 K_i mu_m e / (3 K_i + 4 mu_m).
  struct ShrinkingParticle
  {
    double K_i, E_m, nu_m, e, P, p;
    ShrinkingParticle(double K_i, double E_m, double nu_m, double e, double P)
      : K_i(K_i)
      , E_m(E_m)
      , nu_m(nu_m)
      , e(e)
      , P(P)
    {
      const double d = b * b * b - a * a * a;
      // sigma_t(a) = p (a^3 + b^3/2)/d - 3 P b^3/(2 d).
      p = (e + 1.5 * (1. - nu_m) * P * b * b * b / (d * E_m)) /
          (1. / (3. * K_i) + ((1. - nu_m) * (a * a * a + 0.5 * b * b * b) / d + nu_m) / E_m);
    }
    // The shell: Lame's thick sphere under p inside and P outside.
    Lame
    shell() const
    {
      return Lame{E_m, nu_m, p, P};
    }
    template <int dim>
    elasticity::Tensor3
    sigma(const Point<dim> &x) const
    {
      if (x.norm() < a)
        return elasticity::Tensor3(-p * dealii::unit_symmetric_tensor<3>());
      return shell().sigma(x);
    }
    template <int dim>
    Tensor<1, dim>
    u(const Point<dim> &x) const
    {
      if (x.norm() < a)
        return x * (e - p / (3. * K_i));
      return shell().u(x);
    }
  };

  // The particle (r < a, active material) and the shell (electrolyte) as
  // one conforming mesh: in 1D cells of equal size (a is a vertex); in 2D
  // the quarter disk of radius a merged with the quarter annulus (the 3D
  // quarter shell's cells do not match the ball's), with the manifolds of
  // octant_ball.
  template <int dim>
  void
  particle_in_shell(dealii::Triangulation<dim> &tria, unsigned int level)
  {
    static_assert(dim < 3, "the merged mesh is 1D or 2D");
    if constexpr (dim == 1)
      {
        test::radial_mesh(tria, 0., b, 4u << level, boundary_id::symmetry,
                          material_id::active_material);
        for (const auto &cell : tria.active_cell_iterators())
          if (cell->center()[0] > a)
            cell->set_material_id(material_id::electrolyte);
      }
    else
      {
        dealii::Triangulation<dim> ball, shell;
        dealii::GridGenerator::quarter_hyper_ball(ball, Point<dim>(), a);
        // 2 cells along the arc: the disk's surface vertices (0, 45, 90 degrees).
        dealii::GridGenerator::quarter_hyper_shell(shell, Point<dim>(), a, b, 2);
        // The merge keeps material ids, not boundary ids (set below).
        for (auto *part : {&ball, &shell})
          for (const auto &cell : part->active_cell_iterators())
            cell->set_material_id(part == &ball ? material_id::active_material :
                                                  material_id::electrolyte);
        dealii::GridGenerator::merge_triangulations(ball, shell, tria, 1e-8 * a);
        std::vector<dealii::types::material_id> material(tria.n_active_cells());
        for (const auto &cell : tria.active_cell_iterators())
          material[cell->active_cell_index()] = cell->material_id();
        test::set_octant_ids(tria, 0.5 * (a + b), inner_id, material_id::active_material);
        for (const auto &cell : tria.active_cell_iterators())
          cell->set_material_id(material[cell->active_cell_index()]);
        for (const auto &cell : tria.active_cell_iterators())
          if (cell->material_id() == material_id::active_material)
            cell->set_all_manifold_ids(1);
        for (const auto &cell : tria.active_cell_iterators())
          if (cell->material_id() == material_id::electrolyte)
            cell->set_all_manifold_ids(0); // also the faces on r = a
        tria.set_manifold(0, dealii::SphericalManifold<dim>());
        dealii::TransfiniteInterpolationManifold<dim> transfinite;
        transfinite.initialize(tria);
        tria.set_manifold(1, transfinite);
        // A seam (unmerged vertices on r = a) would leave the faces there on
        // the boundary, with the id inner; there must be none.
        for (const auto &cell : tria.active_cell_iterators())
          for (const unsigned int f : cell->face_indices())
            if (cell->face(f)->at_boundary())
              {
                EXPECT_NE(cell->face(f)->boundary_id(), inner_id)
                  << "the merged mesh has a seam";
              }
        tria.refine_global(level);
      }
  }

  // A charge's shrinking (c below c_ref) in a powder 20 times softer than
  // dense electrolyte, under 20 MPa: the field, and with it the interface
  // pressure the particle loses, converges to the closed form.
  template <int dim>
  std::vector<test::Errors>
  shrinking_particle(CoordinateSystem                 system,
                     unsigned int                     degree,
                     const std::vector<unsigned int> &levels,
                     double                           softening = 0.05)
  {
    auto       run               = test::default_run();
    const auto am                = run.materials.active;
    const auto se                = run.materials.electrolyte.elastic;
    run.mechanics.stack_pressure = 2e7; // on the outer surface (id 4)
    const double c_ref           = am.stress_free_concentration();
    const double dc              = -5000.;
    const double omega           = am.chemical_strain.partial_molar_volume;
    EXPECT_GT(omega, 0.); // so that dc < 0 shrinks the particle
    const double K_i = am.elastic.youngs_modulus / (3. * (1. - 2. * am.elastic.poisson_ratio));
    const ShrinkingParticle exact(K_i, softening * se.youngs_modulus, se.poisson_ratio,
                                  omega * dc / 3., run.mechanics.stack_pressure);
    const ShrinkingParticle unshrunk(K_i, exact.E_m, exact.nu_m, 0., exact.P);
    std::cout << "  interface pressure " << exact.p << " Pa, " << unshrunk.p
              << " Pa before the shrinking (P " << exact.P << " Pa, e " << exact.e << ")\n";
    EXPECT_LT(exact.p, unshrunk.p);
    return run_levels<dim>(
      particle_in_shell<dim>, levels, system, degree, run.materials, run.mechanics,
      [&](MechanicsProblem<dim> &problem) {
        const auto         &tria = problem.get_dof_handler().get_triangulation();
        std::vector<double> factors(tria.n_active_cells(), 1.);
        for (const auto &cell : tria.active_cell_iterators())
          if (cell->material_id() == material_id::electrolyte)
            factors[cell->active_cell_index()] = softening;
        problem.set_stiffness_factors(factors);
        // The chemical strain acts in the active material only.
        problem.set_concentration(
          [=](const auto &, const Point<dim> &) { return c_ref + dc; });
      },
      [&](const Point<dim> &x) { return exact.u(x); },
      [&](const Point<dim> &x) { return exact.sigma(x); });
  }
} // namespace

TEST(MechanicsSphere, LameShellSpherical1D)
{
  expect_orders(lame<1>(CoordinateSystem::spherical, 1, {1, 2, 3, 4}), 2., 1.);
  expect_orders(lame<1>(CoordinateSystem::spherical, 2, {0, 1, 2, 3}), 3., 2.);
}

TEST(MechanicsSphere, LameShellAxisymmetric)
{
  expect_orders(lame<2>(CoordinateSystem::axisymmetric, 1, {2, 3, 4, 5}), 2., 1.);
  expect_orders(lame<2>(CoordinateSystem::axisymmetric, 2, {1, 2, 3, 4}), 3., 2.);
}

TEST(MechanicsSphere, LameShell3D)
{
  expect_orders(lame<3>(CoordinateSystem::cartesian, 2, {1, 2, 3}), 3., 2.);
}

// Round-off: 1e-10 is about 1e5 times the double epsilon, the growth of
// round-off through a direct solve on these small meshes.
TEST(MechanicsSphere, SolidSphereUnderPressureIsExact)
{
  for (const auto &e : {pressurised_sphere<1>(CoordinateSystem::spherical),
                        pressurised_sphere<2>(CoordinateSystem::axisymmetric),
                        pressurised_sphere<3>(CoordinateSystem::cartesian)})
    {
      EXPECT_LT(e.u, 1e-10);
      EXPECT_LT(e.sigma, 1e-10);
    }
}

TEST(MechanicsSphere, EigenstrainSpherical1D)
{
  expect_orders(eigenstrain<1>(CoordinateSystem::spherical, 1, {1, 2, 3, 4}), 2., 1.);
  expect_orders(eigenstrain<1>(CoordinateSystem::spherical, 2, {0, 1, 2, 3}), 3., 2.);
}

TEST(MechanicsSphere, EigenstrainAxisymmetric)
{
  expect_orders(eigenstrain<2>(CoordinateSystem::axisymmetric, 1, {2, 3, 4, 5}), 2., 1.);
  expect_orders(eigenstrain<2>(CoordinateSystem::axisymmetric, 2, {1, 2, 3, 4}), 3., 2.);
}

TEST(MechanicsSphere, Eigenstrain3D)
{
  expect_orders(eigenstrain<3>(CoordinateSystem::cartesian, 2, {0, 1, 2}), 3., 2.);
}

TEST(MechanicsSphere, ShrinkingParticleInSoftPowderSpherical1D)
{
  expect_orders(shrinking_particle<1>(CoordinateSystem::spherical, 1, {1, 2, 3, 4}), 2., 1.);
  expect_orders(shrinking_particle<1>(CoordinateSystem::spherical, 2, {0, 1, 2, 3}), 3., 2.);
}

TEST(MechanicsSphere, ShrinkingParticleInSoftPowderAxisymmetric)
{
  expect_orders(shrinking_particle<2>(CoordinateSystem::axisymmetric, 2, {1, 2, 3, 4}), 3.,
                2.);
}
