#pragma once
// Shared pieces of the mechanics tests: meshes of spheres, shells and
// blocks with the project's boundary ids, exact fields of a radially
// symmetric sphere in any coordinate system, error norms and observed
// orders.

#include <deal.II/base/mpi.h>
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/grid/grid_generator.h>
#include <deal.II/grid/grid_tools.h>
#include <deal.II/grid/manifold_lib.h>
#include <deal.II/grid/tria.h>

#include <meshes/ids.h>
#include <physics/linear_elasticity.h>
#include <solver/mechanics/mechanics_problem.h>

#include <cmath>
#include <functional>
#include <vector>

#include "test_helpers.h"

namespace ssbcell::test
{
  // Default materials and mechanics parameters (the defaults of the program).
  inline RunParameters
  default_run(const std::string &text = "")
  {
    Parameters p(text);
    return p.parse();
  }

  // A radially symmetric field in the 3x3 frame of any coordinate system:
  // sigma = s_t I + (s_r - s_t) e (x) e, e the unit radial direction.
  template <int dim>
  elasticity::Tensor3
  radial_tensor(const dealii::Point<dim> &x, double s_r, double s_t)
  {
    const dealii::Tensor<1, 3> e = elasticity::embed(x / x.norm());
    elasticity::Tensor3        s = s_t * dealii::unit_symmetric_tensor<3>();
    for (unsigned int i = 0; i < 3; ++i)
      for (unsigned int j = i; j < 3; ++j)
        s[i][j] += (s_r - s_t) * e[i] * e[j];
    return s;
  }

  struct Errors
  {
    double u     = 0.; // relative L2 error of the displacement
    double sigma = 0.; // relative L2 error of the stress (Frobenius)
  };

  // Relative L2 errors (physical volume) against exact u(x) and sigma(x),
  // with a Gauss rule of degree + 3 points per direction (plastic solids:
  // give degree + 2, the assembly's rule, whose points carry the history).
  template <int dim>
  Errors
  errors(const MechanicsProblem<dim>                                             &problem,
         const std::function<dealii::Tensor<1, dim>(const dealii::Point<dim> &)> &u,
         const std::function<elasticity::Tensor3(const dealii::Point<dim> &)>    &sigma,
         unsigned int                                                             degree,
         unsigned int gauss_points = 0)
  {
    double eu = 0., nu = 0., es = 0., ns = 0.;
    problem.for_each_point(dealii::QGauss<dim>(gauss_points > 0 ? gauss_points : degree + 3),
                           [&](const typename MechanicsProblem<dim>::PointState &s) {
                             const auto ue = u(s.x);
                             const auto se = sigma(s.x);
                             eu += (s.u - ue).norm_square() * s.weight;
                             nu += ue.norm_square() * s.weight;
                             es += std::pow((s.stress - se).norm(), 2) * s.weight;
                             ns += std::pow(se.norm(), 2) * s.weight;
                           });
    const MPI_Comm comm = problem.get_dof_handler().get_triangulation().get_communicator();
    const auto     sum  = [&](double v) { return dealii::Utilities::MPI::sum(v, comm); };
    return {std::sqrt(sum(eu) / sum(nu)), std::sqrt(sum(es) / sum(ns))};
  }

  // A block [0, width]^(dim-1) x [0, height] of n x ... x 2n cells,
  // pressing axis last; anode at the bottom, collector on top, lateral
  // sides (the x = 0 side is the axis when axisymmetric). `distort`: move
  // interior vertices randomly.
  template <int dim>
  void
  block_mesh(dealii::Triangulation<dim> &tria,
             CoordinateSystem            system,
             bool                        distort,
             double                      width,
             double                      height,
             unsigned int                n)
  {
    dealii::Point<dim>        top;
    std::vector<unsigned int> cells(dim, n);
    for (unsigned int d = 0; d + 1 < dim; ++d)
      top[d] = width;
    top[dim - 1]   = height;
    cells[dim - 1] = 2 * n;
    dealii::GridGenerator::subdivided_hyper_rectangle(tria, cells, dealii::Point<dim>(), top);
    if (distort)
      dealii::GridTools::distort_random(0.25, tria, true, 42);
    for (const auto &cell : tria.active_cell_iterators())
      for (const unsigned int f : cell->face_indices())
        if (cell->face(f)->at_boundary())
          {
            const auto   c   = cell->face(f)->center();
            const double tol = 1e-10 * height;
            cell->face(f)->set_boundary_id(
              std::abs(c[dim - 1]) < tol          ? boundary_id::anode :
              std::abs(c[dim - 1] - height) < tol ? boundary_id::collector :
              system == CoordinateSystem::axisymmetric && std::abs(c[0]) < tol ?
                                                    boundary_id::symmetry :
                                                    boundary_id::lateral);
          }
  }

  // sigma = s_lat I + (s_axis - s_lat) e_axis (x) e_axis, with out-of-plane
  // (plane strain) or hoop components `s_out`.
  template <int dim>
  elasticity::Tensor3
  axial_stress(double s_axis, double s_lat, double s_out)
  {
    elasticity::Tensor3 s;
    for (unsigned int d = 0; d < dim; ++d)
      s[d][d] = s_lat;
    s[dim - 1][dim - 1] = s_axis;
    for (unsigned int d = dim; d < 3; ++d)
      s[d][d] = s_out;
    return s;
  }

  // Observed orders log2(e_k / e_k+1) of errors on meshes halved each time.
  inline std::vector<double>
  observed_orders(const std::vector<double> &e)
  {
    std::vector<double> orders;
    for (unsigned int k = 0; k + 1 < e.size(); ++k)
      orders.push_back(std::log2(e[k] / e[k + 1]));
    return orders;
  }

  // 1D radial mesh a < r < b of material `material`: boundary ids `inner`
  // at r = a and outer (4) at r = b.
  inline void
  radial_mesh(dealii::Triangulation<1>  &tria,
              double                     a,
              double                     b,
              unsigned int               cells,
              dealii::types::boundary_id inner,
              dealii::types::material_id material)
  {
    dealii::GridGenerator::subdivided_hyper_rectangle(tria, std::vector<unsigned int>{cells},
                                                      dealii::Point<1>(a),
                                                      dealii::Point<1>(b));
    for (const auto &cell : tria.active_cell_iterators())
      {
        cell->set_material_id(material);
        for (const unsigned int f : cell->face_indices())
          if (cell->face(f)->at_boundary())
            cell->face(f)->set_boundary_id(
              cell->face(f)->center()[0] < 0.5 * (a + b) ? inner : boundary_id::outer);
      }
  }

  // The ids of a mesh in the positive quadrant/octant: faces on a
  // coordinate plane are symmetry (0: axis and mirror planes), the other
  // boundary faces `inner` if closer to the origin than `r_split`, else
  // outer (4).
  template <int dim>
  void
  set_octant_ids(dealii::Triangulation<dim> &tria,
                 double                      r_split,
                 dealii::types::boundary_id  inner,
                 dealii::types::material_id  material)
  {
    for (const auto &cell : tria.active_cell_iterators())
      {
        cell->set_material_id(material);
        for (const unsigned int f : cell->face_indices())
          if (cell->face(f)->at_boundary())
            {
              const auto c      = cell->face(f)->center();
              bool       on_cut = false;
              for (unsigned int d = 0; d < dim; ++d)
                on_cut |= std::abs(c[d]) < 1e-10 * r_split;
              cell->face(f)->set_boundary_id(on_cut             ? boundary_id::symmetry :
                                             c.norm() < r_split ? inner :
                                                                  boundary_id::outer);
            }
      }
  }

  // Quarter (2D) or octant (3D) of the ball of radius b; spherical surface,
  // transfinite interior, so that refinement converges to the ball.
  template <int dim>
  void
  octant_ball(dealii::Triangulation<dim> &tria, double b, dealii::types::material_id m)
  {
    dealii::GridGenerator::quarter_hyper_ball(tria, dealii::Point<dim>(), b);
    tria.set_all_manifold_ids(1);
    for (const auto &cell : tria.active_cell_iterators())
      for (const unsigned int f : cell->face_indices())
        if (cell->face(f)->at_boundary() &&
            std::abs(cell->face(f)->center().norm() - b) < 0.2 * b &&
            cell->face(f)->boundary_id() == 0)
          cell->face(f)->set_all_manifold_ids(0);
    tria.set_manifold(0, dealii::SphericalManifold<dim>());
    dealii::TransfiniteInterpolationManifold<dim> transfinite;
    transfinite.initialize(tria);
    tria.set_manifold(1, transfinite);
    set_octant_ids(tria, 0.5 * b, boundary_id::symmetry, m);
  }

  // Quarter (2D) or octant (3D) of the shell a < r < b: inner surface id
  // `inner`, outer 4, cut planes 0.
  template <int dim>
  void
  octant_shell(dealii::Triangulation<dim> &tria,
               double                      a,
               double                      b,
               dealii::types::boundary_id  inner,
               dealii::types::material_id  m)
  {
    dealii::GridGenerator::quarter_hyper_shell(tria, dealii::Point<dim>(), a, b);
    set_octant_ids(tria, 0.5 * (a + b), inner, m);
  }
} // namespace ssbcell::test
