// Verification case (f): manufactured solutions of the coupled problem with
// a Butler-Volmer interface, in 2D and 3D. A particle in a box of solid
// electrolyte (no coating), the NMC532 OCP and the stoichiometry-dependent
// exchange current, steady state at a held electrode potential. The chosen
//   c   = c_max (0.5 + 0.2 S(x)),       S   = sin(kx) cos(ky) [cos(kz)],
//   phi = 0.01 V cos(kx) sin(ky + 0.3) [cos(kz)],   k = 1/R,
// satisfy the equations once volume sources -div(D grad c), -div(sigma grad
// phi) and face sources (the mismatch between the manufactured normal fluxes
// and the Butler-Volmer currents of particle and anode) are added. The L2
// errors of c and phi_e must fall at the optimal order p + 1 for Q1 and Q2.

#include <deal.II/base/function.h>
#include <deal.II/fe/mapping_q.h>
#include <deal.II/grid/tria.h>

#include <gtest/gtest.h>

#include <meshes/mesh_generator.h>
#include <physics/constants.h>
#include <physics/particle_reaction.h>
#include <solver/cell_models/electrochemical_cell.h>

#include <cmath>
#include <iostream>

#include "test_helpers.h"

using namespace ssbcell;

namespace
{
  constexpr double radius = 2e-6, box = 6e-6, k = 1. / radius;

  template <int dim>
  double
  shape_c(const dealii::Point<dim> &p, dealii::Tensor<1, dim> *gradient = nullptr)
  {
    double s = std::sin(k * p[0]) * std::cos(k * p[1]);
    if (gradient)
      {
        (*gradient)[0] = k * std::cos(k * p[0]) * std::cos(k * p[1]);
        (*gradient)[1] = -k * std::sin(k * p[0]) * std::sin(k * p[1]);
      }
    if constexpr (dim == 3)
      {
        if (gradient)
          {
            (*gradient)[0] *= std::cos(k * p[2]);
            (*gradient)[1] *= std::cos(k * p[2]);
            (*gradient)[2] = -k * s * std::sin(k * p[2]);
          }
        s *= std::cos(k * p[2]);
      }
    return s;
  }

  template <int dim>
  double
  shape_phi(const dealii::Point<dim> &p, dealii::Tensor<1, dim> *gradient = nullptr)
  {
    double s = std::cos(k * p[0]) * std::sin(k * p[1] + 0.3);
    if (gradient)
      {
        (*gradient)[0] = -k * std::sin(k * p[0]) * std::sin(k * p[1] + 0.3);
        (*gradient)[1] = k * std::cos(k * p[0]) * std::cos(k * p[1] + 0.3);
      }
    if constexpr (dim == 3)
      {
        if (gradient)
          {
            (*gradient)[0] *= std::cos(k * p[2]);
            (*gradient)[1] *= std::cos(k * p[2]);
            (*gradient)[2] = -k * s * std::sin(k * p[2]);
          }
        s *= std::cos(k * p[2]);
      }
    return s;
  }

  // L2 errors of c and phi_e for Q`degree` after `refinements` refinements.
  template <int dim>
  std::pair<double, double>
  manufactured_errors(unsigned int degree, unsigned int refinements)
  {
    test::Parameters p(
      "subsection Geometry\nset Dimension = " + std::to_string(dim) +
      "\nset Coordinate system = cartesian\nset Mesh generator = particle in box\n"
      "set Coating thickness [m] = 0\nset Global refinements = " +
      std::to_string(refinements) + "\nend\n");
    auto                      &run = p.parse();
    dealii::Triangulation<dim> tria;
    create_mesh(p.prm, run.geometry, tria);
    dealii::MappingQ<dim>    mapping(2);
    ElectrochemicalCell<dim> problem(tria, mapping, degree, run.geometry.coordinate_system,
                                     run.materials, run.cell);
    problem.setup();

    const auto  &am    = run.materials.active;
    const double c_max = am.max_concentration, D = am.diffusivity->value(0.5);
    const double sigma = run.materials.electrolyte.conductivity;
    const double T = run.cell.temperature_K, U_a = run.materials.anode.potential_vs_li;
    const double phi_s = am.ocp->value(0.5) - U_a + 0.01;
    const ParticleReaction reaction(am, U_a, T, 0.);
    auto c_ex = [&](const dealii::Point<dim> &x) { return c_max * (0.5 + 0.2 * shape_c(x)); };
    auto phi_ex = [&](const dealii::Point<dim> &x) { return 0.01 * shape_phi(x); };
    auto i_n_ex = [&](const dealii::Point<dim> &x) {
      return reaction.evaluate(c_ex(x), phi_s, phi_ex(x), 1., 1.).current.val();
    };

    ManufacturedSources<dim> sources;
    sources.active_material = [&](const dealii::Point<dim> &x) {
      return D * c_max * 0.2 * dim * k * k * shape_c(x);
    };
    sources.electrolyte = [&](const dealii::Point<dim> &x) {
      return sigma * dim * k * k * phi_ex(x);
    };
    sources.active_material_face = [&](const dealii::Point<dim>     &x,
                                       const dealii::Tensor<1, dim> &n) {
      dealii::Tensor<1, dim> g;
      shape_c(x, &g);
      return D * c_max * 0.2 * (g * n) + i_n_ex(x) / constants::faraday;
    };
    sources.electrolyte_face = [&](const dealii::Point<dim>     &x,
                                   const dealii::Tensor<1, dim> &n) {
      dealii::Tensor<1, dim> g;
      shape_phi(x, &g);
      double s = sigma * 0.01 * (g * n);
      if (std::abs(x.norm() - radius) < 1e-2 * radius) // the particle surface
        s -= i_n_ex(x);
      if (std::abs(x[dim - 1] + box / 2.) < 1e-9 * box) // the anode
        s -= anode_current(run.materials.anode.exchange_current, T, phi_ex(x), 1.).val();
      return s;
    };
    problem.set_manufactured_sources(&sources);

    // Steady state (a0 = 0, no history) at the held potential phi_s.
    LA::Vector x = problem.owned_vector(), history = problem.owned_vector();
    problem.set_initial_state(0.5 * c_max, x);
    StepDrive      drive{0., 0., phi_s};
    NewtonControls controls;
    controls.linear_solver.type = "direct";
    const NewtonResult result = problem.solve_step(x, history, 0., 1., drive, phi_s, controls);
    EXPECT_TRUE(result.converged);
    LA::Vector ghosted = problem.ghosted_vector();
    ghosted            = x;
    dealii::ScalarFunctionFromFunctionObject<dim> c_function(c_ex), phi_function(phi_ex);
    const auto errors = problem.field_errors(ghosted, c_function, phi_function);
    std::cout << dim << "D Q" << degree << " refinement " << refinements << ": |e_c| "
              << errors.first << ", |e_phi| " << errors.second << " ("
              << problem.get_dof_handler().n_dofs() << " unknowns)\n";
    return errors;
  }

  // Orders between successive refinements; checks the last `n_checked`.
  template <int dim>
  void
  expect_order(unsigned int degree, unsigned int first, unsigned int last, double order)
  {
    std::vector<std::pair<double, double>> e;
    for (unsigned int r = first; r <= last; ++r)
      e.push_back(manufactured_errors<dim>(degree, r));
    for (unsigned int i = 0; i + 1 < e.size(); ++i)
      {
        const double oc = std::log2(e[i].first / e[i + 1].first);
        const double op = std::log2(e[i].second / e[i + 1].second);
        std::cout << "  orders c " << oc << ", phi_e " << op << "\n";
        if (i + 2 == e.size())
          {
            EXPECT_GE(oc, order);
            EXPECT_GE(op, order);
          }
      }
  }
} // namespace

// Optimal orders are p + 1; the asserted bounds allow 0.15 for the
// pre-asymptotic meshes that fit in a unit test.
TEST(ManufacturedSolution, Interface2DQ1)
{
  expect_order<2>(1, 1, 4, 1.85);
}

TEST(ManufacturedSolution, Interface2DQ2)
{
  expect_order<2>(2, 1, 3, 2.85);
}

TEST(ManufacturedSolution, Interface3DQ1)
{
  expect_order<3>(1, 1, 3, 1.85);
}

TEST(ManufacturedSolution, Interface3DQ2)
{
  expect_order<3>(2, 1, 2, 2.85);
}
