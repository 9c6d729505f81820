#pragma once
// Monotone piecewise cubic Hermite interpolation (Fritsch & Carlson, SIAM J.
// Numer. Anal. 17 (1980) 238) of tabulated data y(x), for tabulated material
// models. Between two nodes the curve is a cubic; on every interval where the
// data are monotone the curve is monotone too and stays between the two node
// values (no overshoot). Outside [x_min, x_max] it continues linearly with the
// end slope, so value and derivative are continuous everywhere.

#include <vector>

namespace ssbcell
{
  class MonotoneCubicSpline
  {
  public:
    // Throws std::invalid_argument unless x and y have the same size, at
    // least 2 entries, are finite, and x is strictly increasing.
    MonotoneCubicSpline(std::vector<double> x, std::vector<double> y);

    double
    value(double x) const;

    // d value / dx, the derivative of the cubic (of the line outside).
    double
    derivative(double x) const;

    double
    x_min() const
    {
      return x_.front();
    }
    double
    x_max() const
    {
      return x_.back();
    }

  private:
    std::vector<double> x_, y_;
    // Slope dy/dx at each node.
    std::vector<double> m_;
  };
} // namespace ssbcell
