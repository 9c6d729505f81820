#pragma once
// Anderson acceleration of a fixed-point iteration x = G(x), distributed
// over MPI ranks (each rank holds a part of x). Given the iterate x_k and
// its residual r_k = G(x_k) - x_k, the next iterate is
//   x_{k+1} = x_k + beta r_k - (dX + beta dR) gamma,
//   gamma   = argmin || r_k - dR gamma ||_2,
// where the columns of dX and dR are the differences of the last m
// iterates and residuals (D. G. Anderson, J. ACM 12, 547, 1965; the form of
// H. F. Walker and P. Ni, SIAM J. Numer. Anal. 49, 1715, 2011). With m = 0
// it is the relaxed iteration x + beta r. Where the plain iteration
// overshoots or creeps because a few modes of the coupling contract slowly
// (or expand), the least-squares step removes them.

#include <deal.II/base/mpi.h>
#include <deal.II/lac/full_matrix.h>
#include <deal.II/lac/vector.h>

#include <deque>
#include <vector>

namespace ssbcell
{
  class AndersonAcceleration
  {
  public:
    AndersonAcceleration(unsigned int depth, double relaxation, MPI_Comm comm)
      : depth(depth)
      , beta(relaxation)
      , comm(comm)
    {
    }

    // The next iterate from x_k and r_k (local parts of equal size).
    std::vector<double>
    next(const std::vector<double> &x, const std::vector<double> &r)
    {
      // (A rank may hold no part of x: every rank must take the same
      // branches, since the dot products are collective.)
      if (has_last && depth > 0)
        {
          dX.push_back(difference(x, x_last));
          dR.push_back(difference(r, r_last));
          if (dX.size() > depth)
            {
              dX.pop_front();
              dR.pop_front();
            }
        }
      x_last   = x;
      r_last   = r;
      has_last = true;

      std::vector<double> next(x.size());
      for (std::size_t i = 0; i < x.size(); ++i)
        next[i] = x[i] + beta * r[i];
      const unsigned int m = dR.size();
      if (m == 0)
        return next;

      // Normal equations of the least-squares problem (m is a handful).
      dealii::FullMatrix<double> normal(m, m);
      dealii::Vector<double>     rhs(m), gamma(m);
      for (unsigned int a = 0; a < m; ++a)
        {
          rhs(a) = dot(dR[a], r);
          for (unsigned int b = 0; b <= a; ++b)
            normal(a, b) = normal(b, a) = dot(dR[a], dR[b]);
        }
      double trace = 0.;
      for (unsigned int a = 0; a < m; ++a)
        trace += normal(a, a);
      if (!(trace > 0.))
        return next;
      for (unsigned int a = 0; a < m; ++a) // keeps nearly parallel columns solvable
        normal(a, a) += 1e-10 * trace;
      normal.gauss_jordan();
      normal.vmult(gamma, rhs);
      for (unsigned int a = 0; a < m; ++a)
        for (std::size_t i = 0; i < x.size(); ++i)
          next[i] -= gamma(a) * (dX[a][i] + beta * dR[a][i]);
      return next;
    }

  private:
    static std::vector<double>
    difference(const std::vector<double> &a, const std::vector<double> &b)
    {
      std::vector<double> d(a.size());
      for (std::size_t i = 0; i < a.size(); ++i)
        d[i] = a[i] - b[i];
      return d;
    }

    double
    dot(const std::vector<double> &a, const std::vector<double> &b) const
    {
      double s = 0.;
      for (std::size_t i = 0; i < a.size(); ++i)
        s += a[i] * b[i];
      return dealii::Utilities::MPI::sum(s, comm);
    }

    const unsigned int              depth;
    const double                    beta;
    const MPI_Comm                  comm;
    std::vector<double>             x_last, r_last;
    bool                            has_last = false;
    std::deque<std::vector<double>> dX, dR;
  };
} // namespace ssbcell
