#pragma once
// Li diffusion in the active material (material id 1) on a mesh that also
// holds other regions: FE_Q on active-material cells, FE_Nothing elsewhere
// (step-46 style), so later fields can live on their own regions.
//
// One implicit (BDF) step solves, for c^{n+1},
//   R_i = int_AM [ (a0 c + h)/dt phi_i + D(c/c_max) grad c . grad phi_i ] w dx
//         - int_surface N phi_i w ds = 0,
// where h = a1 c^n + a2 c^{n-1}, w the coordinate system's volume weight and
// N [mol/m^2/s] the uniform influx of Li through the particle surface
// (N > 0 on discharge). Newton's method with the exact Jacobian
//   J_ij = int [ a0/dt phi_j phi_i + D grad phi_j . grad phi_i
//                + D'/c_max phi_j grad c . grad phi_i ] w dx.

#include <deal.II/base/function.h>
#include <deal.II/base/index_set.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/fe/mapping.h>
#include <deal.II/hp/fe_collection.h>
#include <deal.II/lac/affine_constraints.h>

#include <meshes/geometry.h>
#include <physics/materials.h>
#include <solver/cell_models/active_material_integrals.h>
#include <solver/cell_models/cell_problem.h>
#include <solver/linear_algebra/linear_algebra.h>
#include <solver/linear_algebra/linear_solver.h>
#include <solver/nonlinear/newton_solver.h>
#include <solver/nonlinear/nonlinear_problem.h>

#include <optional>

namespace ssbcell
{
  template <int dim>
  class ActiveMaterialDiffusion : public CellProblem<dim>, public NonlinearProblem
  {
  public:
    ActiveMaterialDiffusion(const dealii::Triangulation<dim> &triangulation,
                            const dealii::Mapping<dim>       &mapping,
                            unsigned int                      degree,
                            CoordinateSystem                  coordinate_system,
                            const Materials                  &materials);
    explicit ActiveMaterialDiffusion(const CellProblemContext<dim> &context)
      : ActiveMaterialDiffusion(context.triangulation,
                                context.mapping,
                                context.degree,
                                context.coordinate_system,
                                context.materials)
    {
    }

    // A flux-driven model: no voltage to hold, no kinetics, no surface to
    // couple to.
    static CellModelTraits
    traits()
    {
      return {};
    }

    // Distributes DoFs, builds constraints and the matrix. If a fixed surface
    // concentration is given, the surface values are constrained to it
    // (verification only: the cell model drives the surface by a flux).
    void
    setup(std::optional<double> fixed_surface_concentration = {}) override;

    LA::Vector
    owned_vector() const override;
    LA::Vector
    ghosted_vector() const override;

    // c = c0 everywhere (and the fixed surface value, if any); returns the
    // open-circuit voltage of that state.
    double
    set_initial_state(double c0, LA::Vector &c) override;

    // Solves one implicit step in place (c: initial guess in, solution out),
    // driven by drive.surface_flux; the voltage is the surface OCV.
    NewtonResult
    solve_step(LA::Vector           &c,
               const LA::Vector     &history,
               double                a0,
               double                dt,
               const StepDrive      &drive,
               double                voltage_guess,
               const NewtonControls &controls) override;

    // Public for the finite-difference Jacobian test. Vectors are ghosted.
    void
    assemble_residual(const LA::Vector &c,
                      const LA::Vector &history,
                      double            a0,
                      double            dt,
                      double            surface_flux,
                      LA::Vector       &residual) const;
    void
    assemble_jacobian(const LA::Vector &c, double a0, double dt);

    // Integrals over the active material (ghosted input), all ranks.
    double
    amount_of_li(const LA::Vector &c) const override; // int c w dx [mol]
    double
    surface_mean(const LA::Vector &c) const override; // int_S c w ds / |S|
    // ||c - exact||_L2 and ||exact - reference||_L2 (for a relative error).
    std::pair<double, double>
    l2_error(const LA::Vector            &c,
             const dealii::Function<dim> &exact,
             double                       reference) const override;

    double
    volume() const override
    {
      return am_volume;
    }
    double
    surface_area() const override
    {
      return am_surface_area;
    }
    const dealii::DoFHandler<dim> &
    get_dof_handler() const override
    {
      return dof_handler;
    }
    std::vector<std::string>
    field_names() const override
    {
      return {"c"};
    }
    std::vector<std::pair<std::string, double>>
    work_counters() const override
    {
      return newton.work_counters();
    }

    // --- NonlinearProblem: the residual of the step being solved ---
    void
    assemble_system(const LA::Vector &c,
                    double            phi_s,
                    bool              with_jacobian,
                    BorderedSystem   &system) override;
    LA::SparseMatrix &
    jacobian() override
    {
      return system_matrix;
    }
    const dealii::AffineConstraints<double> &
    get_constraints() const override
    {
      return constraints;
    }
    std::vector<UnknownGroup>
    unknown_groups() const override
    {
      return {{owned_dofs, material.max_concentration, false}};
    }

  private:
    // Open-circuit voltage of the mean surface stoichiometry vs the anode.
    double
    surface_ocv(const LA::Vector &c_owned) const;

    template <typename CellIterator>
    bool
    is_surface_face(const CellIterator &cell, unsigned int face) const;
    const ActiveMaterialIntegrals<dim>                                                       &
    integrals() const;
    mutable std::unique_ptr<ActiveMaterialIntegrals<dim>> integrals_cache;

    const dealii::Mapping<dim>       &mapping;
    const CoordinateSystem            coordinate_system;
    const Materials                  &materials;
    const ActiveMaterial             &material;
    MPI_Comm                          comm;
    dealii::DoFHandler<dim>           dof_handler;
    dealii::hp::FECollection<dim>     fe_collection;
    const unsigned int                degree;
    dealii::IndexSet                  owned_dofs, relevant_dofs;
    dealii::AffineConstraints<double> constraints; // homogeneous
    dealii::IndexSet                  surface_dofs;
    std::optional<double>             fixed_surface;
    LA::SparseMatrix                  system_matrix;
    NewtonSolver                      newton;
    // The step being solved (assemble_system reads it).
    struct Step
    {
      const LA::Vector *history      = nullptr; // ghosted
      double            a0           = 1.;
      double            dt           = 1.;
      double            surface_flux = 0.; // [mol/m^2/s]
    } step;
    double am_volume = 0., am_surface_area = 0.;
  };
} // namespace ssbcell
