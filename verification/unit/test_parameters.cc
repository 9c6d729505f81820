// Parameter files: defaults, syntax errors with file and line, range checks,
// --set overrides, and the canonical names of docs/parameters.md.

#include <gtest/gtest.h>

#include <physics/input_error.h>

#include "test_helpers.h"

using ssbcell::InputError;
using ssbcell::test::Parameters;

namespace
{
  // Returns the error thrown while reading `text`, or fails the test.
  InputError
  read_error(const std::string &text)
  {
    try
      {
        Parameters p(text);
        p.parse();
      }
    catch (const InputError &e)
      {
        return e;
      }
    ADD_FAILURE() << "no InputError for:\n" << text;
    return InputError("none");
  }
} // namespace

TEST(Parameters, EmptyFileMeansAllDefaults)
{
  Parameters p("");
  auto      &run = p.parse();
  EXPECT_EQ(run.geometry.dimension, 1u);
  EXPECT_DOUBLE_EQ(run.geometry.particle_radius, 2e-6);
  EXPECT_DOUBLE_EQ(run.geometry.coating_thickness, 7.5e-9);
  EXPECT_DOUBLE_EQ(run.materials.active.max_concentration, 35380.);
  EXPECT_DOUBLE_EQ(run.materials.coating.conductivity, 3.87e-3);
  EXPECT_DOUBLE_EQ(run.materials.electrolyte.conductivity, 0.28);
  EXPECT_DOUBLE_EQ(run.materials.anode.potential_vs_li, 0.62);
  EXPECT_EQ(run.protocol.steps.size(), 3u);
  // 160 mAh/g at 8 mg/cm^2 is 1.28 mA/cm^2 = 12.8 A/m^2 (exact arithmetic).
  EXPECT_NEAR(run.cell.one_c_current(), 12.8, 1e-12);
}

TEST(Parameters, CanonicalNamesExist)
{
  Parameters p;
  for (const char *name : {"Geometry/Particle radius [m]", "Geometry/Coating thickness [m]",
                           "Materials/Active material/Diffusivity [m^2/s]",
                           "Materials/Active material/Maximum concentration [mol/m^3]",
                           "Materials/Active material/Initial stoichiometry",
                           "Materials/Coating/Ionic conductivity [S/m]",
                           "Materials/Electrolyte/Ionic conductivity [S/m]",
                           "Mechanics/Stack pressure [Pa]", "Protocol/Steps"})
    EXPECT_FALSE(p.reader->pattern_of(name).empty()) << name;
}

TEST(Parameters, RemembersWhereAValueWasSet)
{
  Parameters p("# comment\nsubsection Geometry\n  set Particle radius [m] = 3e-6\nend\n");
  EXPECT_DOUBLE_EQ(p.parse().geometry.particle_radius, 3e-6);
  const auto [file, line] = p.reader->location("Geometry/Particle radius [m]");
  EXPECT_EQ(file, "test.prm");
  EXPECT_EQ(line, 3u);
}

TEST(Parameters, ContinuationLinesAndComments)
{
  Parameters p("subsection Protocol\n  set Steps = Charge at 1C until 3.7 V; \\\n"
               "    Rest for 1 h  # a comment\nend\n");
  EXPECT_EQ(p.parse().protocol.steps.size(), 2u);
}

TEST(Parameters, UnknownSubsectionNamesTheLine)
{
  const auto e = read_error("\nsubsection Geometri\nend\n");
  EXPECT_EQ(e.line, 2u);
  EXPECT_NE(std::string(e.what()).find("Geometri"), std::string::npos);
}

TEST(Parameters, UnknownName)
{
  const auto e = read_error("subsection Geometry\n  set Particle radius = 1\nend\n");
  EXPECT_EQ(e.line, 2u);
  EXPECT_NE(std::string(e.what()).find("unknown parameter"), std::string::npos);
}

TEST(Parameters, TextWhereANumberBelongs)
{
  const auto e = read_error("subsection Geometry\n  set Particle radius [m] = big\nend\n");
  EXPECT_EQ(e.line, 2u);
  EXPECT_NE(e.hint.find("a number"), std::string::npos) << e.hint;
}

TEST(Parameters, UnterminatedSubsection)
{
  const auto e = read_error("subsection Geometry\n  set Dimension = 1\n");
  EXPECT_NE(std::string(e.what()).find("not closed"), std::string::npos);
}

TEST(Parameters, EndWithoutSubsection)
{
  EXPECT_EQ(read_error("end\n").line, 1u);
}

TEST(Parameters, BinaryGarbage)
{
  const auto e = read_error(std::string("\x7f\x45\x4c\x46\x02\x01\x01\x00\xff\xfe", 10));
  EXPECT_EQ(e.line, 1u);
}

TEST(Parameters, NegativeRadiusIsOutOfRange)
{
  const auto e = read_error("subsection Geometry\n  set Particle radius [m] = -2e-6\nend\n");
  EXPECT_EQ(e.parameter_path, "Geometry/Particle radius [m]");
}

TEST(Parameters, StoichiometryOutsideZeroOne)
{
  for (const char *value : {"1.2", "-0.1"})
    {
      const auto e = read_error(std::string("subsection Materials\nsubsection Active "
                                            "material\nset Initial stoichiometry = ") +
                                value + "\nend\nend\n");
      EXPECT_EQ(e.parameter_path, "Materials/Active material/Initial stoichiometry");
    }
}

TEST(Parameters, CoatingThickerThanParticle)
{
  const auto e = read_error("subsection Geometry\nset Coating thickness [m] = 1e-5\nend\n");
  EXPECT_EQ(e.parameter_path, "Geometry/Coating thickness [m]");
}

TEST(Parameters, NonPositiveConductivityAndMaximumConcentration)
{
  EXPECT_EQ(read_error("subsection Materials\nsubsection Coating\nset Ionic conductivity "
                       "[S/m] = 0\nend\nend\n")
              .parameter_path,
            "Materials/Coating/Ionic conductivity [S/m]");
  EXPECT_EQ(read_error("subsection Materials\nsubsection Active material\nset Maximum "
                       "concentration [mol/m^3] = 0\nend\nend\n")
              .parameter_path,
            "Materials/Active material/Maximum concentration [mol/m^3]");
}

TEST(Parameters, MalformedProtocolPointsAtSteps)
{
  const auto e = read_error("subsection Protocol\nset Steps = Charge at fast\nend\n");
  EXPECT_EQ(e.parameter_path, "Protocol/Steps");
}

TEST(Parameters, HoldStepIsRead)
{
  Parameters  p("subsection Protocol\nset Steps = Hold at 3.7 V until C/50\nend\n");
  const auto &run = p.parse();
  ASSERT_EQ(run.protocol.steps.size(), 1u);
  EXPECT_EQ(run.protocol.steps[0].kind, ssbcell::StepKind::hold);
  EXPECT_DOUBLE_EQ(run.protocol.steps[0].hold_voltage_V, 3.7);
}

TEST(Parameters, NonPositiveDiffusivityExpression)
{
  const auto e = read_error(
    "subsection Materials\nsubsection Active material\nset Diffusivity model = "
    "expression\nsubsection Diffusivity expression\nset Function of theta [m^2/s] = "
    "D_ref*(0.5-theta)\nend\nend\nend\n");
  EXPECT_NE(e.parameter_path.find("Diffusivity expression"), std::string::npos);
}

TEST(Parameters, OverrideWithSlashInsideTheUnit)
{
  Parameters p;
  p.reader->apply_override("Materials/Active material/Diffusivity [m^2/s]=1e-14", 1);
  EXPECT_DOUBLE_EQ(p.parse().materials.active.diffusivity->value(0.5), 1e-14);
  EXPECT_EQ(p.reader->location("Materials/Active material/Diffusivity [m^2/s]").first,
            "--set #1");
}

TEST(Parameters, OverrideErrors)
{
  Parameters p;
  EXPECT_THROW(p.reader->apply_override("Geometry/Particle radius [m]", 1), InputError);
  EXPECT_THROW(p.reader->apply_override("Nowhere/Name=1", 1), InputError);
  EXPECT_THROW(p.reader->apply_override("Geometry/Radius=1", 1), InputError);
}

TEST(Parameters, DimensionAndCoordinateSystemMustAgree)
{
  const auto e = read_error("subsection Geometry\nset Dimension = 3\nend\n");
  EXPECT_EQ(e.parameter_path, "Geometry/Coordinate system");
}
