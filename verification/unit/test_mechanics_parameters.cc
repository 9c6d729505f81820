// The elastic parameters (defaults of docs/model.md 7, range checks that
// name the parameter) and the elasticity kernel at one point.

#include <gtest/gtest.h>

#include <physics/linear_elasticity.h>

#include "test_helpers.h"

using namespace ssbcell;

namespace
{
  std::string
  materials_text(const std::string &material, const std::string &setting)
  {
    return "subsection Materials\nsubsection " + material + "\nset " + setting +
           "\nend\nend\n";
  }

  // The parameter path of the error thrown while reading `text`.
  std::string
  error_path(const std::string &text)
  {
    try
      {
        test::Parameters p(text);
        p.parse();
      }
    catch (const InputError &e)
      {
        return e.parameter_path;
      }
    ADD_FAILURE() << "no InputError for:\n" << text;
    return "";
  }
} // namespace

TEST(MechanicsParameters, Defaults)
{
  test::Parameters p;
  const auto      &run = p.parse();
  const auto      &m   = run.materials;
  EXPECT_EQ(m.active.elastic.youngs_modulus, 140e9);
  EXPECT_EQ(m.active.elastic.poisson_ratio, 0.25);
  EXPECT_EQ(m.coating.elastic.youngs_modulus, 150e9);
  EXPECT_EQ(m.coating.elastic.poisson_ratio, 0.25);
  EXPECT_EQ(m.electrolyte.elastic.youngs_modulus, 22e9);
  EXPECT_EQ(m.electrolyte.elastic.poisson_ratio, 0.33);
  EXPECT_EQ(m.active.chemical_strain.partial_molar_volume, 1e-6);
  // 'initial': the initial concentration is stress-free.
  EXPECT_FALSE(m.active.chemical_strain.stress_free_concentration);
  EXPECT_DOUBLE_EQ(m.active.stress_free_concentration(),
                   m.active.initial_stoichiometry * m.active.max_concentration);
  EXPECT_FALSE(run.mechanics.enabled);
  EXPECT_EQ(run.mechanics.stack_pressure, 0.);
  EXPECT_EQ(run.mechanics.lateral, MechanicsParameters::Lateral::confined);
  EXPECT_EQ(run.mechanics.void_modulus, 0.);
  EXPECT_EQ(run.mechanics.solver, "auto");
  EXPECT_EQ(run.mechanics.contact_law, "constant");
  EXPECT_EQ(run.mechanics.powder_stiffness, "dense");
  ASSERT_TRUE(run.mechanics.powder_stiffness_model);
  EXPECT_FALSE(run.mechanics.powder_stiffness_model->varies_with_porosity());
  // Every solid is elastic unless given a yield stress.
  for (const auto *e :
       {&m.active.elastic, &m.coating.elastic, &m.electrolyte.elastic, &m.carbon.elastic})
    EXPECT_FALSE(e->yield.yields());
  // Dense carbon unless its aggregates' voids are given.
  EXPECT_EQ(m.carbon.aggregate_porosity, 0.);
  EXPECT_EQ(m.carbon.void_per_solid_volume(), 0.);
  EXPECT_EQ(run.mechanics.pressing_steps, 10u);
}

TEST(MechanicsParameters, ValuesAreRead)
{
  test::Parameters p(
    materials_text("Active material", "Stress-free concentration [mol/m^3] = 12000") +
    "subsection Materials\nsubsection Carbon\nset Young's modulus [Pa] = 5e9\n"
    "set Aggregate porosity = 0.75\nend\nend\n" +
    materials_text("Electrolyte",
                   "Yield stress [Pa] = 4e7\nset Hardening modulus [Pa] = 1e9") +
    "subsection Mechanics\nset Stack pressure [Pa] = 5e7\nset Lateral boundaries = "
    "traction-free\nset Void Young's modulus [Pa] = 1e6\nset Linear solver = cg-amg\n"
    "set Pressing steps = 4\nset Powder stiffness = contact network\nend\n");
  const auto &run = p.parse();
  EXPECT_EQ(*run.materials.active.chemical_strain.stress_free_concentration, 12000.);
  EXPECT_EQ(run.materials.active.stress_free_concentration(), 12000.);
  EXPECT_EQ(run.materials.carbon.elastic.youngs_modulus, 5e9);
  EXPECT_EQ(run.materials.carbon.aggregate_porosity, 0.75);
  EXPECT_DOUBLE_EQ(run.materials.carbon.void_per_solid_volume(), 3.); // 0.75 / 0.25
  EXPECT_EQ(run.materials.electrolyte.elastic.yield.yield_stress, 4e7);
  EXPECT_EQ(run.materials.electrolyte.elastic.yield.hardening_modulus, 1e9);
  EXPECT_EQ(run.mechanics.pressing_steps, 4u);
  EXPECT_EQ(run.mechanics.stack_pressure, 5e7);
  EXPECT_EQ(run.mechanics.lateral, MechanicsParameters::Lateral::traction_free);
  EXPECT_EQ(run.mechanics.void_modulus, 1e6);
  EXPECT_EQ(run.mechanics.solver, "cg-amg");
  EXPECT_EQ(run.mechanics.powder_stiffness, "contact network");
  ASSERT_TRUE(run.mechanics.powder_stiffness_model);
  EXPECT_TRUE(run.mechanics.powder_stiffness_model->varies_with_porosity());
}

TEST(MechanicsParameters, BadValuesNameTheParameter)
{
  EXPECT_EQ(error_path(materials_text("Electrolyte", "Poisson's ratio = 0.5")),
            "Materials/Electrolyte/Poisson's ratio");
  EXPECT_EQ(error_path(materials_text("Coating", "Poisson's ratio = -1")),
            "Materials/Coating/Poisson's ratio");
  EXPECT_EQ(error_path(materials_text("Active material", "Young's modulus [Pa] = 0")),
            "Materials/Active material/Young's modulus [Pa]");
  EXPECT_EQ(error_path(materials_text("Carbon", "Young's modulus [Pa] = 1e14")),
            "Materials/Carbon/Young's modulus [Pa]");
  // All void is no carbon: the voids per unit of solid would be infinite.
  EXPECT_EQ(error_path(materials_text("Carbon", "Aggregate porosity = 1")),
            "Materials/Carbon/Aggregate porosity");
  EXPECT_EQ(error_path(materials_text("Carbon", "Aggregate porosity = -0.1")),
            "Materials/Carbon/Aggregate porosity");
  EXPECT_EQ(error_path(
              materials_text("Active material", "Partial molar volume [m^3/mol] = 1")),
            "Materials/Active material/Partial molar volume [m^3/mol]");
  EXPECT_EQ(error_path(
              materials_text("Active material", "Stress-free concentration [mol/m^3] = lots")),
            "Materials/Active material/Stress-free concentration [mol/m^3]");
  EXPECT_EQ(error_path(
              materials_text("Active material", "Stress-free concentration [mol/m^3] = 1e6")),
            "Materials/Active material/Stress-free concentration [mol/m^3]");
  EXPECT_EQ(error_path(materials_text("Electrolyte", "Yield stress [Pa] = -1")),
            "Materials/Electrolyte/Yield stress [Pa]");
  // A yield stress above E: a unit mistake (MPa for Pa is the other way).
  EXPECT_EQ(error_path(materials_text("Electrolyte", "Yield stress [Pa] = 1e11")),
            "Materials/Electrolyte/Yield stress [Pa]");
  EXPECT_EQ(error_path(materials_text("Coating", "Hardening modulus [Pa] = -5")),
            "Materials/Coating/Hardening modulus [Pa]");
  EXPECT_EQ(error_path("subsection Mechanics\nset Stack pressure [Pa] = -1\nend\n"),
            "Mechanics/Stack pressure [Pa]");
  EXPECT_EQ(error_path("subsection Mechanics\nset Void Young's modulus [Pa] = -1\nend\n"),
            "Mechanics/Void Young's modulus [Pa]");
  // Enabled is read and accepted; the coupling needs the electrochemistry
  // model, which the input_error_mechanics_enabled case checks (a run).
}

TEST(MechanicsKernel, UniformExpansionInEveryCoordinateSystem)
{
  // u = k x is a uniform strain k I, whatever the coordinate system.
  const double k     = 1e-3;
  const auto   check = [&](auto x, CoordinateSystem system) {
    constexpr int          dim = decltype(x)::dimension;
    dealii::Tensor<2, dim> grad;
    for (unsigned int d = 0; d < dim; ++d)
      grad[d][d] = k;
    const auto eps = elasticity::strain(system, x, dealii::Tensor<1, dim>(x * k), grad);
    const unsigned int n = system == CoordinateSystem::cartesian ? dim : 3;
    for (unsigned int i = 0; i < 3; ++i)
      EXPECT_DOUBLE_EQ(eps[i][i], i < n ? k : 0.) << i;
  };
  check(dealii::Point<1>(2e-6), CoordinateSystem::spherical);
  check(dealii::Point<2>(1e-6, 3e-6), CoordinateSystem::axisymmetric);
  check(dealii::Point<2>(1e-6, 3e-6), CoordinateSystem::cartesian);
  check(dealii::Point<3>(1e-6, 3e-6, 2e-6), CoordinateSystem::cartesian);
}

TEST(MechanicsKernel, StressMeasures)
{
  ElasticProperties m;
  m.youngs_modulus = 100e9;
  m.poisson_ratio  = 0.3;
  // A free chemical strain eps0 I is stress-free.
  const double eps0 = 2e-3;
  EXPECT_LT(elasticity::stress(m, eps0 * dealii::unit_symmetric_tensor<3>(), eps0).norm(),
            1e-6);
  // Uniaxial stress s: von Mises |s|, hydrostatic s/3.
  elasticity::Tensor3 sigma;
  sigma[2][2] = -5e7;
  EXPECT_DOUBLE_EQ(elasticity::von_mises(sigma), 5e7);
  EXPECT_DOUBLE_EQ(elasticity::hydrostatic(sigma), -5e7 / 3.);
  // Pure shear tau: von Mises sqrt(3) tau.
  elasticity::Tensor3 shear;
  shear[0][1] = 1e7;
  EXPECT_NEAR(elasticity::von_mises(shear), std::sqrt(3.) * 1e7, 1e-3);
  // A pressure p: t_n = p on any face.
  const elasticity::Tensor3 pressure = -3e7 * dealii::unit_symmetric_tensor<3>();
  dealii::Tensor<1, 2>      n({0.6, -0.8});
  EXPECT_NEAR(elasticity::normal_traction(pressure, n), 3e7, 1e-6);
  // Lame constants: E = mu (3 lambda + 2 mu)/(lambda + mu).
  const double l = m.lame_lambda(), mu = m.shear_modulus();
  EXPECT_NEAR(mu * (3. * l + 2. * mu) / (l + mu), m.youngs_modulus, 1e-3);
  EXPECT_NEAR(3. * l + 2. * mu, m.three_bulk_modulus(), 1e-3);
}
