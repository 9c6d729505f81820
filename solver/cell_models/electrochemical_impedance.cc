// ElectrochemicalCell::impedance: the cell's small-signal response about a
// state (docs/characterisation.md, impedance). With the time-domain
// assembly split into the Jacobian K of its steady part (a0 = 0) and its
// storage M (what a0/dt = 1 adds), and D(omega) of the interface
// capacitances (solver/assembly/frequency_term.h), the bordered system
//   [K + i omega M + D   b] [dx    ]   [0 ]
//   [c^T                 d] [dphi_s] = [dI]
// gives, for dphi_s = 1, dx = -A^{-1} b and the particles' anodic current
// dI = d - c^T A^{-1} b. The cell current density is -dI loading/(rho V_AM)
// (> 0 on discharge), and Z = -dV/dI_cell. The coupling to the mechanics
// (contact fractions, OCP shifts) is frozen at the state.

#include <solver/assembly/frequency_term.h>
#include <solver/cell_models/electrochemical_cell.h>
#include <solver/frequency_domain/complex_linear_system.h>

#include <cmath>

namespace ssbcell
{
  namespace
  {
    // A copy of an assembled matrix's values, destroyed with its owner.
    struct MatrixCopy
    {
      explicit MatrixCopy(LA::SparseMatrix &matrix)
      {
        LA::check_petsc(MatDuplicate(matrix.petsc_matrix(), MAT_COPY_VALUES, &mat),
                        "MatDuplicate");
      }
      ~MatrixCopy()
      {
        MatDestroy(&mat);
      }
      MatrixCopy(const MatrixCopy &) = delete;
      MatrixCopy &
      operator=(const MatrixCopy &) = delete;

      Mat mat = nullptr;
    };
  } // namespace

  template <int dim>
  std::vector<std::complex<double>>
  ElectrochemicalCell<dim>::impedance(const LA::Vector          &x,
                                      double                     voltage,
                                      const std::vector<double> &frequencies)
  {
    if (!frequency_loop)
      {
        frequency_terms = create_frequency_terms(*term_context);
        frequency_loop  = std::make_unique<AssemblyLoop<dim>>(dof_handler, constraints,
                                                             frequency_terms, *scratch);
      }
    const LA::Vector no_history = ghosted_vector();
    auto             fresh      = [this] {
      return BorderedSystem{owned_vector(), 0., owned_vector(), owned_vector(), 0.};
    };
    BorderedSystem steady = fresh(), stored = fresh();
    loop->assemble({x, no_history, 0., 1., voltage, true}, steady, system_matrix);
    const MatrixCopy K(system_matrix);
    loop->assemble({x, no_history, 1., 1., voltage, true}, stored, system_matrix);
    const MatrixCopy M(system_matrix);
    LA::check_petsc(MatAXPY(M.mat, -1., K.mat, SAME_NONZERO_PATTERN), "MatAXPY");

    std::vector<PetscInt> identity_rows;
    for (const auto i : owned_dofs)
      if (constraints.is_constrained(i))
        identity_rows.push_back(i);

    const double per_particle_current =
      cell.loading_kg_m2 / (materials.active.density * am_volume);
    std::vector<std::complex<double>> z;
    ComplexLinearSystem               system;
    for (const double frequency : frequencies)
      {
        AssemblyInput in{x, no_history, 0., 1., voltage, true};
        in.angular_frequency = 2. * M_PI * frequency;
        BorderedSystem re = fresh(), im = fresh();
        frequency_loop->assemble(in, re, system_matrix);
        const MatrixCopy D_re(system_matrix);
        in.imaginary_part = true;
        frequency_loop->assemble(in, im, system_matrix);
        const MatrixCopy D_im(system_matrix);
        system.set_matrix({{K.mat, 1.},
                           {M.mat, Complex(0., in.angular_frequency)},
                           {D_re.mat, 1.},
                           {D_im.mat, Complex(0., 1.)}},
                          identity_rows);

        ComplexVector b{steady.db, im.db}, c{steady.dc, im.dc};
        b.re += re.db;
        c.re += re.dc;
        const Complex d(steady.dd + re.dd, im.dd);
        const Complex particle_current = d - bilinear_dot(c, system.solve(b));
        z.push_back(1. / (per_particle_current * particle_current));
      }
    return z;
  }

#define SSBCELL_INSTANTIATE(dim)                                                  \
  template std::vector<std::complex<double>> ElectrochemicalCell<dim>::impedance( \
    const LA::Vector &, double, const std::vector<double> &);
  SSBCELL_INSTANTIATE(1)
  SSBCELL_INSTANTIATE(2)
  SSBCELL_INSTANTIATE(3)
#undef SSBCELL_INSTANTIATE
} // namespace ssbcell
