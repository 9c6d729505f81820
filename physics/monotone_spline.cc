#include <physics/monotone_spline.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

namespace ssbcell
{
  MonotoneCubicSpline::MonotoneCubicSpline(std::vector<double> x, std::vector<double> y)
    : x_(std::move(x))
    , y_(std::move(y))
  {
    if (x_.size() != y_.size())
      throw std::invalid_argument("MonotoneCubicSpline: x and y differ in size");
    const std::size_t n = x_.size();
    if (n < 2)
      throw std::invalid_argument("MonotoneCubicSpline: need at least 2 points");
    for (std::size_t i = 0; i < n; ++i)
      {
        if (!std::isfinite(x_[i]) || !std::isfinite(y_[i]))
          throw std::invalid_argument("MonotoneCubicSpline: point " + std::to_string(i) +
                                      " is not finite");
        if (i > 0 && !(x_[i] > x_[i - 1]))
          throw std::invalid_argument("MonotoneCubicSpline: x is not strictly "
                                      "increasing at point " +
                                      std::to_string(i));
      }

    // Interval widths h and secant slopes d.
    std::vector<double> h(n - 1), d(n - 1);
    for (std::size_t k = 0; k + 1 < n; ++k)
      {
        h[k] = x_[k + 1] - x_[k];
        d[k] = (y_[k + 1] - y_[k]) / h[k];
      }

    // 1. Initial slopes: three-point (second-order) differences. At interior
    //    nodes the h-weighted mean of the neighbouring secants, set to zero at
    //    a local extremum; at the ends the one-sided three-point formula,
    //    limited so that it keeps the sign of the end secant (as in pchip).
    m_.assign(n, 0.);
    if (n == 2)
      m_[0] = m_[1] = d[0];
    else
      {
        for (std::size_t k = 1; k + 1 < n; ++k)
          if (d[k - 1] * d[k] > 0.)
            m_[k] = (h[k] * d[k - 1] + h[k - 1] * d[k]) / (h[k - 1] + h[k]);
        const auto end_slope = [](double h0, double h1, double d0, double d1) {
          double m = ((2. * h0 + h1) * d0 - h0 * d1) / (h0 + h1);
          if (m * d0 <= 0.)
            m = 0.;
          else if (d0 * d1 < 0. && std::abs(m) > 3. * std::abs(d0))
            m = 3. * d0;
          return m;
        };
        m_[0]     = end_slope(h[0], h[1], d[0], d[1]);
        m_[n - 1] = end_slope(h[n - 2], h[n - 3], d[n - 2], d[n - 3]);
      }

    // 2. Fritsch-Carlson limiter: on each interval, (alpha, beta) = node
    //    slopes / secant must lie in the circle alpha^2 + beta^2 <= 9 for the
    //    cubic to be monotone; flat intervals get zero slopes at both ends.
    for (std::size_t k = 0; k + 1 < n; ++k)
      {
        if (d[k] == 0.)
          {
            m_[k] = m_[k + 1] = 0.;
            continue;
          }
        const double alpha = m_[k] / d[k], beta = m_[k + 1] / d[k];
        const double r2 = alpha * alpha + beta * beta;
        if (r2 > 9.)
          {
            const double tau = 3. / std::sqrt(r2);
            m_[k]            = tau * alpha * d[k];
            m_[k + 1]        = tau * beta * d[k];
          }
      }
  }

  double
  MonotoneCubicSpline::value(double x) const
  {
    // Linear extrapolation with the end slope outside the table.
    if (x <= x_.front())
      return y_.front() + m_.front() * (x - x_.front());
    if (x >= x_.back())
      return y_.back() + m_.back() * (x - x_.back());

    const std::size_t k = std::upper_bound(x_.begin(), x_.end(), x) - x_.begin() - 1;
    const double      h = x_[k + 1] - x_[k], t = (x - x_[k]) / h;
    const double      t2 = t * t, t3 = t2 * t;
    return (2. * t3 - 3. * t2 + 1.) * y_[k] + (t3 - 2. * t2 + t) * h * m_[k] +
           (-2. * t3 + 3. * t2) * y_[k + 1] + (t3 - t2) * h * m_[k + 1];
  }

  double
  MonotoneCubicSpline::derivative(double x) const
  {
    if (x <= x_.front())
      return m_.front();
    if (x >= x_.back())
      return m_.back();

    const std::size_t k = std::upper_bound(x_.begin(), x_.end(), x) - x_.begin() - 1;
    const double      h = x_[k + 1] - x_[k], t = (x - x_[k]) / h;
    const double      t2 = t * t;
    return (6. * t2 - 6. * t) * (y_[k] - y_[k + 1]) / h + (3. * t2 - 4. * t + 1.) * m_[k] +
           (3. * t2 - 2. * t) * m_[k + 1];
  }
} // namespace ssbcell
