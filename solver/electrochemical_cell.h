#pragma once
// The electrochemical cell model: Li diffusion in the active material (c),
// charge conservation of a single-ion conductor in coating and electrolyte
// (phi_e), Butler-Volmer kinetics on the particle surface and at the anode,
// and the electrode potential phi_s (= cell voltage against the anode) as the
// unknown of the galvanostatic current constraint.
//
// Fields live on their regions (FESystem of FE_Q and FE_Nothing, as in
// deal.II's step-46) and meet through interface terms on the faces between
// active material and coating/electrolyte. Per implicit step and test
// functions v (of c) and q (of phi_e), with w the volume weight:
//   R_c = int_AM [(a0 c + h)/dt v + D grad c . grad v] w + int_S (i_n/F) v w
//   R_e = int_E sigma grad phi_e . grad q w - int_S i_n q w - int_A i_a q w
//   g   = int_S i_n w - I_AM                      (current constraint)
//   i_n = i0(theta_s) [exp(alpha_a f eta) - exp(-alpha_c f eta)],
//   eta = phi_s - phi_e - (U(theta_s) - U_anode), f = F/RT,
// i_n > 0 leaving the particle; A is the anode boundary (i_a its anodic
// current, eta_a = -phi_e). A 1D particle model has no anode boundary: its
// outer boundary holds phi_e = -(eta_a(I) + I L_sep / sigma_SE), the
// lumped anode and separator. Newton's method solves the bordered system
// [J b; c^T d] with two solves of J per iteration, keeping J sparse.

#include <deal.II/base/index_set.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/fe/mapping.h>
#include <deal.II/hp/fe_collection.h>
#include <deal.II/lac/affine_constraints.h>

#include <meshes/geometry.h>
#include <physics/materials.h>
#include <solver/cell_parameters.h>
#include <solver/active_material_integrals.h>
#include <solver/cell_problem.h>

namespace ssbcell
{
  template <int dim>
  class ElectrochemicalCell : public CellProblem<dim>
  {
  public:
    ElectrochemicalCell(const dealii::Triangulation<dim> &triangulation,
                        const dealii::Mapping<dim>       &mapping,
                        unsigned int                      degree,
                        CoordinateSystem                  coordinate_system,
                        const Materials                  &materials,
                        const CellParameters             &cell);
    explicit ElectrochemicalCell(const CellProblemContext<dim> &context)
      : ElectrochemicalCell(context.triangulation, context.mapping, context.degree,
                            context.coordinate_system, context.materials, context.cell)
    {}

    bool
    has_interface_kinetics() const override
    {
      return true;
    }

    void
    setup(std::optional<double> fixed_surface_concentration = {}) override;
    LA::Vector
    owned_vector() const override;
    LA::Vector
    ghosted_vector() const override;
    double
    set_initial_state(double c0, LA::Vector &x) override;
    NewtonResult
    solve_step(LA::Vector           &x,
               const LA::Vector     &history,
               double                a0,
               double                dt,
               const StepDrive      &drive,
               double                voltage_guess,
               const NewtonControls &controls) override;

    double
    amount_of_li(const LA::Vector &x) const override;
    double
    surface_mean(const LA::Vector &x) const override;
    std::pair<double, double>
    l2_error(const LA::Vector            &x,
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
      return {"c", "phi_e"};
    }
    std::optional<double>
    exchange_current_integral(const LA::Vector &x) const override;
    double
    max_of_time_dependent(const LA::Vector &v) const override;

    // The pieces of one Newton system, public for the finite-difference test.
    struct System
    {
      LA::Vector residual;      // R (owned)
      double     constraint = 0; // g [A]
      // With the Jacobian: db = dR/dphi_s, dc = dg/dx, dd = dg/dphi_s.
      LA::Vector db, dc;
      double     dd = 0.;
    };
    // x and history ghosted; I_AM the current leaving the active material
    // [A, anodic positive]; the outer potential is phi_e on a 1D outer
    // boundary. Fills the Jacobian into jacobian() if asked.
    void
    assemble(const LA::Vector &x,
             const LA::Vector &history,
             double            a0,
             double            dt,
             double            phi_s,
             double            current_from_particles,
             bool              with_jacobian,
             System           &system);
    LA::SparseMatrix &
    jacobian()
    {
      return system_matrix;
    }
    // Potential the lumped anode and separator put on a 1D outer boundary.
    double
    outer_potential(double current_density) const;
    // Sets the constrained (outer-boundary) values of phi_e in x.
    void
    apply_outer_potential(double value, LA::Vector &x) const;

  private:
    template <typename CellIterator>
    bool
    is_reaction_face(const CellIterator &cell, unsigned int face) const;
    ActiveMaterialIntegrals<dim>
    integrals() const;
    double
    conductivity(dealii::types::material_id id) const;

    const dealii::Mapping<dim>       &mapping;
    const CoordinateSystem            coordinate_system;
    const Materials                  &materials;
    const CellParameters             &cell;
    MPI_Comm                          comm;
    dealii::DoFHandler<dim>           dof_handler;
    dealii::hp::FECollection<dim>     fe_collection;
    const unsigned int                degree;
    dealii::IndexSet                  owned_dofs, relevant_dofs;
    dealii::IndexSet                  c_dofs, phi_dofs, outer_dofs; // owned
    dealii::AffineConstraints<double> constraints; // homogeneous
    LA::SparseMatrix                  system_matrix;
    double am_volume = 0., am_surface_area = 0.;
  };
} // namespace ssbcell
