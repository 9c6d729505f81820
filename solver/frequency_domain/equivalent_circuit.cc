#include <solver/frequency_domain/equivalent_circuit.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace ssbcell
{
  namespace
  {
    using Complex    = std::complex<double>;
    using Parameters = std::vector<double>;
    using Matrix     = std::vector<std::vector<double>>;

    // The fit works in unbounded parameters: logarithms of the positive
    // ones, and n = 0.5 + 0.5 / (1 + exp(-s)) in (0.5, 1). Layout: R_s,
    // then (R_k, Q_k, s_k) per arc, then R_W, tau.
    EquivalentCircuit
    circuit_of(const Parameters &p)
    {
      EquivalentCircuit c;
      const std::size_t n_arcs = (p.size() - 3) / 3;
      c.series_resistance      = std::exp(p[0]);
      for (std::size_t k = 0; k < n_arcs; ++k)
        c.arcs.push_back({std::exp(p[1 + 3 * k]), std::exp(p[2 + 3 * k]),
                          0.5 + 0.5 / (1. + std::exp(-p[3 + 3 * k]))});
      c.warburg_resistance = std::exp(p[p.size() - 2]);
      c.warburg_time       = std::exp(p[p.size() - 1]);
      return c;
    }

    std::vector<double>
    residuals(const Parameters           &p,
              const std::vector<double>  &frequencies,
              const std::vector<Complex> &z)
    {
      const EquivalentCircuit c = circuit_of(p);
      std::vector<double>     r;
      r.reserve(2 * z.size());
      for (std::size_t k = 0; k < z.size(); ++k)
        {
          const Complex d = (c.impedance(frequencies[k]) - z[k]) / std::abs(z[k]);
          r.push_back(d.real());
          r.push_back(d.imag());
        }
      return r;
    }

    double
    sum_of_squares(const std::vector<double> &r)
    {
      double s = 0.;
      for (const double v : r)
        s += v * v;
      return std::isfinite(s) ? s : std::numeric_limits<double>::infinity();
    }

    // Solves A x = b in place of b (Gaussian elimination with pivoting).
    bool
    solve_small(Matrix A, Parameters &b)
    {
      const std::size_t n = b.size();
      for (std::size_t col = 0; col < n; ++col)
        {
          std::size_t pivot = col;
          for (std::size_t r = col + 1; r < n; ++r)
            if (std::abs(A[r][col]) > std::abs(A[pivot][col]))
              pivot = r;
          if (!(std::abs(A[pivot][col]) > 0.))
            return false;
          std::swap(A[col], A[pivot]);
          std::swap(b[col], b[pivot]);
          for (std::size_t r = col + 1; r < n; ++r)
            {
              const double f = A[r][col] / A[col][col];
              for (std::size_t k = col; k < n; ++k)
                A[r][k] -= f * A[col][k];
              b[r] -= f * b[col];
            }
        }
      for (std::size_t r = n; r-- > 0;)
        {
          for (std::size_t k = r + 1; k < n; ++k)
            b[r] -= A[r][k] * b[k];
          b[r] /= A[r][r];
        }
      return true;
    }

    // Levenberg-Marquardt from p; returns the sum of squares reached.
    double
    levenberg_marquardt(Parameters                 &p,
                        const std::vector<double>  &frequencies,
                        const std::vector<Complex> &z)
    {
      const std::size_t   n      = p.size();
      std::vector<double> r      = residuals(p, frequencies, z);
      double              cost   = sum_of_squares(r);
      double              lambda = 1e-3;
      for (unsigned int it = 0; it < 400 && std::isfinite(cost); ++it)
        {
          // Forward-difference Jacobian in the unbounded parameters.
          std::vector<std::vector<double>> J(n);
          for (std::size_t j = 0; j < n; ++j)
            {
              Parameters q = p;
              q[j] += 1e-7;
              J[j] = residuals(q, frequencies, z);
              for (std::size_t k = 0; k < r.size(); ++k)
                J[j][k] = (J[j][k] - r[k]) / 1e-7;
            }
          Matrix     JtJ(n, std::vector<double>(n, 0.));
          Parameters Jtr(n, 0.);
          for (std::size_t a = 0; a < n; ++a)
            for (std::size_t k = 0; k < r.size(); ++k)
              {
                Jtr[a] -= J[a][k] * r[k];
                for (std::size_t b = 0; b <= a; ++b)
                  JtJ[a][b] += J[a][k] * J[b][k];
              }
          for (std::size_t a = 0; a < n; ++a)
            for (std::size_t b = a + 1; b < n; ++b)
              JtJ[a][b] = JtJ[b][a];
          bool improved = false;
          while (lambda < 1e12)
            {
              Matrix A = JtJ;
              for (std::size_t a = 0; a < n; ++a)
                A[a][a] += lambda * (JtJ[a][a] + 1e-12);
              Parameters step = Jtr;
              if (solve_small(A, step))
                {
                  Parameters trial = p;
                  for (std::size_t a = 0; a < n; ++a)
                    trial[a] += std::clamp(step[a], -3., 3.);
                  const auto   r_trial    = residuals(trial, frequencies, z);
                  const double cost_trial = sum_of_squares(r_trial);
                  if (cost_trial < cost)
                    {
                      const bool converged = cost - cost_trial < 1e-12 * cost;
                      p                    = trial;
                      r                    = r_trial;
                      cost                 = cost_trial;
                      lambda               = std::max(lambda / 10., 1e-12);
                      improved             = !converged;
                      break;
                    }
                }
              lambda *= 10.;
            }
          if (!improved)
            break;
        }
      return cost;
    }

    // What the starting points are read from.
    struct SpectrumShape
    {
      double r_s, total, capacitance, w_apex, w_high, w_low;
    };

    SpectrumShape
    shape_of(const std::vector<double> &frequencies, const std::vector<Complex> &z)
    {
      std::size_t high = 0, low = 0;
      for (std::size_t k = 1; k < z.size(); ++k)
        {
          if (frequencies[k] > frequencies[high])
            high = k;
          if (frequencies[k] < frequencies[low])
            low = k;
        }
      const double  scale = std::abs(z[low]);
      SpectrumShape s;
      s.r_s    = std::max(z[high].real(), 1e-6 * scale);
      s.total  = std::max(z[low].real() - s.r_s, 1e-3 * scale);
      s.w_high = 2. * M_PI * frequencies[high];
      s.w_low  = 2. * M_PI * frequencies[low];
      s.capacitance =
        z[low].imag() < 0. ? -1. / (s.w_low * z[low].imag()) : 1. / (s.w_low * scale);
      std::size_t apex = high;
      for (std::size_t k = 0; k < z.size(); ++k)
        if (frequencies[k] > std::sqrt(frequencies[low] * frequencies[high]) &&
            -z[k].imag() > -z[apex].imag())
          apex = k;
      s.w_apex = 2. * M_PI * frequencies[apex];
      return s;
    }

    // The best fit with `n_arcs` arcs from a few starting points.
    EquivalentCircuit
    fit_with_arcs(unsigned int                n_arcs,
                  const SpectrumShape        &s,
                  const std::vector<double>  &frequencies,
                  const std::vector<Complex> &z)
    {
      Parameters best;
      double     best_cost = std::numeric_limits<double>::infinity();
      for (const double share : {0.2, 0.5, 0.8})
        for (const double tau_factor : {0.3, 3.})
          for (const double spread :
               n_arcs == 1 ? std::vector<double>{1.} : std::vector<double>{10., 100.})
            {
              const double r_arcs = share * s.total, r_w = 3. * (1. - share) * s.total;
              Parameters   p{std::log(s.r_s)};
              for (unsigned int k = 0; k < n_arcs; ++k)
                {
                  // Two arcs straddle the apex, `spread` apart in frequency.
                  const double w = n_arcs == 1 ?
                                     s.w_apex :
                                     s.w_apex * std::sqrt(spread) / (k == 0 ? 1. : spread);
                  const double r = r_arcs / n_arcs;
                  p.insert(p.end(),
                           {std::log(r), std::log(1. / (r * w)), std::log(0.8 / 0.2)});
                }
              p.insert(p.end(), {std::log(r_w), std::log(tau_factor * r_w * s.capacitance)});
              const double cost = levenberg_marquardt(p, frequencies, z);
              if (cost < best_cost)
                {
                  best_cost = cost;
                  best      = p;
                }
            }
      if (best.empty())
        throw std::invalid_argument("no starting point of the fit gave a finite misfit");
      EquivalentCircuit c  = circuit_of(best);
      c.rms_relative_error = std::sqrt(best_cost / (2. * z.size()));
      std::sort(c.arcs.begin(), c.arcs.end(), [](const auto &a, const auto &b) {
        return a.apex_frequency() > b.apex_frequency();
      });
      return c;
    }
  } // namespace

  double
  EquivalentCircuit::Arc::effective_capacitance() const
  {
    return std::pow(q * std::pow(resistance, 1. - n), 1. / n);
  }

  double
  EquivalentCircuit::Arc::apex_frequency() const
  {
    return 1. / (2. * M_PI * std::pow(resistance * q, 1. / n));
  }

  Complex
  EquivalentCircuit::impedance(double frequency) const
  {
    const Complex iw(0., 2. * M_PI * frequency);
    const Complex s = std::sqrt(iw * warburg_time);
    // coth(s)/s, with its series 1/s^2 + 1/3 where s is small.
    const Complex warburg = std::abs(s) < 1e-4 ? 1. / (s * s) + 1. / 3. :
                            std::abs(s) > 20.  ? 1. / s :
                                                 1. / (std::tanh(s) * s);
    Complex       z       = series_resistance + warburg_resistance * warburg;
    for (const Arc &a : arcs)
      z += 1. / (1. / a.resistance + a.q * std::pow(iw, a.n));
    return z;
  }

  double
  EquivalentCircuit::arc_resistance() const
  {
    double r = 0.;
    for (const Arc &a : arcs)
      r += a.resistance;
    return r;
  }

  std::vector<std::pair<std::string, double>>
  EquivalentCircuit::named_values() const
  {
    std::vector<std::pair<std::string, double>> v{{"R_s_ohm_m2", series_resistance},
                                                  {"R_ct_ohm_m2", arc_resistance()},
                                                  {"arcs", static_cast<double>(arcs.size())}};
    for (std::size_t k = 0; k < arcs.size(); ++k)
      {
        const std::string arc = "arc" + std::to_string(k + 1) + "_";
        v.insert(v.end(), {{arc + "R_ohm_m2", arcs[k].resistance},
                           {arc + "Q_F_s_n_minus_1_m2", arcs[k].q},
                           {arc + "n", arcs[k].n},
                           {arc + "C_eff_F_m2", arcs[k].effective_capacitance()},
                           {arc + "apex_frequency_Hz", arcs[k].apex_frequency()}});
      }
    v.insert(v.end(), {{"R_W_ohm_m2", warburg_resistance},
                       {"tau_W_s", warburg_time},
                       {"rms_relative_error", rms_relative_error}});
    return v;
  }

  EquivalentCircuit
  fit_equivalent_circuit(const std::vector<double> &frequencies, const std::vector<Complex> &z)
  {
    if (z.size() < 7 || z.size() != frequencies.size())
      throw std::invalid_argument("an equivalent-circuit fit needs 7 or more frequencies");
    for (const Complex &v : z)
      if (!(std::isfinite(std::abs(v)) && std::abs(v) > 0.))
        throw std::invalid_argument("the spectrum has a zero or non-finite impedance");
    const SpectrumShape s   = shape_of(frequencies, z);
    EquivalentCircuit   one = fit_with_arcs(1, s, frequencies, z);
    if (z.size() < 12)
      return one;
    EquivalentCircuit two = fit_with_arcs(2, s, frequencies, z);
    return two.rms_relative_error <= 0.5 * one.rms_relative_error ? two : one;
  }
} // namespace ssbcell
