// Simulator set-up: the mesh, the cell model (and the mechanics coupled to
// it), the exact solution of a verification run, the initial state, and
// the columns of statistics.csv.

#include <deal.II/fe/mapping_q.h>

#include <meshes/contact_edge_refinement.h>
#include <meshes/ids.h>
#include <meshes/mesh_generator.h>
#include <meshes/mesh_mapping.h>
#include <meshes/partition.h>
#include <physics/coating_contact.h>
#include <physics/input_error.h>
#include <solver/time_integration/simulator.h>

namespace ssbcell
{
  using namespace dealii;

  template <int dim>
  Simulator<dim>::Simulator(const RunParameters &parameters, RunLog &log, MPI_Comm comm)
    : par(parameters)
    , log(log)
    , comm(comm)
    // Rank-local timer: an MPI one prints a banner when an error unwinds.
    , timer(log.out(), TimerOutput::never, TimerOutput::wall_times)
  {
  }

  template <int dim>
  void
  Simulator<dim>::setup(const std::string &output_directory)
  {
    TimerOutput::Scope scope(timer, "setup");
    output_folder = output_directory;
    build_mesh();
    build_cell_model();
    step_size = std::make_unique<StepSizeController>(
      par.time_stepping, par.materials.active.max_concentration,
      [this](const LA::Vector &v) { return problem->max_of_time_dependent(v); });
    if (exact)
      check_exact_solution();
    set_initial_state();
    register_statistics(output_directory);
    if (par.output.write_solution)
      solution_output =
        std::make_unique<SolutionOutput<dim>>(output_directory,
                                              run_mapping_degree(dim, par.fe_degree));
  }

  template <int dim>
  void
  Simulator<dim>::build_mesh()
  {
    triangulation    = make_triangulation<dim>(par.geometry.partition, comm);
    particle_classes = create_mesh(par.mesh_generator<dim>(), par.geometry, *triangulation);
    refine_contact_edges();
    // After the last refinement: the mapping caches its points per cell.
    mapping = create_mesh_mapping(*triangulation, run_mapping_degree(dim, par.fe_degree));
    measures =
      compute_region_measures(*triangulation, *mapping, par.geometry.coordinate_system);
    log.out() << "Mesh: " << triangulation->n_global_active_cells() << " cells, " << dim
              << "D " << to_string(par.geometry.coordinate_system) << ", generator '"
              << par.geometry.mesh_generator << "'\n";
    measures.print(log.out());
    // A mesh that resolves the cell (an anode boundary) defines its own
    // loading: the active-material mass over the anode area. The Cell
    // parameter describes the electrode a particle model stands for.
    cell             = par.cell;
    const auto anode = measures.boundary_area.find(boundary_id::anode);
    if (anode != measures.boundary_area.end() && anode->second > 0.)
      {
        cell.loading_kg_m2 = par.materials.active.density *
                             measures.volume_of(material_id::active_material) / anode->second;
        log.out() << "Active-material loading of the mesh: " << 100. * cell.loading_kg_m2
                  << " mg/cm^2 (mass over anode area; it sets the C-rate)\n";
      }
  }

  template <int dim>
  void
  Simulator<dim>::refine_contact_edges()
  {
    const unsigned int levels = par.geometry.contact_edge_refinements;
    if (levels == 0)
      return;
    const auto &contact = *par.materials.coating_options.electrolyte_contact;
    if (dim == 1 || contact.is_full())
      throw InputError("there are no contact edges to refine at",
                       dim == 1 ? "a 1D mesh has no contact pattern: set 0" :
                                  "set a contact pattern (Materials/Coating/Electrolyte "
                                  "contact/Pattern), or 0",
                       "", 0, "Geometry/Refinements at contact edges");
    if constexpr (dim > 1)
      {
        const unsigned int flagged =
          refine_at_contact_edges<dim>(*triangulation,
                                       MappingQ<dim>(run_mapping_degree(dim, par.fe_degree)),
                                       levels, [&contact](const Tensor<1, dim> &normal) {
                                         return contact_fraction_at(contact, normal);
                                       });
        log.out() << "Refined " << levels << " times at the contact edges (" << flagged
                  << " coating cells flagged"
                  << (flagged == 0 ? ": no coating face straddles an edge of the contact" : "")
                  << ")\n";
      }
  }

  template <int dim>
  void
  Simulator<dim>::build_cell_model()
  {
    exact   = par.exact_solution_model;
    problem = CellProblemRegistry<dim>::instance().create(
      par.cell_model,
      CellProblemContext<dim>{*triangulation, *mapping, par.fe_degree,
                              par.geometry.coordinate_system, par.materials, cell,
                              particle_classes, par.geometry.coating_thickness});
    newton_controls = {par.time_stepping.max_newton_iterations,
                       par.time_stepping.newton_tolerance, par.linear_solver};
    problem->setup(exact ? exact->fixed_surface_concentration() : std::nullopt);
    if (par.mechanics.enabled)
      mechanics =
        std::make_unique<MechanicsCoupling<dim>>(*triangulation, *mapping, par.fe_degree,
                                                 par.geometry.coordinate_system, par.materials,
                                                 par.mechanics, cell.temperature_K,
                                                 *problem->reacting_surface());
    if (mechanics)
      mechanics->set_progress([this](const std::string &line) { log.progress(line); });
    const auto &stiffness = par.mechanics.powder_stiffness_model;
    if (mechanics && stiffness && stiffness->varies_with_porosity() &&
        (dim == 1 || !cell.compaction))
      throw InputError("the powder's stiffness follows its porosity only in a resolved "
                       "electrolyte powder",
                       "set Cell/Compaction law on a 2D or 3D mesh, or 'dense'", "", 0,
                       "Mechanics/Powder stiffness");
    if (mechanics && stiffness && stiffness->needs_effective_conductivity() &&
        !cell.effective_conductivity)
      throw InputError("'" + par.mechanics.powder_stiffness +
                         "' takes the powder's stiffness from its conductivity factor",
                       "set Cell/Effective conductivity model", "", 0,
                       "Mechanics/Powder stiffness");
    if (mechanics && dim > 1 && cell.compaction)
      mechanics->set_compaction(cell.compaction, cell.initial_porosity,
                                cell.effective_conductivity);
    log.out() << "Active material: " << problem->get_dof_handler().n_dofs() << " unknowns (Q"
              << par.fe_degree << "), volume " << problem->volume() << " m^3, surface "
              << problem->surface_area() << " m^2\n";
  }

  template <int dim>
  void
  Simulator<dim>::check_exact_solution()
  {
    exact_setup.dimension            = dim;
    exact_setup.coordinate_system    = par.geometry.coordinate_system;
    exact_setup.radius               = par.geometry.particle_radius;
    exact_setup.diffusivity          = par.materials.active.diffusivity->value(0.5);
    exact_setup.constant_diffusivity = par.materials.active.diffusivity->is_constant();
    exact_setup.initial_concentration =
      par.materials.active.initial_stoichiometry * par.materials.active.max_concentration;
    exact_setup.n_protocol_steps = par.protocol.steps.size();
    exact_setup.surface_flux =
      drive_for(current_of(par.protocol.steps.front(), cell.one_c_current())).surface_flux;
    exact->check(exact_setup);
  }

  template <int dim>
  void
  Simulator<dim>::set_initial_state()
  {
    const double c0 =
      par.materials.active.initial_stoichiometry * par.materials.active.max_concentration;
    LA::Vector   x               = problem->owned_vector();
    const double initial_voltage = problem->set_initial_state(c0, x);
    history.push({0., x, initial_voltage, 0.});
    if (mechanics) // the stack pressure (and no chemical strain yet)
      {
        mechanics->update(x);
        mechanics->accept();
      }
    // The Li of the uniform initial state (for a prescribed surface
    // concentration the surface values already differ at t = 0).
    li_initial = c0 * problem->volume();
    last_state = evaluate(x, initial_voltage, 0.);
  }

  template <int dim>
  void
  Simulator<dim>::register_statistics(const std::string &output_directory)
  {
    const double c_max = par.materials.active.max_concentration;
    const auto  &s     = last_state;
    const auto  &step  = last_step;
    // The contracted columns first, in their order (docs/outputs.md).
    statistics.add_column("time_s", [this] { return time; });
    statistics.add_column("step", [&step] { return double(step.protocol_step); });
    statistics.add_column("current_A_m2", [&step] { return step.result.current_density; });
    statistics.add_column("voltage_V", [&s] { return s.voltage; });
    statistics.add_column("capacity_mAh_g",
                          [this] { return capacity_since(li_at_step_start); });
    statistics.add_column("soc", [&s, c_max] { return s.c_mean / c_max; });
    statistics.add_column("dt_s", [&step] { return step.dt; });
    statistics.add_column("newton_iterations",
                          [&step] { return double(step.result.newton_iterations); });
    statistics.add_column("linear_iterations",
                          [&step] { return double(step.result.linear_iterations); });
    if (dim == 1) // particle models
      {
        statistics.add_column("c_surface_mol_m3", [&s] { return s.c_surface; });
        statistics.add_column("c_mean_mol_m3", [&s] { return s.c_mean; });
      }
    if (dim == 1) // particle models: the loss breakdown at every step (cheap in 1D)
      {
        last_losses =
          problem->voltage_losses(ghosted(history.newest().x), history.newest().voltage);
        for (unsigned int k = 0; k < last_losses.size(); ++k)
          statistics.add_column("loss_" + last_losses[k].first,
                                [this, k] { return last_losses[k].second; });
      }
    if (exact)
      statistics.add_column("error_L2_rel", [this] { return last_verification_error; });
    if (mechanics)
      {
        statistics.add_column("contact_fraction_mean",
                              [this] { return mechanics->mean_contact_fraction(); });
        statistics.add_column("coupling_iterations",
                              [&step] { return double(step.result.coupling_iterations); });
        if (dim == 1)
          {
            statistics.add_column("hydrostatic_stress_center_Pa",
                                  [this] { return mechanics->particle_stresses().first; });
            statistics.add_column("hoop_stress_surface_Pa",
                                  [this] { return mechanics->particle_stresses().second; });
          }
      }
    statistics.open(output_directory + "/statistics.csv", log.is_root());
  }

#define SSBCELL_INSTANTIATE(dim)                                                 \
  template Simulator<dim>::Simulator(const RunParameters &, RunLog &, MPI_Comm); \
  template void Simulator<dim>::setup(const std::string &);
  SSBCELL_INSTANTIATE(1)
  SSBCELL_INSTANTIATE(2)
  SSBCELL_INSTANTIATE(3)
#undef SSBCELL_INSTANTIATE
} // namespace ssbcell
