// The JSON writer and the command line.

#include <gtest/gtest.h>

#include <physics/input_error.h>
#include <solver/app/command_line.h>
#include <solver/io/json_writer.h>
#include <solver/io/run_log.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "test_helpers.h"

using namespace ssbcell;

TEST(JsonWriter, EscapesAndWritesNullForNaN)
{
  JsonWriter json;
  json.begin_object();
  json.value("text", std::string("a \"quoted\"\nline\\"));
  json.value("nan", std::nan(""));
  json.value("n", 3);
  json.begin_array("list");
  json.begin_object().value("x", 1.5).end_object();
  json.end_array();
  json.end_object();
  const std::string s = json.str();
  EXPECT_NE(s.find(R"("text": "a \"quoted\"\nline\\")"), std::string::npos) << s;
  EXPECT_NE(s.find(R"("nan": null)"), std::string::npos) << s;
  EXPECT_NE(s.find(R"("x": 1.5)"), std::string::npos) << s;
  EXPECT_NE(s.find("]"), std::string::npos) << s;
}

// A long run's log.txt shows each line as soon as it is written (and keeps
// it if the run is killed), not when the run ends.
TEST(RunLog, WritesEachLineToTheFileAtOnce)
{
  const std::string name = test::scratch_file("run_log.txt");
  const auto        read = [&name] {
    std::ifstream     in(name);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  };
  {
    RunLog log(true, true);
    log.out() << "before the file\n";
    log.open_file(name);
    EXPECT_EQ(read(), "before the file\n");
    log.out() << "a line\n"
              << "half a ";
    EXPECT_EQ(read(), "before the file\na line\n");
    log.out() << "line\n";
    EXPECT_EQ(read(), "before the file\na line\nhalf a line\n");
  }
  std::remove(name.c_str());
}

TEST(CommandLine, RunWithOverrides)
{
  const auto cl = parse_command_line(
    {"cell.prm", "--set", "A/B=1", "--set=C/D=2", "--output", "out", "--quiet"});
  EXPECT_EQ(cl.action, CommandLine::Action::run);
  EXPECT_EQ(cl.parameter_file, "cell.prm");
  ASSERT_EQ(cl.overrides.size(), 2u);
  EXPECT_EQ(cl.overrides[1], "C/D=2");
  EXPECT_EQ(cl.output_directory, "out");
  EXPECT_TRUE(cl.quiet);
}

TEST(CommandLine, PrintParametersVersionHelp)
{
  EXPECT_EQ(parse_command_line({"--print-parameters", "json"}).print_format, "json");
  EXPECT_EQ(parse_command_line({"--print-parameters"}).print_format, "prm");
  EXPECT_EQ(parse_command_line({"--version"}).action, CommandLine::Action::version);
  EXPECT_EQ(parse_command_line({"--help"}).action, CommandLine::Action::help);
  EXPECT_EQ(parse_command_line({}).parameter_file, "");
}

TEST(CommandLine, PoissonReference)
{
  const auto cl = parse_command_line({"poisson", "cell.prm", "--set", "A/B=1"});
  EXPECT_EQ(cl.action, CommandLine::Action::poisson);
  EXPECT_EQ(cl.parameter_file, "cell.prm");
  ASSERT_EQ(cl.overrides.size(), 1u);
  // A file named 'poisson' after the file is a second file, not the command.
  EXPECT_THROW(parse_command_line({"cell.prm", "poisson"}), InputError);
}

TEST(CommandLine, PetscOptionsPassThrough)
{
  const auto cl = parse_command_line({"-ksp_type", "gmres", "cell.prm", "-ksp_monitor"});
  EXPECT_EQ(cl.parameter_file, "cell.prm");
}

TEST(CommandLine, Errors)
{
  EXPECT_THROW(parse_command_line({"--bogus"}), InputError);
  EXPECT_THROW(parse_command_line({"--set"}), InputError);
  EXPECT_THROW(parse_command_line({"a.prm", "b.prm"}), InputError);
}
