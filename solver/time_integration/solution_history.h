#pragma once
// The last accepted solutions of the time loop (newest first), with what
// the variable-step BDF2 scheme (solver/time_integration/bdf2.h) reads from
// them: the coefficients of the next step, its history term, and the
// predictor that starts Newton's method.

#include <solver/linear_algebra/linear_algebra.h>
#include <solver/time_integration/bdf2.h>

#include <deque>

namespace ssbcell
{
  struct HistoryEntry
  {
    double     time;
    LA::Vector x;
    double     voltage;
    double     li_passed; // net Li into the active material since t = 0 [mol]
  };

  class SolutionHistory
  {
  public:
    // Forgets all but the newest solution: the next step is backward Euler
    // (the drive changes at a protocol step).
    void
    restart()
    {
      entries.resize(1);
      steps_under_drive = 0;
    }

    void
    push(HistoryEntry entry)
    {
      ++steps_under_drive;
      entries.push_front(std::move(entry));
      if (entries.size() > 3) // BDF2 and its error estimate need three
        entries.pop_back();
    }

    const HistoryEntry &
    operator[](unsigned int i) const
    {
      return entries[i];
    }
    std::size_t
    size() const
    {
      return entries.size();
    }
    const HistoryEntry &
    newest() const
    {
      return entries.front();
    }

    // The BDF coefficients of a step of size dt from the newest solution.
    Bdf2Coefficients
    coefficients(double dt) const
    {
      const double h_prev = entries.size() >= 2 ? entries[0].time - entries[1].time : 0.;
      return bdf2_coefficients(dt, h_prev);
    }

    // a1 x^n + a2 x^{n-1} into `term` (zeroed first).
    void
    history_term(const Bdf2Coefficients &coefficients, LA::Vector &term) const
    {
      term = 0.;
      term.add(coefficients.a1, entries[0].x);
      if (entries.size() >= 2)
        term.add(coefficients.a2, entries[1].x);
    }

    // The initial guess of Newton's method for a step of size dt: linear
    // extrapolation of the last two solutions (better than x^n alone).
    void
    predict(double dt, LA::Vector &guess) const
    {
      guess = entries[0].x;
      if (entries.size() >= 2)
        {
          const double h_prev = entries[0].time - entries[1].time;
          guess.sadd(1. + dt / h_prev, -dt / h_prev, entries[1].x);
        }
    }

    // The cell voltage at the end of a step of size dt, extrapolated as
    // the solution is: Newton limits each potential update, so a guess
    // from the newest voltage alone costs iterations where it moves.
    // Only from two steps under the same drive: across a change of the
    // current the voltage jumps (ohmic and kinetic), and extrapolating the
    // jump would start Newton further off than the newest voltage.
    double
    predict_voltage(double dt) const
    {
      if (entries.size() < 2 || steps_under_drive < 2)
        return entries[0].voltage;
      const double h_prev = entries[0].time - entries[1].time;
      return entries[0].voltage + dt / h_prev * (entries[0].voltage - entries[1].voltage);
    }

    // The net Li passed up to the end of a step of size dt at the rate
    // `rate` [mol/s], integrated by the state's own BDF formula, so that the
    // inventory balances to round-off also when the current varies (Hold).
    double
    li_passed_after(double dt, double rate) const
    {
      const auto coefficients = this->coefficients(dt);
      double     li           = dt * rate - coefficients.a1 * entries[0].li_passed;
      if (entries.size() >= 2)
        li -= coefficients.a2 * entries[1].li_passed;
      return li / coefficients.a0;
    }

  private:
    std::deque<HistoryEntry> entries;
    // Accepted steps since the last restart().
    unsigned int steps_under_drive = 0;
  };
} // namespace ssbcell
