// The mechanics on a triangulation distributed over the ranks of
// MPI_COMM_WORLD (p4est in 2D/3D, shared in 1D, as the simulator builds
// them) gives the answer of a serial run on each rank. ctest runs these on
// 2 ranks (unit_mechanics_mpi2) and, with the other unit tests, on 1.
// Tolerances: 1e-8 relative where CG-GAMG (residual reduced by 1e-12) meets
// a direct solve, 1e-10 between two direct solves.

#include <deal.II/distributed/shared_tria.h>
#include <deal.II/distributed/tria.h>
#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/mapping_q.h>
#include <deal.II/numerics/vector_tools.h>

#include <gtest/gtest.h>

#include "mechanics_test_helpers.h"

using namespace ssbcell;
using dealii::Point;
using dealii::Tensor;

namespace
{
  constexpr double b = 2e-6;

  struct Result
  {
    test::Errors errors;
    double       interface_force = 0.; // int t_n w dA over AM faces towards SE
  };

  // (i) in 2D axisymmetric with an electrolyte shell around an AM core; c
  // from a finite-element field (ghosted on the distributed mesh). Compared
  // with the closed form of the homogeneous sphere only loosely (the shell
  // changes the field): the check is serial against parallel.
  Result
  core_shell(dealii::Triangulation<2> &tria, const std::string &solver)
  {
    auto run                = test::default_run();
    run.mechanics.solver    = solver;
    run.mechanics.tolerance = 1e-12;
    test::octant_ball(tria, b, material_id::active_material);
    tria.refine_global(3);
    for (const auto &cell : tria.active_cell_iterators())
      if (cell->center().norm() > 0.6 * b)
        cell->set_material_id(material_id::electrolyte);
    dealii::MappingQ<2>   mapping(2);
    dealii::DoFHandler<2> field(tria);
    field.distribute_dofs(dealii::FE_Q<2>(2));
    const MPI_Comm         comm  = tria.get_communicator();
    const dealii::IndexSet owned = field.locally_owned_dofs();
    dealii::IndexSet       relevant;
    dealii::DoFTools::extract_locally_relevant_dofs(field, relevant);
    const double c_ref = run.materials.active.stress_free_concentration();
    LA::Vector   c_owned(owned, comm), c(owned, relevant, comm);
    dealii::VectorTools::interpolate(mapping, field,
                                     dealii::ScalarFunctionFromFunctionObject<2>(
                                       [&](const Point<2> &x) {
                                         return c_ref - 3000. * x.square() / (b * b);
                                       }),
                                     c_owned);
    c = c_owned;

    MechanicsProblem<2> problem(tria, mapping, 2, CoordinateSystem::axisymmetric,
                                run.materials, run.mechanics);
    problem.set_concentration(field, c, 0);
    const dealii::QGauss<1> face_quadrature(3);
    problem.set_interface_quadrature(face_quadrature);
    problem.setup();
    problem.solve();

    Result r;
    // Errors against the homogeneous sphere: not small, but a number both
    // runs must agree on.
    r.errors = test::errors<2>(
      problem, [](const Point<2> &x) { return Tensor<1, 2>(x * 1e-3); },
      [](const Point<2> &) { return elasticity::Tensor3(dealii::unit_symmetric_tensor<3>()); },
      2);
    const dealii::FE_Q<2>   q1(1);
    dealii::FEFaceValues<2> face(mapping, q1, face_quadrature,
                                 dealii::update_JxW_values | dealii::update_quadrature_points);
    double                  force = 0.;
    for (const auto &cell : tria.active_cell_iterators())
      if (cell->is_locally_owned() && cell->material_id() == material_id::active_material)
        for (const unsigned int f : cell->face_indices())
          if (problem.is_interface_face(cell, f))
            {
              face.reinit(cell, f);
              for (unsigned int q = 0; q < face_quadrature.size(); ++q)
                force +=
                  problem.interface_normal_traction(cell, f, q) * face.JxW(q) *
                  volume_weight(CoordinateSystem::axisymmetric, face.quadrature_point(q));
            }
    r.interface_force = dealii::Utilities::MPI::sum(force, comm);
    return r;
  }

  void
  expect_same(double parallel, double serial, double tolerance)
  {
    EXPECT_NEAR(parallel, serial, tolerance * std::abs(serial));
  }
} // namespace

TEST(MechanicsParallel, AxisymmetricCoreShellMatchesSerial)
{
  dealii::parallel::distributed::Triangulation<2> distributed(MPI_COMM_WORLD);
  dealii::Triangulation<2>                        serial;
  const Result                                    p = core_shell(distributed, "cg-amg");
  const Result                                    s = core_shell(serial, "direct");
  EXPECT_GT(std::abs(s.interface_force), 0.);
  expect_same(p.errors.u, s.errors.u, 1e-8);
  expect_same(p.errors.sigma, s.errors.sigma, 1e-8);
  expect_same(p.interface_force, s.interface_force, 1e-8);
}

// (h) Lame shell in 1D spherical on a shared triangulation.
TEST(MechanicsParallel, SphericalShellMatchesSerial)
{
  const auto run   = test::default_run();
  auto       solve = [&](dealii::Triangulation<1> &tria) {
    test::radial_mesh(tria, 1e-6, b, 40, 10, material_id::electrolyte);
    dealii::MappingQ<1> mapping(2);
    MechanicsProblem<1> problem(tria, mapping, 2, CoordinateSystem::spherical, run.materials,
                                      run.mechanics);
    problem.set_boundary_pressure(10, 2e7);
    problem.set_boundary_pressure(boundary_id::outer, 1e7);
    problem.setup();
    problem.solve();
    double s_tt = 0.;
    problem.for_each_point(dealii::QGauss<1>(3),
                                 [&](const auto &s) { s_tt += s.stress[1][1] * s.weight; });
    return dealii::Utilities::MPI::sum(s_tt, tria.get_communicator());
  };
  dealii::parallel::shared::Triangulation<1> shared(MPI_COMM_WORLD);
  dealii::Triangulation<1>                   serial;
  expect_same(solve(shared), solve(serial), 1e-10);
}

// (j) with free sides in 3D: the pins that remove the rigid motions must be
// found on the whole anode, whichever rank owns it; the result stays exact.
TEST(MechanicsParallel, FreeSided3DBlockIsExact)
{
  auto         run             = test::default_run();
  const double p               = 3e7;
  run.mechanics.stack_pressure = p;
  run.mechanics.lateral        = MechanicsParameters::Lateral::traction_free;
  run.mechanics.solver         = "cg-amg";
  run.mechanics.tolerance      = 1e-12;
  const double E               = run.materials.active.elastic.youngs_modulus;
  const double nu              = run.materials.active.elastic.poisson_ratio;
  dealii::parallel::distributed::Triangulation<3> tria(MPI_COMM_WORLD);
  dealii::GridGenerator::subdivided_hyper_rectangle(tria, {2, 3, 4}, Point<3>(),
                                                    Point<3>(4e-6, 6e-6, 8e-6));
  tria.refine_global(1);
  for (const auto &cell : tria.active_cell_iterators())
    {
      cell->set_material_id(material_id::active_material);
      for (const unsigned int f : cell->face_indices())
        if (cell->face(f)->at_boundary())
          {
            const double z = cell->face(f)->center()[2];
            cell->face(f)->set_boundary_id(z < 1e-12  ? boundary_id::anode :
                                           z > 7.9e-6 ? boundary_id::collector :
                                                        boundary_id::lateral);
          }
    }
  dealii::MappingQ<3> mapping(1);
  MechanicsProblem<3> problem(tria, mapping, 1, CoordinateSystem::cartesian, run.materials,
                              run.mechanics);
  problem.setup();
  problem.solve();
  EXPECT_EQ(problem.block_size(), 3u); // the numbering interleaves on every rank
  const auto e = test::errors<3>(
    problem,
    [&](const Point<3> &x) {
      return Tensor<1, 3>({nu * p / E * x[0], nu * p / E * x[1], -p / E * x[2]});
    },
    [&](const Point<3> &) {
      elasticity::Tensor3 s;
      s[2][2] = -p;
      return s;
    },
    1);
  EXPECT_LT(e.u, 1e-8);
  EXPECT_LT(e.sigma, 1e-8);
}
