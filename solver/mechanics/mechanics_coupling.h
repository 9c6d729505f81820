#pragma once
// Two-way coupling of the mechanics with the electrochemical cell model
// (docs/mechanics.md). The concentration sets the chemical strain; the
// mechanics gives the stress; on the reacting surface the normal traction
// t_n sets the contact fraction a_c = law(t_n, t_held) that multiplies the
// Butler-Volmer current (t_held, the largest t_n the point held in an
// accepted state, is the history a law with unloading hysteresis needs), and (optionally) the hydrostatic stress shifts the
// open-circuit potential by Omega sigma_h / F. These two "coupling fields"
// are stored per surface quadrature point and read by the cell model. With a
// compaction law on a resolved mesh a third one, the conductivity factor of
// each electrolyte cell, follows the porosity its stress gives.
//
// Within a time step the coupling is iterated to a fixed point
// (solve_step): the step is solved with the fields of the last accepted
// state, the mechanics with the result, and the step again with the new
// fields (with Anderson acceleration: solver/nonlinear/anderson_acceleration.h),
// until they change by less than the tolerance. With 0 iterations
// the coupling is staggered: the fields of the last accepted state serve
// the whole step.
//
// t_n is read on the active-material side of the reacting face (AM|coating
// or AM|SE). Across a bonded coating a few nanometres thick the normal
// traction is continuous to O(L/R), so this is the traction at the
// coating|SE contact the law describes; the law's contact modulus E* pairs
// the particle's outer solid (coating, if the mesh has one, else AM) with
// the electrolyte.

#include <deal.II/base/parameter_handler.h>
#include <deal.II/numerics/data_out.h>

#include <meshes/mesh_generator.h>
#include <physics/compaction_law.h>
#include <physics/contact_law.h>
#include <physics/effective_conductivity.h>
#include <physics/powder_stiffness.h>
#include <physics/surface_gap.h>
#include <solver/cell_models/reacting_surface.h>
#include <solver/mechanics/mechanics_problem.h>
#include <solver/nonlinear/newton_solver.h>

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ssbcell
{
  template <int dim>
  class MechanicsCoupling
  {
  public:
    using SurfaceCoupling = ssbcell::SurfaceCoupling;

    // Installs the coupling fields in `cell_model`, with the contact law of
    // `parameters`; `temperature` [K] scales the OCP shift in the
    // convergence measure.
    MechanicsCoupling(const dealii::Triangulation<dim> &triangulation,
                      const dealii::Mapping<dim>       &mapping,
                      unsigned int                      degree,
                      CoordinateSystem                  coordinate_system,
                      const Materials                  &materials,
                      const MechanicsParameters        &parameters,
                      double                            temperature,
                      ReactingSurface<dim>             &cell_model);

    // Solves the mechanics for the state x (owned vector of the cell model)
    // and sets the coupling fields from the new stress.
    void
    update(const LA::Vector &x);

    // The fields of the last accepted state: keep them (after update() with
    // that state), and go back to them (before a new trial step).
    void
    accept();
    void
    restore();

    // One implicit step of the cell model with the coupling iterated to its
    // fixed point: `solve(n)` runs the cell model's Newton solve into x
    // (whose value on entry is its initial guess), with at most n
    // iterations if n > 0. Starts from the accepted fields. Not converged
    // (returned as a failed step) if Newton fails or the fields still move
    // after the maximum number of iterations. The result's
    // coupling_iterations counts the mechanics solves (0 when staggered).
    NewtonResult
    solve_step(LA::Vector &x, const std::function<NewtonResult(unsigned int)> &solve);

    // Receives a line per iteration of the powder's pressing, the longest
    // part of a large resolved cell's set-up (the study's 3D volume presses
    // for a quarter of an hour); none by default.
    void
    set_progress(std::function<void(const std::string &)> report)
    {
      progress = std::move(report);
    }

    // Diagnostics for summary.json: contact_fraction_mean (area mean of a_c
    // over the reacting surface), the mean OCP shift if it is on, the
    // linear iterations of the last mechanics solve, and with a surface gap
    // model the gaps' volume (surface_gap_volume_m3; per unit depth in 2D)
    // and mean depth (surface_gap_depth_mean_m).
    std::vector<std::pair<std::string, double>>
    diagnostics() const;
    // The area-mean contact fraction alone (statistics.csv).
    double
    mean_contact_fraction() const;
    // contact_fraction_by_angle: the angle bins between the surface normal
    // and the pressing axis, 0-30, 30-60 and 60-90 degrees, with their
    // mean a_c; bins without area are left out; empty in 1D.
    struct AngleBin
    {
      double min_deg, max_deg, mean;
    };
    std::vector<AngleBin>
    contact_by_angle() const;
    // The contact per particle drawn by the mesh generator (2D, 3D): each
    // reacting face belongs to the particle whose sphere lies nearest to its
    // centre. Sums over all ranks; bins as in contact_by_angle().
    struct ParticleContact
    {
      double area = 0.; // reacting surface [m^2 or m in 2D]
      double mean = 0.; // area mean of a_c
      // Area mean of a_c counting only faces whose electrolyte (or coating)
      // is joined to the anode by an ionic path (meshes/ionic_network.h).
      double                reached_mean = 0.;
      std::array<double, 3> bin_area{}; // 0-30, 30-60, 60-90 degrees
      std::array<double, 3> bin_mean{}; // NaN for a bin without area
    };
    std::vector<ParticleContact>
    contact_per_particle(const std::vector<DrawnParticle> &particles) const;
    // A compaction law on a resolved mesh (2D, 3D; docs/physics.md,
    // "Compaction of a resolved electrolyte"): every electrolyte cell gets
    // the law's porosity at its mean compressive stress; a reacting face
    // touches only the solid part of the powder across it, so its contact
    // becomes min(law(t_n), 1 - phi); and the cell conducts with sigma f(1 -
    // phi), f the effective-conductivity model. Takes effect from the next
    // update().
    void
    set_compaction(std::shared_ptr<const CompactionLaw>              compaction,
                   double                                            initial_porosity,
                   std::shared_ptr<const EffectiveConductivityModel> conductivity);
    bool
    compacts() const
    {
      return compaction != nullptr;
    }
    // The porosity of every electrolyte cell, by active cell index, on
    // locally owned and ghost cells (1 in voids, 0 on other solids and
    // without a compaction law). Compaction is permanent: a cell keeps the porosity of
    // the largest pressure it held in an accepted state, so pores do not
    // reopen when particles shrink and unload it.
    dealii::Vector<double>
    cell_porosity() const;
    // sigma_eff / sigma of every owned electrolyte cell by active cell index
    // (1 elsewhere): the conductivity the cell model uses.
    dealii::Vector<double>
    cell_conductivity() const
    {
      return dealii::Vector<double>(conductivity.begin(), conductivity.end());
    }
    // summary.json: electrolyte_porosity_mean/min/max, and where the mesh
    // has layers, separator_porosity and composite_porosity (pore volume
    // over layer volume; void cells count as pores; with a surface gap
    // model the gaps at the particle surfaces count as pores of the
    // composite, composite_surface_gap_porosity their share, and so do the
    // voids inside the carbon, composite_carbon_void_porosity, with
    // composite_carbon_fraction the carbon's aggregates whole); with an
    // effective-conductivity model, electrolyte_conductivity_factor_mean and
    // separator_conductivity_factor (volume means of sigma_eff / sigma).
    std::vector<std::pair<std::string, double>>
    porosity_diagnostics(const dealii::Vector<double>     &porosity,
                         const std::optional<LayerBounds> &layers) const;
    // For particle models (1D): sigma_h at the centre and the hoop stress at
    // the surface of the particle (the largest class) [Pa].
    std::pair<double, double>
    particle_stresses() const;

    std::vector<std::pair<std::string, dealii::Vector<float>>>
    cell_fields() const
    {
      return mechanics.cell_fields();
    }
    void
    add_data_vectors(dealii::DataOut<dim> &data_out) const
    {
      mechanics.add_data_vectors(data_out);
    }
    unsigned int
    last_iterations() const
    {
      return iterations;
    }

  private:
    using CellIterator = typename ReactingSurface<dim>::CellIterator;
    // Volume integrals over the mesh (all ranks) behind porosity_diagnostics.
    struct PorositySums
    {
      // Over the electrolyte: its volume, its pores, and the integrals of
      // f(1 - phi) and E_eff / E; the extreme porosities of its cells.
      double electrolyte_volume = 0., electrolyte_pores = 0.;
      double electrolyte_conductivity = 0., electrolyte_stiffness = 0.;
      double lowest = HUGE_VAL, highest = -HUGE_VAL;
      // The same over the separator's electrolyte.
      double separator_electrolyte_volume = 0., separator_conductivity = 0.,
             separator_stiffness = 0.;
      // Per layer (separator, composite): all volume and its pores (void
      // cells whole); the carbon's volume in the composite.
      std::array<double, 2> layer_volume{{0., 0.}}, layer_pores{{0., 0.}};
      double                composite_carbon = 0.;
    };
    PorositySums
    porosity_sums(const dealii::Vector<double>     &porosity,
                  const std::optional<LayerBounds> &layers) const;
    // separator_porosity, composite_porosity and the shares of the pores
    // the mesh does not hold (gaps at the particles, voids in the carbon).
    void
    add_layer_porosities(const dealii::Vector<double>                &porosity,
                         PorositySums                                 sums,
                         std::vector<std::pair<std::string, double>> &d) const;
    // Calls visit(cell, face) for the reacting faces (towards coating or
    // electrolyte) of the locally owned active-material cells, in the same
    // order every time: the order of the fields.
    void
    for_each_reacting_face(
      const std::function<void(const CellIterator &, unsigned int)> &visit) const;
    // Calls visit(cell, face, point index, area weight, unit normal) for
    // every quadrature point of the reacting faces of the locally owned
    // active-material cells.
    void
    for_each_surface_point(
      const std::function<void(const CellIterator &,
                               unsigned int,
                               unsigned int,
                               double,
                               const dealii::Tensor<1, dim> &)> &visit) const;
    // The reacting surface's area and the volume of its gaps (summed over
    // all ranks), with `porosity` the cells' porosity (cell_porosity()).
    std::pair<double, double>
    surface_gap_sums(const dealii::Vector<double> &porosity) const;
    // Numbers the quadrature points of the reacting faces (offsets, fields).
    void
    index_surface_points();
    // Solves the mechanics for x; returns, per point i, what the new stress
    // asks of the fields: r[2i] = law(t_n) - a_c and r[2i+1] = (dU(sigma_h)
    // - dU) F/(RT), both relative changes of the current.
    std::vector<double>
    residual(const LA::Vector &x);
    // The fields as one vector, scaled as the residual (a_c, dU F/(RT)),
    // and back.
    std::vector<double>
    state() const;
    void
    set_state(const std::vector<double> &x);
    // Sums of a_c w and w over the reacting surface, by angle bin (one bin
    // in 1D), over all ranks.
    void
    contact_sums(std::vector<double> &area, std::vector<double> &contact) const;
    const SurfaceCoupling &
    field(const CellIterator &cell, unsigned int face, unsigned int q) const;
    // The current mean compressive stress -sigma_h of every owned
    // electrolyte cell (0 elsewhere), by active cell index.
    std::vector<double>
    cell_pressures() const;
    // sigma_eff / sigma of powder of porosity phi: f(1 - phi), but at least
    // sealed_powder_conductivity.
    double
    powder_conductivity(double porosity) const;
    // E_eff / E of powder of porosity phi (the Mechanics/Powder stiffness
    // model).
    double
    powder_stiffness(double porosity) const;
    // Sets E_eff / E of every electrolyte cell from `porosity` (owned and
    // ghost cells) if one of them changes by more than `threshold`
    // (relative; collective); returns the largest relative change.
    double
    refresh_stiffness(const dealii::Vector<double> &porosity, double threshold);
    // The pressing of a powder whose stiffness follows its porosity: the
    // mechanics, the pressures held and the stiffness iterated together
    // (once, before the first residual).
    void
    press_powder();
    // Appends to r, per owned electrolyte cell, f(1 - phi) minus the factor
    // the cell model conducts with (a coupling field like a_c).
    void
    conductivity_residual(const dealii::Vector<double> &porosity,
                          std::vector<double>          &r) const;

    MechanicsProblem<dim>               mechanics;
    ReactingSurface<dim>               &cell_model;
    const dealii::Quadrature<dim - 1>   surface_quadrature;
    const dealii::Mapping<dim>         &mapping;
    const CoordinateSystem              coordinate_system;
    const unsigned int                  degree;
    const Materials                    &materials;
    const MechanicsParameters::Coupling controls;
    const bool                          stress_dependent_ocp;
    const double                        thermal_voltage; // RT/F [V]
    std::shared_ptr<ContactLaw>         law;             // parsed with the parameters
    // `Mechanics/Contact/Surface gap`; null: none.
    std::shared_ptr<const SurfaceGapModel>            surface_gap;
    std::shared_ptr<const CompactionLaw>              compaction; // none: dense electrolyte
    double                                            initial_porosity = 0.;
    std::shared_ptr<const EffectiveConductivityModel> effective_conductivity;
    // The owned electrolyte cells (active cell index, in the order of the
    // state), and sigma_eff / sigma per active cell (1 without compaction).
    std::vector<unsigned int> powder_cells;
    std::vector<double>       conductivity, accepted_conductivity;
    // Per active cell: the largest mean compressive stress of an accepted
    // state (owned electrolyte cells).
    std::vector<double> pressure_held;
    // `Mechanics/Powder stiffness`.
    const std::shared_ptr<const PowderStiffnessModel> stiffness_model;
    const bool                                        stiffness_follows_contacts;
    // An accepted state changes a cell's stiffness only by more than this
    // (relative): the stress during cycling moves the pressures held by
    // little, and each change costs a new matrix and its multigrid.
    static constexpr double stiffness_refresh_threshold = 1e-2;
    // E_eff / E per active cell: empty unless the powder's stiffness follows
    // its porosity; then set by press_powder() and raised in accept().
    std::vector<double> stiffness;
    bool                powder_pressed      = false;
    unsigned int        pressing_iterations = 0; // mechanics solves of press_powder()
    const unsigned int  pressing_steps;          // if a solid yields
    bool                pressed = false;         // by the first solve
    LA::Vector          x_ghosted;               // referenced by the mechanics
    unsigned int        iterations = 0;          // of the last mechanics solve
    // The fields at the quadrature points of the reacting faces, and where
    // each face's points start (by face key).
    std::vector<SurfaceCoupling> fields, accepted;
    // Per surface point: the largest compressive normal traction of an
    // accepted state [Pa], the loading history of a hysteretic contact law.
    std::vector<double>                                 traction_held;
    std::unordered_map<unsigned long long, std::size_t> offsets;

    // set_progress(); empty: silent.
    std::function<void(const std::string &)> progress;
  };
} // namespace ssbcell
