#pragma once
// Shared set-up for unit tests: a ParameterHandler with every ssbcell
// parameter declared, filled from a .prm text.

#include <deal.II/base/parameter_handler.h>

#include <solver/io/parameter_reader.h>
#include <solver/parameters/run_parameters.h>

#include <memory>
#include <string>

namespace ssbcell::test
{
  struct Parameters
  {
    dealii::ParameterHandler         prm;
    std::unique_ptr<ParameterReader> reader;
    RunParameters                    run;

    explicit Parameters(const std::string &text = "")
    {
      RunParameters::declare_parameters(prm);
      reader = std::make_unique<ParameterReader>(prm);
      reader->read_string(text, "test.prm");
    }

    RunParameters &
    parse()
    {
      run.parse_parameters(prm);
      return run;
    }
  };
} // namespace ssbcell::test
