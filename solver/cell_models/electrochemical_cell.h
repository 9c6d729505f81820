#pragma once
// The electrochemical cell model: Li diffusion in the active material (c),
// Li+ transport in coating and electrolyte (phi_e, plus c_e for a binary
// electrolyte), Butler-Volmer kinetics on the particle surface and at the
// anode, and the electrode potential phi_s (= cell voltage against the
// anode), the unknown of the galvanostatic current constraint or prescribed
// in a potentiostatic step.
//
// Fields live on their regions (FESystem of FE_Q and FE_Nothing, as in
// deal.II's step-46) and meet through interface terms on the faces between
// active material and coating/electrolyte. Per implicit step and test
// functions v (of c), q (of phi_e) and p (of c_e), with w the volume weight:
//   R_c   = int_AM [(a0 c + h)/dt v + D grad c . grad v] w + int_S (i_n/F) v w
//   R_phi = -int_E i . grad q w - int_S i_n q w - int_A i_a q w
//   R_ce  = int_E [(a0 c_e + h_e)/dt p - N+ . grad p] w - int_S (i_n/F) p w
//           - int_A (i_a/F) p w                         (binary only)
//   g     = int_S i_n w - I_AM                          (current constraint)
// with i and N+ from the electrolyte model, i_n from ParticleReaction, i_a
// the anode current (eta_a = -phi_e). A 1D particle model without an anode
// boundary carries the lumped anode and separator on its outer boundary:
// there phi_e = -(eta_a(I) + I R_lumped) fixes the cell current I, with
// R_lumped the separator and composite electrolyte (CellParameters).
// Newton's method solves the bordered system [J b; c^T d] with two solves of
// J per iteration, keeping J sparse. The interface and electrolyte terms are
// differentiated automatically (physics/ad_number.h).

#include <deal.II/base/index_set.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/fe/fe_values_extractors.h>
#include <deal.II/fe/mapping.h>
#include <deal.II/hp/fe_collection.h>
#include <deal.II/lac/affine_constraints.h>

#include <meshes/geometry.h>
#include <meshes/ids.h>
#include <physics/analytic/manufactured_sources.h>
#include <physics/materials.h>
#include <solver/cell_models/active_material_integrals.h>
#include <solver/cell_models/cell_problem.h>
#include <solver/parameters/cell_parameters.h>

#include <functional>
#include <memory>

namespace ssbcell
{
  template <int dim>
  class ElectrochemicalCell : public CellProblem<dim>
  {
  public:
    using CellIterator = typename dealii::DoFHandler<dim>::active_cell_iterator;
    // What another model (the mechanics) imposes on the particle reaction at
    // a point of the reacting surface: the contact fraction a_c [-] and a
    // shift of the open-circuit potential [V].
    struct SurfaceCoupling
    {
      double contact_fraction = 1.;
      double ocp_shift        = 0.;
    };
    // The coupling at quadrature point q of face f of an active-material cell.
    using SurfaceCouplingFunction =
      std::function<SurfaceCoupling(const CellIterator &, unsigned int face, unsigned int q)>;

    ElectrochemicalCell(const dealii::Triangulation<dim> &triangulation,
                        const dealii::Mapping<dim>       &mapping,
                        unsigned int                      degree,
                        CoordinateSystem                  coordinate_system,
                        const Materials                  &materials,
                        const CellParameters             &cell,
                        std::vector<ParticleClass>        particle_classes = {});
    explicit ElectrochemicalCell(const CellProblemContext<dim> &context)
      : ElectrochemicalCell(context.triangulation,
                            context.mapping,
                            context.degree,
                            context.coordinate_system,
                            context.materials,
                            context.cell,
                            context.particle_classes)
    {
    }

    bool
    has_interface_kinetics() const override
    {
      return true;
    }
    bool
    has_potentiostatic_mode() const override
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
      return {"c", "phi_e", "c_e", "phi_e_coating", "phi_s"};
    }
    std::optional<double>
    exchange_current_integral(const LA::Vector &x) const override;
    double
    max_of_time_dependent(const LA::Vector &v) const override;
    std::vector<std::pair<std::string, double>>
    voltage_losses(const LA::Vector &x, double voltage) const override;
    std::vector<std::pair<std::string, dealii::Vector<float>>>
    cell_fields(const LA::Vector &x, double voltage) const override;
    std::vector<std::pair<std::string, double>>
    diagnostics(const LA::Vector &x) const override;
    std::vector<std::pair<std::string, double>>
    work_counters() const override
    {
      return {{"assemblies", counters.assemblies},
              {"assembly_time_s", counters.assembly_time},
              {"linear_setups", counters.setups},
              {"linear_setup_time_s", counters.setup_time},
              {"linear_solves", counters.solves},
              {"linear_solve_time_s", counters.solve_time},
              {"line_search_backtracks", counters.backtracks}};
    }

    // Replaces a_c = 1 and a zero OCP shift (the mechanics). `shifts_ocp`
    // says whether the shift can be nonzero (it then has its own entry,
    // stress_V, in the loss breakdown).
    void
    set_surface_coupling(SurfaceCouplingFunction coupling, bool shifts_ocp)
    {
      surface_coupling_function = std::move(coupling);
      ocp_shifted               = shifts_ocp;
    }

    // Manufactured-solution sources (verification); nullptr: none.
    void
    set_manufactured_sources(const ManufacturedSources<dim> *sources)
    {
      manufactured = sources;
    }
    // ||c - c_exact||_L2 over the active material and ||phi_e -
    // phi_exact||_L2 over the ion conductors (verification).
    std::pair<double, double>
    field_errors(const LA::Vector            &x,
                 const dealii::Function<dim> &c_exact,
                 const dealii::Function<dim> &phi_exact) const;

    // The pieces of one Newton system, public for the finite-difference test.
    struct System
    {
      LA::Vector residual;       // R (owned)
      double     constraint = 0; // g [A]
      // With the Jacobian: db = dR/dphi_s, dc = dg/dx, dd = dg/dphi_s.
      LA::Vector db, dc;
      double     dd = 0.;
    };
    // x and history ghosted; `current_from_particles` is I_AM [A, anodic
    // positive]. Fills the Jacobian into jacobian() if asked.
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
    // The cell current density [A/m^2, > 0 on discharge] that corresponds to
    // an anodic current `particle_current` [A] leaving the particles.
    double
    cell_current_density(double particle_current) const;
    // Hanging-node constraints, and for a particle population the shared
    // outer electrolyte node (public for the finite-difference test).
    const dealii::AffineConstraints<double> &
    get_constraints() const
    {
      return constraints;
    }
    // True if the anode is lumped on the outer boundary of a 1D model.
    bool
    has_lumped_anode() const
    {
      return lumped_anode;
    }

  private:
    // A face of an active-material cell towards coating or electrolyte.
    template <typename Iterator>
    static bool
    is_reaction_face(const Iterator &c, unsigned int f)
    {
      if (c->face(f)->at_boundary())
        return false;
      const auto id = c->neighbor(f)->material_id();
      return id == material_id::coating || id == material_id::electrolyte;
    }
    // A face of a coating cell with its own potential towards electrolyte.
    template <typename Iterator>
    static bool
    is_transfer_face(const Iterator &c, unsigned int f)
    {
      return !c->face(f)->at_boundary() &&
             c->neighbor(f)->material_id() == material_id::electrolyte;
    }
    // The Li+ potential in a cell of the given fe index: component 1, or 3
    // in a coating separated from the electrolyte by an ion-transfer
    // resistance (fe index 4).
    static dealii::FEValuesExtractors::Scalar
    potential_of(unsigned int fe_index)
    {
      return dealii::FEValuesExtractors::Scalar(fe_index == 4 ? 3 : 1);
    }
    ActiveMaterialIntegrals<dim>
    integrals() const;
    const IonConductor &
    conductor(dealii::types::material_id id) const;
    // The coupling at a point, with a_c times the contact fraction of the
    // cell's particle class.
    SurfaceCoupling
    surface_coupling(const CellIterator &cell, unsigned int face, unsigned int q) const
    {
      SurfaceCoupling s = surface_coupling_function ?
                            surface_coupling_function(cell, face, q) :
                            SurfaceCoupling{};
      if (!classes.empty())
        s.contact_fraction *=
          classes[class_of_cell[cell->active_cell_index()]].contact_fraction;
      return s;
    }
    // The volume weight of the coordinate system times, for a population of
    // particle classes, the number of particles of the cell's class per
    // model particle: the model stands for one particle of the mean volume.
    template <typename Iterator>
    double
    weight(const Iterator &c, const dealii::Point<dim> &p) const
    {
      return volume_weight(coordinate_system, p) * class_weight(c);
    }
    template <typename Iterator>
    double
    class_weight(const Iterator &c) const
    {
      return classes.empty() ? 1. : class_scale[class_of_cell[c->active_cell_index()]];
    }
    template <typename Iterator>
    unsigned int
    particle_class(const Iterator &c) const
    {
      return classes.empty() ? 0 : class_of_cell[c->active_cell_index()];
    }
    // Labels the disjoint pieces of a 1D population mesh with their class and
    // computes the class weights; returns the pairs (outer electrolyte DoF of
    // a piece, the same DoF of the first piece) that the constraints tie
    // together (electrochemical_population.cc).
    std::vector<std::pair<dealii::types::global_dof_index, dealii::types::global_dof_index>>
    setup_particle_classes();
    // Ties the phi_s DoFs of active material and carbon on their 3D edges.
    void
    tie_electronic_potential_across_carbon();
    // Mean stoichiometry of each particle class (two or more classes).
    std::vector<std::pair<std::string, double>>
    population_diagnostics(const LA::Vector &x) const;
    // The lumped anode: the cell current density I [A/m^2] at which
    // eta_a(I) + I R_lumped = -phi_e [V] on the outer boundary.
    ADNumber
    lumped_anode_current(const ADNumber &phi_e) const;
    // Per-point state of the particle reaction for the diagnostics.
    template <typename Visitor>
    void
    for_each_reaction_point(const LA::Vector &x, double phi_s, Visitor visit) const;

    const dealii::Mapping<dim>       &mapping;
    const CoordinateSystem            coordinate_system;
    const Materials                  &materials;
    const CellParameters             &cell;
    MPI_Comm                          comm;
    dealii::DoFHandler<dim>           dof_handler;
    dealii::hp::FECollection<dim>     fe_collection;
    const unsigned int                degree;
    const bool                        binary; // c_e is a field in the electrolyte
    bool                              lumped_anode  = false;
    bool                              split_coating = false; // fe index 4 in the coating
    dealii::IndexSet                  owned_dofs, relevant_dofs;
    dealii::IndexSet                  c_dofs, phi_dofs, ce_dofs; // owned
    dealii::IndexSet                  phis_dofs;   // resolved phi_s (owned; in phi_dofs too)
    dealii::AffineConstraints<double> constraints; // homogeneous
    LA::SparseMatrix                  system_matrix;
    std::unique_ptr<LinearSolver>     linear_solver; // reused while the pattern lasts
    SurfaceCouplingFunction           surface_coupling_function;
    bool                              ocp_shifted  = false;
    const ManufacturedSources<dim>   *manufactured = nullptr;
    struct Counters
    {
      double assemblies = 0, assembly_time = 0, setups = 0, setup_time = 0, solves = 0,
             solve_time = 0, backtracks = 0;
    } counters;
    double                     am_volume = 0., am_surface_area = 0.;
    std::vector<ParticleClass> classes;       // empty: one particle, weight 1
    std::vector<unsigned int>  class_of_cell; // by active cell index
    std::vector<double>        class_scale;   // particles per model particle
  };
} // namespace ssbcell
