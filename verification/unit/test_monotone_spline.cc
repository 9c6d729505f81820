// Monotone cubic spline (physics/monotone_spline.h) and the open-circuit
// potential model 'tabulated' that reads its table from a CSV file.

#include <deal.II/base/parameter_handler.h>

#include <gtest/gtest.h>

#include <physics/input_error.h>
#include <physics/monotone_spline.h>
#include <physics/open_circuit_potential.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

using ssbcell::MonotoneCubicSpline;

TEST(MonotoneSpline, ReproducesDataPoints)
{
  const std::vector<double> x{0., 0.1, 0.35, 0.4, 0.8, 1.};
  const std::vector<double> y{1., 3., -2., 0.5, 0.5, 7.};
  const MonotoneCubicSpline s(x, y);
  // At a node the Hermite basis is exactly (1, 0, 0, 0): no rounding.
  for (std::size_t i = 0; i < x.size(); ++i)
    EXPECT_EQ(s.value(x[i]), y[i]) << "node " << i;
}

TEST(MonotoneSpline, ReproducesLinearFunctionEverywhere)
{
  // Unequal spacing; inside and outside the table.
  const std::vector<double> x{-1., -0.7, 0., 0.05, 0.9, 2.};
  std::vector<double>       y;
  for (const double xi : x)
    y.push_back(2. - 3. * xi);
  const MonotoneCubicSpline s(x, y);
  for (double xi = -2.; xi <= 3.; xi += 0.00731)
    {
      EXPECT_NEAR(s.value(xi), 2. - 3. * xi, 1e-13) << "x = " << xi;
      EXPECT_NEAR(s.derivative(xi), -3., 1e-12) << "x = " << xi;
    }
}

TEST(MonotoneSpline, MonotoneWithoutOvershootAtSharpStep)
{
  // A step (increasing) and a sharp drop like an OCP plateau edge
  // (decreasing); an ordinary cubic spline overshoots at both.
  const std::vector<double> x{0., 1., 2., 3., 3.1, 4., 5., 6.};
  for (const double sign : {1., -1.})
    {
      const std::vector<double> y{0., 0., 0.01, 0.02, 1., 1., 1.01, 1.02};
      std::vector<double>       ys;
      for (const double yi : y)
        ys.push_back(sign * yi);
      const MonotoneCubicSpline s(x, ys);
      double                    previous = s.value(x.front());
      for (double xi = x.front(); xi <= x.back(); xi += 1e-3)
        {
          const double v = s.value(xi);
          EXPECT_GE(sign * (v - previous), 0.) << "x = " << xi;
          EXPECT_GE(sign * s.derivative(xi), 0.) << "x = " << xi;
          EXPECT_GE(sign * v, 0.) << "x = " << xi;
          EXPECT_LE(sign * v, 1.02) << "x = " << xi;
          previous = v;
        }
    }
}

TEST(MonotoneSpline, DerivativeMatchesCentralDifferences)
{
  const std::vector<double> x{0., 0.1, 0.3, 0.35, 0.6, 1.};
  const std::vector<double> y{4.3, 4.0, 3.9, 3.85, 3.7, 3.0};
  const MonotoneCubicSpline s(x, y);
  // Between nodes the spline is a cubic: the central difference error is
  // eps^2/6 |p'''| ~ 1e-8 for eps = 1e-5 and |p'''| <~ 1e3 here, and
  // rounding adds ~1e-16 * 4 / 1e-5 ~ 1e-10; 1e-6 is a safe bound. The
  // sample points stay more than eps away from the nodes, where p'' jumps.
  const double eps = 1e-5;
  for (std::size_t k = 0; k + 1 < x.size(); ++k)
    for (const double t : {0.01, 0.2, 0.5, 0.77, 0.99})
      {
        const double xi = x[k] + t * (x[k + 1] - x[k]);
        const double fd = (s.value(xi + eps) - s.value(xi - eps)) / (2. * eps);
        EXPECT_NEAR(s.derivative(xi), fd, 1e-6) << "x = " << xi;
      }
}

TEST(MonotoneSpline, LinearExtrapolationOutside)
{
  const std::vector<double> x{0., 0.25, 0.5, 0.75, 1.};
  std::vector<double>       y;
  for (const double xi : x)
    y.push_back(xi * xi);
  const MonotoneCubicSpline s(x, y);
  const double              m0 = s.derivative(0.), m1 = s.derivative(1.);
  for (const double d : {1e-9, 0.1, 0.5, 3.})
    {
      EXPECT_NEAR(s.value(-d), y.front() - m0 * d, 1e-14);
      EXPECT_NEAR(s.value(1. + d), y.back() + m1 * d, 1e-14);
      EXPECT_EQ(s.derivative(-d), m0);
      EXPECT_EQ(s.derivative(1. + d), m1);
    }
  // Continuous slope at the ends.
  EXPECT_NEAR(s.derivative(1e-9), m0, 1e-6);
  EXPECT_NEAR(s.derivative(1. - 1e-9), m1, 1e-6);
}

TEST(MonotoneSpline, RejectsBadData)
{
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW(MonotoneCubicSpline({0., 1.}, {1.}), std::invalid_argument);
  EXPECT_THROW(MonotoneCubicSpline({0.}, {1.}), std::invalid_argument);
  EXPECT_THROW(MonotoneCubicSpline({0., 1., 1.}, {1., 2., 3.}), std::invalid_argument);
  EXPECT_THROW(MonotoneCubicSpline({0., 2., 1.}, {1., 2., 3.}), std::invalid_argument);
  EXPECT_THROW(MonotoneCubicSpline({0., 1.}, {1., nan}), std::invalid_argument);
}

namespace
{
  // A file in the temporary directory, unique per test and process, removed
  // at the end of the test.
  struct TempFile
  {
    explicit TempFile(const std::string &contents)
    {
      const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
      path =
        (std::filesystem::temp_directory_path() /
         ("ssbcell_" + std::string(info->name()) + "_" + std::to_string(::getpid()) + ".csv"))
          .string();
      std::ofstream(path) << contents;
    }
    ~TempFile()
    {
      std::error_code ignored;
      std::filesystem::remove(path, ignored);
    }
    std::string path;
  };

  std::unique_ptr<ssbcell::OpenCircuitPotential>
  tabulated_ocp(const std::string &file_name)
  {
    using Registry = ssbcell::OpenCircuitPotentialRegistry;
    dealii::ParameterHandler prm;
    Registry::instance().declare_all_parameters(prm);
    prm.enter_subsection("Open-circuit potential table");
    prm.set("File name", file_name);
    prm.leave_subsection();
    auto model = Registry::instance().create("tabulated");
    model->parse_parameters(prm);
    return model;
  }

  double
  u_exact(double th)
  {
    return 4.2 - 0.8 * th - 0.2 * th * th * th;
  }

  // Expects an InputError about the table that mentions `text`.
  void
  expect_table_error(const std::string &contents, const std::string &text)
  {
    const TempFile file(contents);
    try
      {
        tabulated_ocp(file.path);
        ADD_FAILURE() << "no InputError for:\n" << contents;
      }
    catch (const ssbcell::InputError &e)
      {
        EXPECT_EQ(e.parameter_path, "Materials/Active material/Open-circuit "
                                    "potential table/File name");
        EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << e.what();
      }
  }
} // namespace

TEST(TabulatedOCP, InterpolatesCsvTable)
{
  std::ostringstream csv;
  csv << "# sampled from U = 4.2 - 0.8 theta - 0.2 theta^3\n"
      << "theta,U [V]\n";
  csv.precision(17);
  for (int i = 0; i <= 20; ++i)
    csv << 0.05 * i << "," << u_exact(0.05 * i) << "\n";
  const TempFile file(csv.str());
  const auto     ocp = tabulated_ocp(file.path);

  // Cubic Hermite interpolation with exact node slopes reproduces a cubic;
  // the only error is from the three-point node slopes, O(h^2 |U'''|) ~
  // 1e-3 at h = 0.05, which moves U by at most ~0.15 h * 1e-3 ~ 1e-5 and
  // U' by ~1e-3. The limiter stays inactive since U is smooth and monotone.
  for (double th = 0.; th <= 1.; th += 0.0123)
    {
      EXPECT_NEAR(ocp->value(th), u_exact(th), 1e-4) << "theta = " << th;
      EXPECT_NEAR(ocp->derivative(th), -0.8 - 0.6 * th * th, 3e-3) << "theta = " << th;
    }
}

TEST(TabulatedOCP, AcceptsOtherSeparators)
{
  const TempFile file("0.0; 4.0  # semicolon\n0.5\t3.5\n1.0   3.0\n");
  const auto     ocp = tabulated_ocp(file.path);
  EXPECT_NEAR(ocp->value(0.25), 3.75, 1e-14);
  EXPECT_NEAR(ocp->derivative(0.75), -1., 1e-14);
  // Linear continuation with the end slope outside the table.
  EXPECT_NEAR(ocp->value(1.1), 2.9, 1e-14);
}

TEST(TabulatedOCP, BadTablesAreInputErrors)
{
  expect_table_error("0, 4.2\n0.5, 3.9\n0.4, 3.8\n", "line 3");
  expect_table_error("theta,U\n0, 4.2\n0.5, abc\n1, 3.8\n", "line 3");
  expect_table_error("theta,U\n0, 4.2\n", "1 data rows");
  expect_table_error("0, 4.2\n1.5, 3.8\n", "outside [0,1]");
  expect_table_error("0, 4.2, 1\n1, 3.8\n", "2 columns");
  expect_table_error("0, 4.2\n1, inf\n", "not finite");

  EXPECT_THROW(tabulated_ocp("/nonexistent/ssbcell/ocp.csv"), ssbcell::InputError);
  EXPECT_THROW(tabulated_ocp(""), ssbcell::InputError);
}
