// The Newton Jacobian of the diffusion step against central finite
// differences of the residual, with a concentration-dependent D(theta), on
// 1D spherical, 2D axisymmetric and 3D meshes.

#include <deal.II/fe/mapping_q.h>
#include <deal.II/grid/tria.h>

#include <gtest/gtest.h>

#include <meshes/mesh_generator.h>
#include <solver/cell_models/active_material_diffusion.h>

#include <cmath>

#include "test_helpers.h"

using namespace ssbcell;

namespace
{
  template <int dim>
  double
  jacobian_mismatch(const std::string &geometry)
  {
    test::Parameters p(
      geometry +
      "subsection Materials\nsubsection Active material\nset Diffusivity model = "
      "expression\nsubsection Diffusivity expression\nset Function of theta [m^2/s] = "
      "D_ref*(1 + 4*theta^2 + sin(3*theta))\nend\nend\nend\n"
      "subsection Discretization\nset Finite element degree = 2\nend\n");
    auto                      &run = p.parse();
    dealii::Triangulation<dim> tria;
    create_mesh(p.prm, run.geometry, tria);
    dealii::MappingQ<dim>        mapping(2);
    ActiveMaterialDiffusion<dim> problem(tria, mapping, 2, run.geometry.coordinate_system,
                                         run.materials);
    problem.setup();

    // A smooth, non-uniform state and direction, from the DoF index.
    const double c_max = run.materials.active.max_concentration;
    LA::Vector   c = problem.owned_vector(), v = problem.owned_vector(),
               history = problem.owned_vector();
    for (const auto i : c.locally_owned_elements())
      {
        c(i)       = c_max * (0.5 + 0.3 * std::sin(0.7 * i));
        v(i)       = c_max * std::cos(1.3 * i);
        history(i) = -c_max * (0.4 + 0.1 * std::cos(0.3 * i));
      }
    c.compress(dealii::VectorOperation::insert);
    v.compress(dealii::VectorOperation::insert);
    history.compress(dealii::VectorOperation::insert);
    const double a0 = 1.5, dt = 10., flux = 1e-5;

    auto residual = [&](double eps) {
      LA::Vector shifted(c);
      shifted.add(eps, v);
      LA::Vector ghosted_c = problem.ghosted_vector(), ghosted_h = problem.ghosted_vector();
      ghosted_c    = shifted;
      ghosted_h    = history;
      LA::Vector r = problem.owned_vector();
      problem.assemble_residual(ghosted_c, ghosted_h, a0, dt, flux, r);
      return r;
    };
    LA::Vector ghosted_c = problem.ghosted_vector();
    ghosted_c            = c;
    problem.assemble_jacobian(ghosted_c, a0, dt);
    LA::Vector jv = problem.owned_vector();
    problem.jacobian().vmult(jv, v);

    // Central differences: truncation error O(eps^2) with eps = 1e-4 of v's
    // size, round-off about 1e-16 |R| / 1e-4; both far below 1e-6.
    const double eps = 1e-4;
    LA::Vector   fd  = residual(eps);
    fd.add(-1., residual(-eps));
    fd /= 2. * eps;
    fd.add(-1., jv);
    return fd.l2_norm() / jv.l2_norm();
  }
} // namespace

TEST(Jacobian, SphericalParticleWithVariableDiffusivity)
{
  EXPECT_LT(jacobian_mismatch<1>("subsection Geometry\nset Global refinements = 1\nend\n"),
            1e-6);
}

TEST(Jacobian, AxisymmetricParticle)
{
  EXPECT_LT(jacobian_mismatch<2>("subsection Geometry\nset Dimension = 2\nset Coordinate "
                                 "system = axisymmetric\nset Mesh generator = particle in "
                                 "box\nset Global refinements = 1\nend\n"),
            1e-6);
}

TEST(Jacobian, Ball)
{
  EXPECT_LT(jacobian_mismatch<3>("subsection Geometry\nset Dimension = 3\nset Coordinate "
                                 "system = cartesian\nset Mesh generator = particle in "
                                 "box\nend\n"),
            1e-6);
}
