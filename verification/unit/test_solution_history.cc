// The voltage Newton starts a time step from: extrapolated linearly from two
// steps under the same drive, never across a change of the current (there
// the voltage jumps, and extrapolating the jump starts Newton further off).

#include <deal.II/base/index_set.h>

#include <gtest/gtest.h>

#include <solver/time_integration/solution_history.h>

using namespace ssbcell;

namespace
{
  HistoryEntry
  entry(double time, double voltage)
  {
    dealii::IndexSet owned(1);
    owned.add_index(0);
    return {time, LA::Vector(owned, MPI_COMM_SELF), voltage, 0.};
  }
} // namespace

TEST(SolutionHistory, PredictsTheVoltageOnlyUnderOneDrive)
{
  SolutionHistory history;
  history.push(entry(0., 3.0)); // the initial state
  history.restart();            // a protocol step starts: the drive changes
  EXPECT_DOUBLE_EQ(history.predict_voltage(1.), 3.0);
  history.push(entry(1., 3.5)); // one step: entries[1] is from before the change
  EXPECT_DOUBLE_EQ(history.predict_voltage(1.), 3.5);
  history.push(entry(3., 3.7)); // two steps under the drive: extrapolated
  // 3.7 + (0.5 / 2) (3.7 - 3.5), exact for a voltage linear in time.
  EXPECT_NEAR(history.predict_voltage(0.5), 3.75, 1e-14);
  history.restart();
  EXPECT_DOUBLE_EQ(history.predict_voltage(1.), 3.7);
}
