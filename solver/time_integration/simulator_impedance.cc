// Simulator::measure_impedance: an Impedance step. The spectrum is the
// cell model's small-signal response about the newest state (normally
// after a rest, at zero current); it takes no time and leaves the state as
// it is. Each step writes its own file: impedance.csv when the protocol has
// one impedance step, impedance_1.csv, impedance_2.csv, ... when it has
// several.

#include <deal.II/base/timer.h>

#include <solver/frequency_domain/equivalent_circuit.h>
#include <solver/io/impedance_file.h>
#include <solver/time_integration/simulator.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ssbcell
{
  template <int dim>
  void
  Simulator<dim>::measure_impedance(const ProtocolStep &step, StepRecord &record)
  {
    dealii::TimerOutput::Scope scope(timer, "impedance");
    log.out() << "Step " << record.index << ": " << step.text << "\n";
    const std::vector<double> frequencies = impedance_frequencies(step);
    const double              voltage     = history.newest().voltage;
    const auto z = problem->impedance(ghosted(history.newest().x), voltage, frequencies);
    AssertThrow(z.size() == frequencies.size(),
                dealii::ExcMessage("the cell model returned no impedance"));

    const auto n_steps =
      std::count_if(par.protocol.steps.begin(), par.protocol.steps.end(),
                    [](const ProtocolStep &s) { return s.kind == StepKind::impedance; });
    ++n_impedance_steps;
    record.impedance_file = n_steps == 1 ?
                              "impedance.csv" :
                              "impedance_" + std::to_string(n_impedance_steps) + ".csv";
    if (log.is_root())
      write_impedance_csv(output_folder + "/" + record.impedance_file, frequencies, z,
                          cell.electrode_area_m2);

    // Read off the spectrum: the real part at its two ends.
    const auto by_frequency = [&](auto better) {
      std::size_t k = 0;
      for (std::size_t j = 1; j < z.size(); ++j)
        if (better(frequencies[j], frequencies[k]))
          k = j;
      return k;
    };
    const std::size_t high = by_frequency(std::greater<>()), low = by_frequency(std::less<>());
    record.impedance = {{"R_high_frequency_ohm_m2", z[high].real()},
                        {"R_low_frequency_ohm_m2", z[low].real()},
                        {"lowest_frequency_Hz", frequencies[low]}};
    if (z.size() >= 7)
      try
        {
          const EquivalentCircuit fit = fit_equivalent_circuit(frequencies, z);
          for (const auto &[name, value] : fit.named_values())
            record.impedance.emplace_back("fit_" + name, value);
          log.out() << "  fitted R_s " << fit.series_resistance << ", R_ct "
                    << fit.arc_resistance() << " (" << fit.arcs.size() << " arcs), R_W "
                    << fit.warburg_resistance << " ohm m^2 (rms relative misfit "
                    << fit.rms_relative_error << ")\n";
        }
      catch (const std::invalid_argument &e)
        {
          log.out() << "  no equivalent circuit fitted: " << e.what() << "\n";
        }
    record.kind             = to_string(step.kind);
    record.end_reason       = "spectrum";
    record.end_voltage_V    = voltage;
    record.end_current_A_m2 = last_state.current;
    log.out() << "  " << frequencies.size() << " frequencies, |Z| from " << std::abs(z[high])
              << " to " << std::abs(z[low]) << " ohm m^2 -> " << record.impedance_file << "\n";
  }

#define SSBCELL_INSTANTIATE(dim) \
  template void Simulator<dim>::measure_impedance(const ProtocolStep &, StepRecord &);
  SSBCELL_INSTANTIATE(1)
  SSBCELL_INSTANTIATE(2)
  SSBCELL_INSTANTIATE(3)
#undef SSBCELL_INSTANTIATE
} // namespace ssbcell
