// The Newton system of the electrochemical cell against central finite
// differences: the Jacobian J, the border vectors dR/dphi_s and dg/dx, and
// dg/dphi_s, for a state away from equilibrium, in 1D spherical (lumped
// anode), 2D axisymmetric and 3D (anode boundary with Butler-Volmer).

#include <deal.II/fe/mapping_q.h>
#include <deal.II/grid/tria.h>

#include <gtest/gtest.h>

#include <meshes/mesh_generator.h>
#include <solver/electrochemical_cell.h>

#include <cmath>

#include "test_helpers.h"

using namespace ssbcell;

namespace
{
  // Relative mismatch of the c rows, of the phi_e rows (measured apart:
  // their scales differ by orders of magnitude) and of the constraint.
  struct Mismatch
  {
    double c_rows, phi_rows, constraint;
  };

  template <int dim>
  Mismatch
  system_mismatch(const std::string &geometry)
  {
    test::Parameters p(
      geometry +
      "subsection Materials\nsubsection Active material\nset Diffusivity model = "
      "expression\nsubsection Diffusivity expression\nset Function of theta [m^2/s] = "
      "D_ref*(1 + 4*theta^2)\nend\nset Anodic transfer coefficient = 0.4\nend\n"
      "subsection Coating\nset Ionic conductivity [S/m] = 1e-3\nend\nend\n"
      "subsection Cell\nset Separator thickness [m] = 5e-5\nend\n"
      "subsection Discretization\nset Finite element degree = 2\nend\n");
    auto                      &run = p.parse();
    dealii::Triangulation<dim> tria;
    create_mesh(p.prm, run.geometry, tria);
    dealii::MappingQ<dim>    mapping(2);
    ElectrochemicalCell<dim> problem(tria, mapping, 2, run.geometry.coordinate_system,
                                     run.materials, run.cell);
    problem.setup();

    // A non-uniform state: c around theta = 0.4-0.6, phi_e of some mV.
    const double c_max = run.materials.active.max_concentration;
    LA::Vector   x = problem.owned_vector(), v = problem.owned_vector(),
               history = problem.owned_vector();
    LA::Vector   c_part = problem.owned_vector();
    problem.set_initial_state(1., c_part); // 1 on c DoFs, 0 on phi_e DoFs
    for (const auto i : x.locally_owned_elements())
      {
        const bool is_c = c_part(i) == 1.;
        x(i) = is_c ? c_max * (0.5 + 0.1 * std::sin(0.7 * i)) : 0.01 * std::cos(0.9 * i);
        v(i) = is_c ? c_max * std::cos(1.3 * i) : 0.1 * std::sin(0.4 * i);
        history(i) = is_c ? -c_max * 0.45 : 0.;
      }
    x.compress(dealii::VectorOperation::insert);
    v.compress(dealii::VectorOperation::insert);
    history.compress(dealii::VectorOperation::insert);
    const double a0 = 1.5, dt = 10., phi_s = 3.41, dphi = 0.05, current = -2e-9;

    using System = typename ElectrochemicalCell<dim>::System;
    auto evaluate = [&](double eps, bool jacobian, System &sys) {
      LA::Vector shifted(x);
      shifted.add(eps, v);
      LA::Vector xg = problem.ghosted_vector(), hg = problem.ghosted_vector();
      xg = shifted;
      hg = history;
      sys.residual = problem.owned_vector();
      sys.db       = problem.owned_vector();
      sys.dc       = problem.owned_vector();
      problem.assemble(xg, hg, a0, dt, phi_s + eps * dphi, current, jacobian, sys);
    };
    System exact, plus, minus;
    evaluate(0., true, exact);
    LA::Vector jv = problem.owned_vector();
    problem.jacobian().vmult(jv, v);
    jv.add(dphi, exact.db); // J v + (dR/dphi_s) dphi
    const double gv = exact.dc * v + exact.dd * dphi;

    // Central differences: truncation O(eps^2) of the exponentials' scale
    // (eps * 0.1 V against RT/F = 26 mV); measured at most 1.3e-9 relative,
    // so 1e-8 is asserted. (A sign error in the interface phi-phi block alone
    // gives 3e-6 in the phi rows.)
    const double eps = 1e-5;
    evaluate(eps, false, plus);
    evaluate(-eps, false, minus);
    LA::Vector fd(plus.residual);
    fd.add(-1., minus.residual);
    fd /= 2. * eps;
    fd.add(-1., jv);
    double error[2] = {0., 0.}, norm[2] = {0., 0.};
    for (const auto i : fd.locally_owned_elements())
      {
        const unsigned int block = c_part(i) == 1. ? 0 : 1;
        error[block] += fd(i) * fd(i);
        norm[block] += jv(i) * jv(i);
      }
    const double fd_g = (plus.constraint - minus.constraint) / (2. * eps);
    return {std::sqrt(error[0] / norm[0]), std::sqrt(error[1] / norm[1]),
            std::abs(fd_g - gv) / std::abs(gv)};
  }
} // namespace

TEST(ElectrochemicalJacobian, CoatedParticleWithShell1D)
{
  const auto m = system_mismatch<1>(
    "subsection Geometry\nset Global refinements = 1\nsubsection Spherical particle\n"
    "set Electrolyte shell thickness [m] = 1e-6\nset Cells in active material = 8\n"
    "end\nend\n");
  EXPECT_LT(m.c_rows, 1e-8);
  EXPECT_LT(m.phi_rows, 1e-8);
  EXPECT_LT(m.constraint, 1e-8);
}

TEST(ElectrochemicalJacobian, AxisymmetricParticleWithAnode)
{
  const auto m = system_mismatch<2>(
    "subsection Geometry\nset Dimension = 2\nset Coordinate system = axisymmetric\n"
    "set Mesh generator = particle in box\nset Global refinements = 1\nend\n");
  EXPECT_LT(m.c_rows, 1e-8);
  EXPECT_LT(m.phi_rows, 1e-8);
  EXPECT_LT(m.constraint, 1e-8);
}

TEST(ElectrochemicalJacobian, BallInCubeWithAnode)
{
  const auto m = system_mismatch<3>(
    "subsection Geometry\nset Dimension = 3\nset Coordinate system = cartesian\n"
    "set Mesh generator = particle in box\nend\n");
  EXPECT_LT(m.c_rows, 1e-8);
  EXPECT_LT(m.phi_rows, 1e-8);
  EXPECT_LT(m.constraint, 1e-8);
}
