#pragma once
// The electrochemical cell model: Li diffusion in the active material (c),
// Li+ transport in coating and electrolyte (phi_e, plus c_e for a binary
// electrolyte), Butler-Volmer kinetics on the particle surface and at the
// anode, and the electrode potential phi_s (= cell voltage against the
// anode), the unknown of the galvanostatic current constraint or prescribed
// in a potentiostatic step.
//
// Fields live on their regions (solver/cell_models/electrochemical_layout.h)
// and meet through interface terms on the faces between active material and
// coating/electrolyte. Per implicit step and test functions v (of c), q (of
// phi_e) and p (of c_e), with w the volume weight:
//   R_c   = int_AM [(a0 c + h)/dt v + D grad c . grad v] w + int_S (i_n/F) v w
//   R_phi = -int_E i . grad q w - int_S i_n q w - int_A i_a q w
//   R_ce  = int_E [(a0 c_e + h_e)/dt p - N+ . grad p] w - int_S (i_n/F) p w
//           - int_A (i_a/F) p w                         (binary only)
//   g     = int_S i_n w - I_AM                          (current constraint)
// Each term is an assembler object of its own (solver/assembly/), chosen at
// set-up from what the run contains; Newton's method with the bordered step
// is solver/nonlinear/newton_solver.h.

#include <deal.II/base/index_set.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/fe/mapping.h>
#include <deal.II/hp/fe_collection.h>
#include <deal.II/lac/affine_constraints.h>

#include <meshes/geometry.h>
#include <meshes/ids.h>
#include <physics/analytic/manufactured_sources.h>
#include <physics/materials.h>
#include <solver/assembly/assembly_loop.h>
#include <solver/assembly/electrochemical_term.h>
#include <solver/cell_models/active_material_integrals.h>
#include <solver/cell_models/cell_problem.h>
#include <solver/cell_models/reacting_surface.h>
#include <solver/nonlinear/newton_solver.h>
#include <solver/nonlinear/nonlinear_problem.h>
#include <solver/parameters/cell_parameters.h>

#include <functional>
#include <memory>

namespace ssbcell
{
  template <int dim>
  class ElectrochemicalCell : public CellProblem<dim>,
                              public ReactingSurface<dim>,
                              public NonlinearProblem
  {
  public:
    using CellIterator            = typename dealii::DoFHandler<dim>::active_cell_iterator;
    using SurfaceCoupling         = ssbcell::SurfaceCoupling;
    using SurfaceCouplingFunction = typename ReactingSurface<dim>::SurfaceCouplingFunction;
    using System                  = BorderedSystem;

    ElectrochemicalCell(const dealii::Triangulation<dim> &triangulation,
                        const dealii::Mapping<dim>       &mapping,
                        unsigned int                      degree,
                        CoordinateSystem                  coordinate_system,
                        const Materials                  &materials,
                        const CellParameters             &cell,
                        std::vector<ParticleClass>        particle_classes  = {},
                        double                            coating_thickness = 0.);
    explicit ElectrochemicalCell(const CellProblemContext<dim> &context)
      : ElectrochemicalCell(context.triangulation,
                            context.mapping,
                            context.degree,
                            context.coordinate_system,
                            context.materials,
                            context.cell,
                            context.particle_classes,
                            context.coating_thickness)
    {
    }

    static CellModelTraits
    traits()
    {
      return {true, true, true, true};
    }

    // --- CellProblem ---
    bool
    has_interface_kinetics() const override
    {
      return traits().interface_kinetics;
    }
    bool
    has_potentiostatic_mode() const override
    {
      return traits().potentiostatic;
    }
    ReactingSurface<dim> *
    reacting_surface() override
    {
      return this;
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
    // electrochemical_impedance.cc
    std::vector<std::complex<double>>
    impedance(const LA::Vector          &x,
              double                     voltage,
              const std::vector<double> &frequencies) override;
    std::vector<std::pair<std::string, double>>
    work_counters() const override
    {
      return newton.work_counters();
    }

    // --- ReactingSurface (what the mechanics couples to) ---
    dealii::Quadrature<dim - 1>
    surface_quadrature() const override;
    void
    set_surface_coupling(SurfaceCouplingFunction coupling, bool shifts_ocp) override
    {
      surface_coupling_function = std::move(coupling);
      ocp_shifted               = shifts_ocp;
    }
    void
    set_conductivity_factor(
      typename ReactingSurface<dim>::ConductivityFactorFunction factor) override
    {
      conductivity_factor = std::move(factor);
    }

    // --- NonlinearProblem (what Newton's method needs) ---
    void
    assemble_system(const LA::Vector &x,
                    double            phi_s,
                    bool              with_jacobian,
                    BorderedSystem   &system) override;
    LA::SparseMatrix &
    jacobian() override
    {
      return system_matrix;
    }
    // Hanging-node constraints, and for a particle population the shared
    // outer electrolyte node.
    const dealii::AffineConstraints<double> &
    get_constraints() const override
    {
      return constraints;
    }
    std::vector<UnknownGroup>
    unknown_groups() const override;

    // The Newton system at (x, phi_s) for the step (history, a0, dt) and the
    // anodic particle current `current_from_particles` [A] the constraint
    // asks for; x and history ghosted (public for the finite-difference
    // test).
    void
    assemble(const LA::Vector &x,
             const LA::Vector &history,
             double            a0,
             double            dt,
             double            phi_s,
             double            current_from_particles,
             bool              with_jacobian,
             System           &system);

    // Manufactured-solution sources (verification); nullptr: none.
    void
    set_manufactured_sources(const ManufacturedSources<dim> *sources);
    // ||c - c_exact||_L2 over the active material and ||phi_e -
    // phi_exact||_L2 over the ion conductors (verification).
    std::pair<double, double>
    field_errors(const LA::Vector            &x,
                 const dealii::Function<dim> &c_exact,
                 const dealii::Function<dim> &phi_exact) const;

    // The cell current density [A/m^2, > 0 on discharge] that corresponds to
    // an anodic current `particle_current` [A] leaving the particles.
    double
    cell_current_density(double particle_current) const;
    // True if the anode is lumped on the outer boundary of a 1D model.
    bool
    has_lumped_anode() const
    {
      return lumped_anode;
    }

  private:
    // Set-up (electrochemical_setup.cc): the finite element of each cell
    // and the checks of the regions against the options; DoFs and
    // constraints; the sparsity pattern; the measures of the active
    // material; the terms of the run.
    void
    assign_finite_elements();
    void
    distribute_dofs();
    void
    make_sparsity_pattern();
    void
    measure_active_material();
    void
    choose_terms();
    // Ties the phi_s DoFs of active material and carbon on their 3D edges.
    void
    tie_electronic_potential_across_carbon();
    // Labels the disjoint pieces of a 1D population mesh with their class and
    // computes the class weights; returns the pairs (outer electrolyte DoF of
    // a piece, the same DoF of the first piece) that the constraints tie
    // together (electrochemical_population.cc).
    std::vector<std::pair<dealii::types::global_dof_index, dealii::types::global_dof_index>>
    setup_particle_classes();
    // The series resistance of each class's contacts (lateral transport
    // along the coating), class_series.
    void
    set_class_series_resistances();
    // The spreading's small-signal impedance less its DC value, of class k
    // at omega. The classes' values at the last omega are kept: the
    // frequency assembly asks at every reacting point.
    std::complex<double>
    class_series_change(unsigned int k, double omega) const;
    // Mean stoichiometry of each particle class (two or more classes).
    std::vector<std::pair<std::string, double>>
    population_diagnostics(const LA::Vector &x) const;

    const ActiveMaterialIntegrals<dim> &

    integrals() const;

    mutable std::unique_ptr<ActiveMaterialIntegrals<dim>> integrals_cache;
    const IonConductor &
    conductor(dealii::types::material_id id) const
    {
      return id == material_id::coating ? materials.coating : materials.electrolyte;
    }
    // The coupling at a point. For a population, the contact fraction of the
    // cell's particle class either scales a_c (the particle reacts only
    // where it touches the electrolyte) or, with lateral transport along the
    // coating, the whole surface reacts behind the class's spreading
    // resistance.
    SurfaceCoupling
    surface_coupling(const CellIterator &cell, unsigned int face, unsigned int q) const
    {
      SurfaceCoupling s = surface_coupling_function ?
                            surface_coupling_function(cell, face, q) :
                            SurfaceCoupling{};
      if (!classes.empty())
        {
          const unsigned int k = class_of_cell[cell->active_cell_index()];
          if (materials.coating_options.class_contacts_spread)
            s.series_resistance += class_series[k];
          else
            s.contact_fraction *= classes[k].contact_fraction;
        }
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
    // Per-point state of the particle reaction for the diagnostics
    // (electrochemical_losses.cc).
    template <typename Visitor>
    void
    for_each_reaction_point(const LA::Vector &x, double phi_s, Visitor visit) const;
    // Ohmic dissipation of coating and electrolyte and the anode's
    // current-weighted overpotential (electrochemical_losses.cc).
    void
    electrolyte_sums(const LA::Vector &x, double dissipation[2], double anode[2]) const;
    double
    ion_transfer_dissipation(const LA::Vector &x) const;

    const dealii::Mapping<dim>       &mapping;
    const CoordinateSystem            coordinate_system;
    const Materials                  &materials;
    const CellParameters             &cell;
    MPI_Comm                          comm;
    dealii::DoFHandler<dim>           dof_handler;
    dealii::hp::FECollection<dim>     fe_collection;
    const unsigned int                degree;
    const bool                        binary; // c_e is a field in the electrolyte
    bool                              lumped_anode     = false;
    bool                              split_coating    = false; // separated_coating cells
    bool                              resolved_coating = false; // has coating cells
    dealii::IndexSet                  owned_dofs, relevant_dofs;
    dealii::IndexSet                  c_dofs, phi_dofs, ce_dofs; // owned
    dealii::IndexSet                  phis_dofs;   // resolved phi_s (owned; in phi_dofs too)
    dealii::AffineConstraints<double> constraints; // homogeneous
    LA::SparseMatrix                  system_matrix;
    NewtonSolver                      newton;
    SurfaceCouplingFunction           surface_coupling_function;
    // sigma_eff / sigma of an electrolyte cell; none: 1.
    typename ReactingSurface<dim>::ConductivityFactorFunction conductivity_factor;
    bool                                                      ocp_shifted  = false;
    const ManufacturedSources<dim>                           *manufactured = nullptr;

    // The terms of the run and what they share.
    std::unique_ptr<TermContext<dim>>                      term_context;
    std::unique_ptr<ScratchData<dim>>                      scratch;
    std::vector<std::unique_ptr<ElectrochemicalTerm<dim>>> terms;
    std::unique_ptr<AssemblyLoop<dim>>                     loop;
    // The interface capacitances of the small-signal problem
    // (solver/assembly/frequency_term.h), made by the first impedance step.
    std::vector<std::unique_ptr<ElectrochemicalTerm<dim>>> frequency_terms;
    std::unique_ptr<AssemblyLoop<dim>>                     frequency_loop;
    // The step being solved (assemble_system reads it).
    struct Step
    {
      const LA::Vector *history                = nullptr; // ghosted
      double            a0                     = 1.;
      double            dt                     = 1.;
      double            current_from_particles = 0.; // [A], anodic
    } step;

    double                     am_volume = 0., am_surface_area = 0.;
    std::vector<ParticleClass> classes;           // empty: one particle, weight 1
    std::vector<unsigned int>  class_of_cell;     // by active cell index
    std::vector<double>        class_scale;       // particles per model particle
    std::vector<double>        class_series;      // contact spreading [ohm m^2 of surface]
    const double               coating_thickness; // resolved or thin layer [m]
    // class_series_change of every class at series_change_omega.
    mutable double                            series_change_omega = -1.;
    mutable std::vector<std::complex<double>> series_change;
  };
} // namespace ssbcell
