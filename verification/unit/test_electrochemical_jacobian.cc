// The Newton system of the electrochemical cell against central finite
// differences: the Jacobian J, the border vectors dR/dphi_s and dg/dx, and
// dg/dphi_s, for a state away from equilibrium, in 1D spherical (lumped
// anode), 2D axisymmetric and 3D (anode boundary with Butler-Volmer); and
// for the binary electrolyte (c_e rows, c_e-dependent exchange currents) and
// the thin-layer coating (the implicitly solved film current); and with a
// contact fraction and OCP shift that vary over the surface.

#include <deal.II/fe/mapping_q.h>
#include <deal.II/grid/tria.h>

#include <gtest/gtest.h>

#include <meshes/contact_edge_refinement.h>
#include <meshes/mesh_generator.h>
#include <physics/coating_contact.h>
#include <solver/cell_models/electrochemical_cell.h>

#include <cmath>

#include "test_helpers.h"

using namespace ssbcell;

namespace
{
  // Relative mismatch of the c rows, of the phi_e rows, of the c_e rows
  // (measured apart: their scales differ by orders of magnitude; 0 without
  // c_e), of the constraint, and of the resolved phi_s rows (0 without).
  struct Mismatch
  {
    double c_rows, phi_rows, ce_rows, constraint, phis_rows;
  };

  // `extra` adds settings (a model, a thin layer) to the base case;
  // `coupling` what the mechanics would impose on the reaction (a_c and the
  // OCP shift), if given.
  template <int dim>
  Mismatch
  system_mismatch(const std::string                                         &geometry,
                  const std::string                                         &extra    = "",
                  typename ElectrochemicalCell<dim>::SurfaceCouplingFunction coupling = {})
  {
    test::Parameters p(
      geometry +
      "subsection Materials\nsubsection Active material\nset Diffusivity model = "
      "expression\nsubsection Diffusivity expression\nset Function of theta [m^2/s] = "
      "D_ref*(1 + 4*theta^2)\nend\nset Anodic transfer coefficient = 0.4\nend\n"
      "subsection Coating\nset Ionic conductivity [S/m] = 1e-3\nend\nend\n"
      "subsection Cell\nset Separator thickness [m] = 5e-5\nend\n"
      "subsection Discretization\nset Finite element degree = 2\nend\n" +
      extra);
    auto                      &run = p.parse();
    dealii::Triangulation<dim> tria;
    const auto                 classes = create_mesh(p.prm, run.geometry, tria);
    dealii::MappingQ<dim>      mapping(2);
    if constexpr (dim > 1)
      if (run.geometry.contact_edge_refinements > 0)
        {
          const auto &contact = *run.materials.coating_options.electrolyte_contact;
          refine_at_contact_edges<dim>(tria, mapping, run.geometry.contact_edge_refinements,
                                       [&contact](const dealii::Tensor<1, dim> &n) {
                                         return contact_fraction_at(contact, n);
                                       });
        }
    ElectrochemicalCell<dim> problem(tria, mapping, 2, run.geometry.coordinate_system,
                                     run.materials, run.cell, classes,
                                     run.geometry.coating_thickness);
    problem.setup();
    if (coupling)
      problem.set_surface_coupling(coupling, true);

    // A non-uniform state: c around theta = 0.4-0.6, phi_e of some mV, c_e
    // within 20 % of c_ref.
    const double c_max = run.materials.active.max_concentration;
    const double c_ref = run.materials.electrolyte.concentration;
    LA::Vector   x = problem.owned_vector(), v = problem.owned_vector(),
               history = problem.owned_vector();
    LA::Vector c_part  = problem.owned_vector();
    // 1 on c, c_ref on c_e, 0 on phi_e, the open-circuit voltage on phi_s.
    const double ocv   = problem.set_initial_state(1., c_part);
    auto         block = [&](unsigned int i) {
      return c_part(i) == 1. ? 0u : c_part(i) == 0. ? 1u : c_part(i) == ocv ? 3u : 2u;
    };
    for (const auto i : x.locally_owned_elements())
      {
        const unsigned int b = block(i);
        x(i)                 = b == 0 ? c_max * (0.5 + 0.1 * std::sin(0.7 * i)) :
                               b == 1 ? 0.01 * std::cos(0.9 * i) :
                               b == 3 ? 3.41 + 0.01 * std::cos(0.8 * i) :
                                        c_ref * (1. + 0.2 * std::sin(1.1 * i));
        v(i)                 = b == 0           ? c_max * std::cos(1.3 * i) :
                               b == 1 || b == 3 ? 0.1 * std::sin(0.4 * i) :
                                                  c_ref * std::cos(0.6 * i);
        history(i)           = b == 0 ? -c_max * 0.45 : b == 2 ? -1.4 * c_ref : 0.;
      }
    x.compress(dealii::VectorOperation::insert);
    v.compress(dealii::VectorOperation::insert);
    history.compress(dealii::VectorOperation::insert);
    // A state and direction that satisfy the constraints (a population's
    // shared electrolyte node); the constrained rows are not equations.
    const auto &constraints = problem.get_constraints();
    constraints.distribute(x);
    constraints.distribute(v);
    const double a0 = 1.5, dt = 10., phi_s = 3.41, dphi = 0.05, current = -2e-9;

    using System  = typename ElectrochemicalCell<dim>::System;
    auto evaluate = [&](double eps, bool jacobian, System &sys) {
      LA::Vector shifted(x);
      shifted.add(eps, v);
      LA::Vector xg = problem.ghosted_vector(), hg = problem.ghosted_vector();
      xg           = shifted;
      hg           = history;
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
    double error[4] = {0., 0., 0., 0.}, norm[4] = {0., 0., 0., 0.};
    for (const auto i : fd.locally_owned_elements())
      if (!constraints.is_constrained(i))
        {
          error[block(i)] += fd(i) * fd(i);
          norm[block(i)] += jv(i) * jv(i);
        }
    const double fd_g = (plus.constraint - minus.constraint) / (2. * eps);
    return {std::sqrt(error[0] / norm[0]), std::sqrt(error[1] / norm[1]),
            norm[2] > 0. ? std::sqrt(error[2] / norm[2]) : 0.,
            std::abs(fd_g - gv) / std::abs(gv),
            norm[3] > 0. ? std::sqrt(error[3] / norm[3]) : 0.};
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

// Three particle classes (radii, volume fractions and contact fractions
// differ) sharing phi_s and the lumped electrolyte node.
TEST(ElectrochemicalJacobian, ParticlePopulation1D)
{
  const auto m = system_mismatch<1>(
    "subsection Geometry\nsubsection Spherical particle\nset Cells in active material = 6\n"
    "set Particle class radii [m] = 1e-6, 2e-6, 3e-6\n"
    "set Particle class volume fractions = 0.2, 0.5, 0.3\n"
    "set Particle class contact fractions = 1, 0.7, 0.4\nend\nend\n");
  EXPECT_LT(m.c_rows, 1e-8);
  EXPECT_LT(m.phi_rows, 1e-8);
  EXPECT_LT(m.constraint, 1e-8);
}

// A coating with its own potential behind an ion-transfer resistance
// (R_t = 1e-3 ohm m^2: a jump of several RT/F), 1D with an electrolyte
// shell and 2D axisymmetric with the anode.
TEST(ElectrochemicalJacobian, IonTransferResistance)
{
  const std::string transfer =
    "subsection Materials\nsubsection Coating\nset Ion-transfer resistance [ohm m^2] = 1e-3\n"
    "end\nend\n";
  const auto m1 = system_mismatch<1>(
    "subsection Geometry\nsubsection Spherical particle\n"
    "set Electrolyte shell thickness [m] = 1e-6\nset Cells in active material = 8\n"
    "end\nend\n",
    transfer);
  EXPECT_LT(m1.c_rows, 1e-8);
  EXPECT_LT(m1.phi_rows, 1e-8);
  EXPECT_LT(m1.constraint, 1e-8);
  const auto m2 = system_mismatch<2>(
    "subsection Geometry\nset Dimension = 2\nset Coordinate system = axisymmetric\n"
    "set Mesh generator = particle in box\nset Coating thickness [m] = 2e-7\nend\n",
    transfer);
  EXPECT_LT(m2.c_rows, 1e-8);
  EXPECT_LT(m2.phi_rows, 1e-8);
  EXPECT_LT(m2.constraint, 1e-8);
}

// Contact on patches: the coating touches the electrolyte only on two polar
// caps (the ion-transfer term weighted by the pattern, 2D axisymmetric),
// and a 1D population whose classes react behind the spreading resistance
// of their contacts (the film-like implicit current of each class).
TEST(ElectrochemicalJacobian, CoatingContactPatterns)
{
  // The caps' edges (30 degrees) cross cells, refined once there: hanging
  // nodes in the coating, particle and electrolyte.
  const auto m2 = system_mismatch<2>(
    "subsection Geometry\nset Dimension = 2\nset Coordinate system = axisymmetric\n"
    "set Mesh generator = particle in box\nset Coating thickness [m] = 2e-7\n"
    "set Refinements at contact edges = 1\nend\n",
    "subsection Materials\nsubsection Coating\nset Ion-transfer resistance [ohm m^2] = 1e-4\n"
    "subsection Electrolyte contact\nset Pattern = polar caps\nsubsection Polar caps\n"
    "set Cap half-angle [deg] = 30\nset Number of caps = 2\nend\nend\nend\nend\n");
  EXPECT_LT(m2.c_rows, 1e-8);
  EXPECT_LT(m2.phi_rows, 1e-8);
  EXPECT_LT(m2.constraint, 1e-8);
  const auto m1 = system_mismatch<1>(
    "subsection Geometry\nset Coating thickness [m] = 5e-8\nsubsection Spherical particle\n"
    "set Cells in active material = 6\nset Contact classes = 3\n"
    "set Contact fraction median = 0.01\nset Contact fraction spread [decades] = 1\n"
    "end\nend\n",
    "subsection Materials\nsubsection Coating\nset Ionic conductivity [S/m] = 1e-4\n"
    "subsection Electrolyte contact\nset Lateral transport from class contacts = true\n"
    "end\nend\nend\n");
  EXPECT_LT(m1.c_rows, 1e-8);
  EXPECT_LT(m1.phi_rows, 1e-8);
  EXPECT_LT(m1.constraint, 1e-8);
}

// A resolved electronic potential in the active-material layer of a planar
// cell, held on the collector by Nitsche's method.
TEST(ElectrochemicalJacobian, ResolvedElectronicPotentialPlanar2D)
{
  const auto m = system_mismatch<2>(
    "subsection Geometry\nset Dimension = 2\nset Coordinate system = cartesian\n"
    "set Mesh generator = planar cell\nset Coating thickness [m] = 0\n"
    "subsection Planar cell\nset Cells across = 2\nset Cells in electrolyte = 3\n"
    "set Cells in active material = 2\nend\nend\n",
    "subsection Materials\nsubsection Electronic conduction\nset Model = resolved\n"
    "set Active material conductivity [S/m] = 0.01\nend\nend\n");
  EXPECT_LT(m.c_rows, 1e-8);
  EXPECT_LT(m.phi_rows, 1e-8);
  EXPECT_GT(m.phis_rows, 0.); // the phi_s rows exist and are measured
  EXPECT_LT(m.phis_rows, 1e-8);
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

// Contact fractions and OCP shifts that vary over the surface, as the
// mechanics sets them: fixed within a Newton solve, so they scale and shift
// the kinetics without new derivatives.
TEST(ElectrochemicalJacobian, SurfaceCouplingAxisymmetric)
{
  using Cell   = ElectrochemicalCell<2>;
  const auto m = system_mismatch<2>(
    "subsection Geometry\nset Dimension = 2\nset Coordinate system = axisymmetric\n"
    "set Mesh generator = particle in box\nset Global refinements = 1\nend\n",
    "", [](const Cell::CellIterator &c, unsigned int, unsigned int q) {
      const double z = c->center()[1] / 2e-6;
      return Cell::SurfaceCoupling{0.2 + 0.6 * z * z + 0.01 * q, 0.02 * z};
    });
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

// A binary electrolyte (t+ = 0.3) in a planar cell: c_e rows, the
// c_e-dependent exchange currents of particle and anode.
TEST(ElectrochemicalJacobian, BinaryElectrolytePlanar2D)
{
  const auto m = system_mismatch<2>(
    "subsection Geometry\nset Dimension = 2\nset Coordinate system = cartesian\n"
    "set Mesh generator = planar cell\nset Coating thickness [m] = 0\n"
    "subsection Planar cell\nset Cells across = 2\nset Cells in electrolyte = 3\n"
    "set Cells in active material = 2\nend\nend\n",
    "subsection Materials\nsubsection Electrolyte\nset Model = binary\n"
    "set Ionic conductivity [S/m] = 0.01\nset Li+ concentration [mol/m^3] = 1000\n"
    "set Transference number = 0.3\nend\nend\n");
  EXPECT_LT(m.c_rows, 1e-8);
  EXPECT_LT(m.phi_rows, 1e-8);
  EXPECT_GT(m.ce_rows, 0.); // the c_e rows exist and are measured
  EXPECT_LT(m.ce_rows, 1e-8);
  EXPECT_LT(m.constraint, 1e-8);
}

// A thin-layer coating on a particle without a resolved coating: the film
// current is solved at each point and differentiated implicitly (L/sigma =
// 2e-3 ohm m^2: a film drop of several RT/F, so its derivative matters); with the
// constant exchange-current model.
TEST(ElectrochemicalJacobian, ThinLayerCoatingAxisymmetric)
{
  const auto m = system_mismatch<2>(
    "subsection Geometry\nset Dimension = 2\nset Coordinate system = axisymmetric\n"
    "set Mesh generator = particle in box\nset Coating thickness [m] = 0\nend\n",
    "subsection Materials\nsubsection Coating\nset Thin-layer thickness [m] = 2e-6\n"
    "end\nsubsection Active material\nset Exchange current model = constant\nend\nend\n");
  EXPECT_LT(m.c_rows, 1e-8);
  EXPECT_LT(m.phi_rows, 1e-8);
  EXPECT_LT(m.constraint, 1e-8);
}
