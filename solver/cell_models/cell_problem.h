#pragma once
// What the time loop (solver/simulator.h) needs from a cell model: the
// finite-element problem of one implicit step, and the quantities it reports.
// Implementations: ActiveMaterialDiffusion (Li diffusion driven by a uniform
// surface flux) and ElectrochemicalCell (diffusion coupled to ionic
// conduction and Butler-Volmer kinetics).

#include <deal.II/base/function.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/fe/mapping.h>
#include <deal.II/lac/vector.h>

#include <meshes/geometry.h>
#include <meshes/mesh_generator.h>
#include <physics/materials.h>
#include <physics/registry.h>
#include <solver/cell_models/reacting_surface.h>
#include <solver/linear_algebra/linear_algebra.h>
#include <solver/linear_algebra/linear_solver.h>
#include <solver/nonlinear/newton_solver.h>
#include <solver/parameters/cell_parameters.h>

#include <complex>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ssbcell
{
  // How the step is driven: the applied current density [A/m^2 of cell
  // area, > 0 on discharge] and the equivalent uniform Li influx through the
  // active-material surface [mol/m^2/s]; or, for a potentiostatic step, the
  // cell voltage [V vs anode] (the current is then the response).
  struct StepDrive
  {
    double                current_density = 0.;
    double                surface_flux    = 0.;
    std::optional<double> voltage;
    // A sweep [V/s]: the voltage at the end of a time step of size dt is
    // voltage + voltage_rate dt (voltage is the one at the step's start).
    double voltage_rate = 0.;
  };

  template <int dim>
  class CellProblem
  {
  public:
    virtual ~CellProblem() = default;

    // DoFs, constraints, matrices. A fixed surface concentration replaces the
    // flux condition (verification only).
    virtual void
    setup(std::optional<double> fixed_surface_concentration) = 0;

    virtual LA::Vector
    owned_vector() const = 0;
    virtual LA::Vector
    ghosted_vector() const = 0;

    // The state at t = 0 (uniform c0 and what else the model needs) and its
    // cell voltage.
    virtual double
    set_initial_state(double c0, LA::Vector &x) = 0;

    // One implicit BDF step for x (initial guess in, solution out):
    // (a0 x + history)/dt = f(x) for the time-dependent fields.
    // `voltage_guess` starts the electrode potential where it is unknown.
    virtual NewtonResult
    solve_step(LA::Vector           &x,
               const LA::Vector     &history,
               double                a0,
               double                dt,
               const StepDrive      &drive,
               double                voltage_guess,
               const NewtonControls &controls) = 0;

    // Reported quantities (ghosted input; every rank gets the result).
    virtual double
    amount_of_li(const LA::Vector &x) const = 0; // [mol]
    virtual double
    surface_mean(const LA::Vector &x) const = 0; // c on the AM surface
    virtual std::pair<double, double>
    l2_error(const LA::Vector            &x,
             const dealii::Function<dim> &exact,
             double                       reference) const = 0;
    virtual double
    volume() const = 0; // of the active material [m^3 or its 1D/2D measure]
    virtual double
    surface_area() const = 0; // of the active material

    virtual const dealii::DoFHandler<dim> &
    get_dof_handler() const = 0;
    // Names of the solution components, for the VTU output; "c" first.
    virtual std::vector<std::string>
    field_names() const = 0;

    // int_S i0 a_c w ds [A] over the reacting surface, for the linearised
    // charge-transfer resistance; nullopt for models without kinetics.
    virtual std::optional<double>
    exchange_current_integral(const LA::Vector &) const
    {
      return std::nullopt;
    }

    // max |v_i| over the DoFs of the time-dependent field c (owned vector),
    // for the local-error estimate: algebraic fields such as potentials have
    // no time-stepping error of their own and another unit.
    virtual double
    max_of_time_dependent(const LA::Vector &v) const
    {
      return v.linfty_norm();
    }

    // Loss breakdown at the state x with cell voltage `voltage`: named
    // contributions [V] to the cell voltage (docs/outputs.md). Empty for
    // models without them.
    virtual std::vector<std::pair<std::string, double>>
    voltage_losses(const LA::Vector &, double) const
    {
      return {};
    }

    // Model-specific numbers for the diagnostics of summary.json at the
    // (ghosted) state x (e.g. the electrolyte concentration range).
    virtual std::vector<std::pair<std::string, double>>
    diagnostics(const LA::Vector &) const
    {
      return {};
    }

    // Wall-time counters of the model's own work (assembly, linear solver
    // set-up and solves), for summary.json and the benchmarks.
    virtual std::vector<std::pair<std::string, double>>
    work_counters() const
    {
      return {};
    }

    // Cell-wise fields for the VTU output (name, one value per active cell
    // of the triangulation; 0 where undefined), at the state x with cell
    // voltage `voltage`.
    virtual std::vector<std::pair<std::string, dealii::Vector<float>>>
    cell_fields(const LA::Vector &, double) const
    {
      return {};
    }

    // The reacting particle surface a coupled model (the mechanics) acts
    // on; nullptr if the model has none.
    virtual ReactingSurface<dim> *
    reacting_surface()
    {
      return nullptr;
    }

    // The small-signal impedance -dV/dI [ohm m^2 of cell area, I > 0 on
    // discharge] at the (ghosted) state x with cell voltage `voltage`, at
    // each frequency [Hz]; empty for a model without one.
    virtual std::vector<std::complex<double>>
    impedance(const LA::Vector &, double, const std::vector<double> &)
    {
      return {};
    }

    // True if the model can hold a prescribed voltage (Hold steps).
    virtual bool
    has_potentiostatic_mode() const
    {
      return false;
    }

    // True where interface kinetics limit the current as the surface fills
    // (i0 -> 0); without them the time loop ends a step at theta_s = 0 or 1.
    virtual bool
    has_interface_kinetics() const
    {
      return false;
    }
  };

  // What a cell model is built from.
  template <int dim>
  struct CellProblemContext
  {
    const dealii::Triangulation<dim> &triangulation;
    const dealii::Mapping<dim>       &mapping;
    unsigned int                      degree;
    CoordinateSystem                  coordinate_system;
    const Materials                  &materials;
    const CellParameters             &cell;
    // The particle classes of a 1D particle mesh (meshes/mesh_generator.h).
    std::vector<ParticleClass> particle_classes = {};
    // The coating thickness of the geometry [m] (0: uncoated).
    double coating_thickness = 0.;
  };

  // What a cell model can do, known before it is built (the parse phase
  // checks the protocol and the options against it).
  struct CellModelTraits
  {
    bool potentiostatic     = false; // holds a prescribed voltage (Hold steps)
    bool interface_kinetics = false; // shares phi_s over particle classes
    bool reacting_surface   = false; // the mechanics can couple to it
    bool impedance          = false; // small-signal impedance (Impedance steps)
  };

  // The traits of every registered cell model, by name.
  inline std::map<std::string, CellModelTraits> &
  cell_model_traits_table()
  {
    static std::map<std::string, CellModelTraits> table;
    return table;
  }
  inline CellModelTraits
  cell_model_traits(const std::string &name)
  {
    const auto it = cell_model_traits_table().find(name);
    return it == cell_model_traits_table().end() ? CellModelTraits() : it->second;
  }

  // Cell models register themselves like every other named model
  // (`Model/Cell model`), for dimensions 1, 2 and 3.
  template <int dim>
  using CellProblemRegistry = Registry<CellProblem<dim>, const CellProblemContext<dim> &>;

  template <template <int> class Model>
  bool
  register_cell_model(const std::string &name, const std::string &description)
  {
    auto add = [&](auto &registry, auto make) { registry.add(name, description, make, {}); };
    add(CellProblemRegistry<1>::instance(),
        [](const CellProblemContext<1> &c) { return std::make_unique<Model<1>>(c); });
    add(CellProblemRegistry<2>::instance(),
        [](const CellProblemContext<2> &c) { return std::make_unique<Model<2>>(c); });
    add(CellProblemRegistry<3>::instance(),
        [](const CellProblemContext<3> &c) { return std::make_unique<Model<3>>(c); });
    cell_model_traits_table()[name] = Model<1>::traits();
    return true;
  }
} // namespace ssbcell
