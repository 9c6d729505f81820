#include <deal.II/base/quadrature_lib.h>
#include <deal.II/fe/fe_nothing.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_system.h>

#include <meshes/interfaces.h>
#include <physics/constants.h>
#include <solver/cell_models/electrochemical_cell.h>

#include <cmath>

namespace ssbcell
{
  using namespace dealii;
  using namespace electrochemistry;

  namespace
  {
    // max |v_i| over the owned indices in `set`, on all ranks.
    double
    max_over(const LA::Vector &v, const IndexSet &set, MPI_Comm comm)
    {
      double m = 0.;
      for (const auto i : set)
        m = std::max(m, std::abs(v(i)));
      return Utilities::MPI::max(m, comm);
    }
  } // namespace

  template <int dim>
  ElectrochemicalCell<dim>::ElectrochemicalCell(const Triangulation<dim>  &triangulation,
                                                const Mapping<dim>        &mapping,
                                                unsigned int               degree,
                                                CoordinateSystem           coordinate_system,
                                                const Materials           &materials,
                                                const CellParameters      &cell,
                                                std::vector<ParticleClass> particle_classes,
                                                double                     coating_thickness)
    : mapping(mapping)
    , coordinate_system(coordinate_system)
    , materials(materials)
    , cell(cell)
    , comm(triangulation.get_communicator())
    , dof_handler(triangulation)
    , degree(degree)
    , binary(materials.electrolyte.transport->has_concentration())
    , coating_thickness(coating_thickness)
  {
    // One particle in full contact needs no class bookkeeping.
    if (particle_classes.size() > 1 ||
        (particle_classes.size() == 1 && particle_classes[0].contact_fraction != 1.))
      classes = std::move(particle_classes);
    // One finite element per kind of region (electrochemical_layout.h), in
    // the order of fe_index, with the components in the order of component.
    const FE_Q<dim>       q(degree);
    const FE_Nothing<dim> nothing;
    auto                  element = [&](std::initializer_list<unsigned int> present) {
      std::vector<const FiniteElement<dim> *> base(component::n_components, &nothing);
      for (const unsigned int c : present)
        base[c] = &q;
      return FESystem<dim>(*base[0], 1, *base[1], 1, *base[2], 1, *base[3], 1, *base[4], 1);
    };
    const bool resolved = materials.electronic.resolved;
    fe_collection.push_back(resolved ?
                              element({component::concentration, component::solid_potential}) :
                              element({component::concentration}));
    fe_collection.push_back(element({component::electrolyte_potential}));
    fe_collection.push_back(element({component::electrolyte_potential, component::salt}));
    fe_collection.push_back(element({}));
    fe_collection.push_back(element({component::coating_potential}));
    fe_collection.push_back(element({component::solid_potential}));
    AssertDimension(fe_collection.size(), fe_index::n_fe_indices);
  }

  template <int dim>
  LA::Vector
  ElectrochemicalCell<dim>::owned_vector() const
  {
    return LA::Vector(owned_dofs, comm);
  }

  template <int dim>
  LA::Vector
  ElectrochemicalCell<dim>::ghosted_vector() const
  {
    return LA::Vector(owned_dofs, relevant_dofs, comm);
  }

  template <int dim>
  Quadrature<dim - 1>
  ElectrochemicalCell<dim>::surface_quadrature() const
  {
    return QGauss<dim - 1>(degree + 2);
  }

  template <int dim>
  double
  ElectrochemicalCell<dim>::set_initial_state(double c0, LA::Vector &x)
  {
    // Equilibrium: c0, phi_e = 0, c_e = c_ref, phi_s the open-circuit
    // voltage (eta = 0).
    x = 0.;
    for (const auto i : c_dofs)
      x(i) = c0;
    for (const auto i : ce_dofs)
      x(i) = materials.electrolyte.concentration;
    const double ocv = materials.active.ocp->value(c0 / materials.active.max_concentration) -
                       materials.anode.potential_vs_li;
    for (const auto i : phis_dofs)
      x(i) = ocv;
    x.compress(VectorOperation::insert);
    return ocv;
  }

  template <int dim>
  double
  ElectrochemicalCell<dim>::cell_current_density(double particle_current) const
  {
    // I_AM = -(I / loading) rho V_AM (the current per active-material mass).
    return -particle_current * cell.loading_kg_m2 / (materials.active.density * am_volume);
  }

  template <int dim>
  void
  ElectrochemicalCell<dim>::set_manufactured_sources(const ManufacturedSources<dim> *sources)
  {
    manufactured = sources;
    choose_terms();
  }

  template <int dim>
  void
  ElectrochemicalCell<dim>::assemble_system(const LA::Vector &x,
                                            double            phi_s,
                                            bool              with_jacobian,
                                            BorderedSystem   &sys)
  {
    const AssemblyInput input{x, *step.history, step.a0, step.dt, phi_s, with_jacobian};
    loop->assemble(input, sys, system_matrix);
    sys.constraint -= step.current_from_particles;
  }

  template <int dim>
  void
  ElectrochemicalCell<dim>::assemble(const LA::Vector &x,
                                     const LA::Vector &history,
                                     double            a0,
                                     double            dt,
                                     double            phi_s,
                                     double            current_from_particles,
                                     bool              with_jacobian,
                                     System           &sys)
  {
    step = {&history, a0, dt, current_from_particles};
    assemble_system(x, phi_s, with_jacobian, sys);
  }

  template <int dim>
  std::vector<UnknownGroup>
  ElectrochemicalCell<dim>::unknown_groups() const
  {
    // Each unknown in its own scale: c_max for c, 1 V for every potential,
    // c_ref for c_e.
    return {{c_dofs, materials.active.max_concentration, false},
            {phi_dofs, 1., true},
            {ce_dofs, materials.electrolyte.concentration, false}};
  }

  template <int dim>
  NewtonResult
  ElectrochemicalCell<dim>::solve_step(LA::Vector           &x,
                                       const LA::Vector     &history,
                                       double                a0,
                                       double                dt,
                                       const StepDrive      &drive,
                                       double                voltage_guess,
                                       const NewtonControls &controls)
  {
    const bool potentiostatic = drive.voltage.has_value();
    double phi_s = potentiostatic ? *drive.voltage + drive.voltage_rate * dt : voltage_guess;
    LA::Vector history_ghosted = ghosted_vector();
    history_ghosted            = history;
    // The current the particles must deliver (anodic, leaving them): the
    // applied current per active-material mass, as in the diffusion model.
    step = {&history_ghosted, a0, dt,
            potentiostatic ? 0. : -constants::faraday * drive.surface_flux * am_surface_area};

    NewtonSettings settings;
    settings.bordered           = !potentiostatic;
    settings.max_potential_step = 0.1; // [V], a few RT/F
    settings.line_search        = true;
    settings.update_tolerance   = controls.tolerance;
    settings.dimension          = dim;
    // MUMPS' fill grows fast in 3D: from about 8000 unknowns the field
    // split is as fast (10,379 unknowns: 0.11 instead of 0.12 s per Newton
    // step; docs/performance.md). 2D factorisations stay cheap.
    if (dim == 3)
      settings.direct_limit = 8000;
    double       particle_current = 0.;
    NewtonResult result = newton.solve(*this, x, phi_s, controls, settings, &particle_current);
    if (result.converged)
      result.current_density =
        potentiostatic ? cell_current_density(particle_current) : drive.current_density;
    step.history = nullptr;
    return result;
  }

  template <int dim>
  const ActiveMaterialIntegrals<dim> &
  ElectrochemicalCell<dim>::integrals() const
  {
    if (!integrals_cache)
      integrals_cache.reset(new ActiveMaterialIntegrals<dim>{
        mapping, fe_collection[fe_index::active_material], dof_handler,
        component::concentration, coordinate_system, degree + 2,
        [](const auto &c, unsigned int f) { return is_reacting_face(c, f); },
        [this](const auto &c) { return class_weight(c); }});
    return *integrals_cache;
  }

  template <int dim>
  double
  ElectrochemicalCell<dim>::amount_of_li(const LA::Vector &x) const
  {
    return integrals().amount(x);
  }

  template <int dim>
  double
  ElectrochemicalCell<dim>::surface_mean(const LA::Vector &x) const
  {
    return integrals().surface_integral(x) / am_surface_area;
  }

  template <int dim>
  std::pair<double, double>
  ElectrochemicalCell<dim>::l2_error(const LA::Vector    &x,
                                     const Function<dim> &exact,
                                     double               reference) const
  {
    return integrals().l2_error(x, exact, reference);
  }

  template <int dim>
  double
  ElectrochemicalCell<dim>::max_of_time_dependent(const LA::Vector &v) const
  {
    // c_e in the scale of c: the local-error test divides by c_max.
    const double c_scale =
      materials.active.max_concentration / materials.electrolyte.concentration;
    return std::max(max_over(v, c_dofs, comm), c_scale * max_over(v, ce_dofs, comm));
  }

  template <int dim>
  std::vector<std::pair<std::string, double>>
  ElectrochemicalCell<dim>::diagnostics(const LA::Vector &x) const
  {
    auto result = population_diagnostics(x);
    if (!binary)
      return result;
    // The salt's range shows depletion (a limiting current) at a glance.
    double lo = HUGE_VAL, hi = -HUGE_VAL;
    for (const auto i : ce_dofs)
      {
        lo = std::min(lo, x(i));
        hi = std::max(hi, x(i));
      }
    result.emplace_back("electrolyte_concentration_min_mol_m3", Utilities::MPI::min(lo, comm));
    result.emplace_back("electrolyte_concentration_max_mol_m3", Utilities::MPI::max(hi, comm));
    return result;
  }

  template class ElectrochemicalCell<1>;
  template class ElectrochemicalCell<2>;
  template class ElectrochemicalCell<3>;

  namespace
  {
    const bool registered = register_cell_model<ElectrochemicalCell>(
      "electrochemistry",
      "diffusion coupled to Li+ transport in coating and electrolyte "
      "(single-ion or binary) and Butler-Volmer kinetics at the particle "
      "surface and the anode; the electrode potential follows from the "
      "applied current, or the current from a held voltage.");
  }
} // namespace ssbcell
