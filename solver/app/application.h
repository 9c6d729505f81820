#pragma once
// The ssbcell program behind main(): command line, parameters, output
// folder, the run, and the translation of errors into exit statuses.

namespace ssbcell
{
  // Returns the exit status (0 ok, 1 other error, 2 bad input, 3 failed).
  int
  run_application(int argc, char **argv);
} // namespace ssbcell
