// Set-up of ElectrochemicalCell: the finite element of every cell from its
// region and the run's options (with the checks that the mesh and the
// options fit together), DoFs and constraints, the sparsity pattern, the
// measures of the active material, and the terms of the run.

#include <deal.II/base/quadrature_lib.h>
#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/lac/sparsity_tools.h>

#include <meshes/interfaces.h>
#include <physics/input_error.h>
#include <solver/cell_models/electrochemical_cell.h>

namespace ssbcell
{
  using namespace dealii;
  using namespace electrochemistry;

  namespace
  {
    ComponentMask
    mask(unsigned int c)
    {
      std::vector<bool> m(component::n_components, false);
      m[c] = true;
      return ComponentMask(m);
    }
  } // namespace

  template <int dim>
  void
  ElectrochemicalCell<dim>::setup(std::optional<double> fixed_surface_concentration)
  {
    if (fixed_surface_concentration)
      throw InputError("a fixed surface concentration is a diffusion-model "
                       "verification",
                       "set Model/Cell model = diffusion", "", 0,
                       "Verification/Exact solution");
    if (materials.coating.transport->has_concentration())
      throw InputError("a coating with a binary electrolyte model is not supported",
                       "coatings are single-ion conductors: set Model = single-ion", "", 0,
                       "Materials/Coating/Model");
    assign_finite_elements();
    distribute_dofs();
    make_sparsity_pattern();
    measure_active_material();
    choose_terms();
  }

  template <int dim>
  void
  ElectrochemicalCell<dim>::assign_finite_elements()
  {
    const auto &coating_options = materials.coating_options;
    const bool  resolved        = materials.electronic.resolved;
    split_coating               = coating_options.ion_transfer_resistance > 0. &&
                    coating_options.thin_layer_thickness == 0.;
    bool has_coating = false, has_anode = false, has_collector = false;
    for (const auto &c : dof_handler.active_cell_iterators())
      if (c->is_locally_owned())
        {
          const auto id = c->material_id();
          has_coating |= id == material_id::coating;
          c->set_active_fe_index(
            id == material_id::active_material ? fe_index::active_material :
            id == material_id::coating         ? (split_coating ? fe_index::separated_coating :
                                                                  fe_index::ion_conductor) :
            id == material_id::carbon && resolved ? fe_index::carbon :
            id == material_id::electrolyte        ? (binary ? fe_index::binary_electrolyte :
                                                              fe_index::ion_conductor) :
                                                    fe_index::no_field);
          for (const unsigned int f : c->face_indices())
            {
              has_anode |= is_ion_conductor(id) && is_boundary_face(c, f, boundary_id::anode);
              has_collector |=
                (id == material_id::active_material || id == material_id::carbon) &&
                is_boundary_face(c, f, boundary_id::collector);
            }
        }
    has_coating      = Utilities::MPI::logical_or(has_coating, comm);
    resolved_coating = has_coating;
    has_anode        = Utilities::MPI::logical_or(has_anode, comm);
    has_collector    = Utilities::MPI::logical_or(has_collector, comm);
    if (resolved && !has_collector)
      throw InputError("a resolved electronic potential needs active material or carbon "
                       "on the current collector (boundary id 2)",
                       "use a mesh whose electrode touches the collector, or set "
                       "Model = ideal",
                       "", 0, "Materials/Electronic conduction/Model");
    if (has_coating && coating_options.thin_layer_thickness > 0.)
      throw InputError("the mesh resolves the coating (material id 2) and a thin-layer "
                       "coating is set as well",
                       "set the thin-layer thickness to 0, or mesh without a coating", "", 0,
                       "Materials/Coating/Thin-layer thickness [m]");
    if (has_coating && binary)
      throw InputError("a binary electrolyte next to a resolved coating is not supported",
                       "use the thin-layer coating option (mesh without coating)", "", 0,
                       "Materials/Electrolyte/Model");
    if (split_coating && !has_coating)
      throw InputError("an ion-transfer resistance is set but there is no coating",
                       "mesh a coating (material id 2) or set a thin-layer thickness", "", 0,
                       "Materials/Coating/Ion-transfer resistance [ohm m^2]");
    if (dim == 1 && !coating_options.electrolyte_contact->is_full())
      throw InputError("a contact pattern on the particle surface needs a 2D or 3D mesh",
                       "in 1D, give particle classes contact fractions and set 'Lateral "
                       "transport from class contacts'",
                       "", 0, "Materials/Coating/Electrolyte contact/Pattern");
    lumped_anode = !has_anode;
    if (lumped_anode && dim > 1)
      throw InputError("no electrolyte face lies on the anode boundary (id 1)",
                       "the mesh needs an anode boundary", "", 0, "Geometry/Mesh generator");
  }

  template <int dim>
  void
  ElectrochemicalCell<dim>::distribute_dofs()
  {
    dof_handler.distribute_dofs(fe_collection);
    owned_dofs = dof_handler.locally_owned_dofs();
    DoFTools::extract_locally_relevant_dofs(dof_handler, relevant_dofs);
    c_dofs   = DoFTools::extract_dofs(dof_handler, mask(component::concentration));
    phi_dofs = DoFTools::extract_dofs(dof_handler, mask(component::electrolyte_potential));
    phi_dofs.add_indices(
      DoFTools::extract_dofs(dof_handler, mask(component::coating_potential)));
    phis_dofs = DoFTools::extract_dofs(dof_handler, mask(component::solid_potential));
    phi_dofs.add_indices(phis_dofs); // every potential, for damping and convergence
    ce_dofs = DoFTools::extract_dofs(dof_handler, mask(component::salt));

    const auto shared_nodes = setup_particle_classes();
    for (const auto &[dof, target] : shared_nodes)
      {
        relevant_dofs.add_index(dof);
        relevant_dofs.add_index(target);
      }
    constraints.clear();
    constraints.reinit(relevant_dofs);
    DoFTools::make_hanging_node_constraints(dof_handler, constraints);
    for (const auto &[dof, target] : shared_nodes)
      {
        constraints.add_line(dof);
        constraints.add_entry(dof, target, 1.);
      }
    tie_electronic_potential_across_carbon();
    constraints.close();

    IndexSet transport = phi_dofs;
    transport.add_indices(ce_dofs);
    // The blocks of electrochemistry::block; a resolved coating puts thin
    // cells into the potentials' block.
    newton.reset({c_dofs, transport}, resolved_coating);
  }

  template <int dim>
  void
  ElectrochemicalCell<dim>::make_sparsity_pattern()
  {
    // Cell couplings, plus the interface terms that couple a cell with its
    // neighbour: the particle reaction (active material with coating or
    // electrolyte) and the coating|electrolyte ion transfer. A full flux
    // pattern would couple every face neighbour: 64 instead of 27 entries a
    // row for Q1 in 3D, and far more fill and work in the solvers.
    DynamicSparsityPattern dsp(relevant_dofs);
    DoFTools::make_sparsity_pattern(dof_handler, dsp, constraints, false);
    std::vector<types::global_dof_index> dofs_cell, dofs_neighbor;
    for (const auto &c : dof_handler.active_cell_iterators())
      if (c->is_locally_owned())
        for (const unsigned int f : c->face_indices())
          if (is_reacting_face(c, f) || (c->active_fe_index() == fe_index::separated_coating &&
                                         is_coating_electrolyte_face(c, f)))
            {
              dofs_cell.resize(c->get_fe().n_dofs_per_cell());
              c->get_dof_indices(dofs_cell);
              const auto neighbor = c->neighbor(f);
              dofs_neighbor.resize(neighbor->get_fe().n_dofs_per_cell());
              neighbor->get_dof_indices(dofs_neighbor);
              dofs_cell.insert(dofs_cell.end(), dofs_neighbor.begin(), dofs_neighbor.end());
              constraints.add_entries_local_to_global(dofs_cell, dsp, false);
            }
    SparsityTools::distribute_sparsity_pattern(dsp, owned_dofs, comm, relevant_dofs);
    system_matrix.reinit(owned_dofs, owned_dofs, dsp, comm);
  }

  template <int dim>
  void
  ElectrochemicalCell<dim>::measure_active_material()
  {
    const QGauss<dim>     quadrature(degree + 2);
    const QGauss<dim - 1> face_quadrature(degree + 2);
    const auto           &fe = fe_collection[fe_index::active_material];
    FEValues<dim>         fe_values(mapping, fe, quadrature,
                                    update_JxW_values | update_quadrature_points);
    FEFaceValues<dim>     fe_face(mapping, fe, face_quadrature,
                                  update_JxW_values | update_quadrature_points);
    double                volume = 0., area = 0.;
    for (const auto &c : dof_handler.active_cell_iterators())
      if (c->is_locally_owned() && c->material_id() == material_id::active_material)
        {
          fe_values.reinit(c);
          for (unsigned int q = 0; q < quadrature.size(); ++q)
            volume += fe_values.JxW(q) * weight(c, fe_values.quadrature_point(q));
          for (const unsigned int f : c->face_indices())
            if (is_reacting_face(c, f))
              {
                fe_face.reinit(c, f);
                for (unsigned int q = 0; q < face_quadrature.size(); ++q)
                  area += fe_face.JxW(q) * weight(c, fe_face.quadrature_point(q));
              }
        }
    am_volume       = Utilities::MPI::sum(volume, comm);
    am_surface_area = Utilities::MPI::sum(area, comm);
    if (!(am_surface_area > 0.))
      throw InputError("no active-material surface touches a coating or the "
                       "electrolyte, so no current can flow",
                       "give the particle a coating or an electrolyte shell", "", 0,
                       "Model/Cell model");
  }

  template <int dim>
  void
  ElectrochemicalCell<dim>::choose_terms()
  {
    if (!dof_handler.has_active_dofs())
      return; // before setup(): set_manufactured_sources comes back here
    term_context = std::make_unique<TermContext<dim>>(
      TermContext<dim>{mapping, fe_collection, degree, coordinate_system, materials, cell});
    auto &context                  = *term_context;
    context.binary_electrolyte     = binary;
    context.resolved_electronic    = materials.electronic.resolved;
    context.lumped_anode           = lumped_anode;
    context.separated_coating      = split_coating;
    context.active_material_volume = am_volume;
    context.manufactured           = manufactured;
    context.class_weight           = [this](const CellIterator &c) { return class_weight(c); };
    context.particle_class   = [this](const CellIterator &c) { return particle_class(c); };
    context.surface_coupling = [this](const CellIterator &c, unsigned int f, unsigned int q) {
      return surface_coupling(c, f, q);
    };
    if (!classes.empty() && materials.coating_options.class_contacts_spread)
      context.series_impedance_change = [this](const CellIterator &c, double omega) {
        return class_series_change(class_of_cell[c->active_cell_index()], omega);
      };
    context.conductivity_factor = [this](const CellIterator &c) {
      return conductivity_factor && c->material_id() == material_id::electrolyte ?
               conductivity_factor(c) :
               1.;
    };
    scratch = std::make_unique<ScratchData<dim>>(context);
    terms   = create_terms(context);
    loop    = std::make_unique<AssemblyLoop<dim>>(dof_handler, constraints, terms, *scratch);
    frequency_loop.reset(); // made by the first impedance step
  }

  template <int dim>
  void
  ElectrochemicalCell<dim>::tie_electronic_potential_across_carbon()
  {
    // phi_s is continuous from active material into carbon. deal.II unifies
    // the DoFs the two elements share on vertices and faces, but in 3D not
    // on edges (neither element dominates the other: only one has c), so
    // those are tied here, the carbon side to the AM side. Both sides list a
    // face's phi_s DoFs in the same order (same FE_Q).
    if (!materials.electronic.resolved || dim < 3)
      return;
    const auto                          &am_fe = fe_collection[fe_index::active_material];
    const auto                          &c_fe  = fe_collection[fe_index::carbon];
    std::vector<types::global_dof_index> am_face, carbon_face;
    for (const auto &c : dof_handler.active_cell_iterators())
      if (!c->is_artificial() && c->active_fe_index() == fe_index::active_material)
        for (const unsigned int f : c->face_indices())
          if (!c->face(f)->at_boundary() && !c->neighbor(f)->is_artificial() &&
              c->neighbor(f)->material_id() == material_id::carbon &&
              c->neighbor(f)->active_fe_index() == fe_index::carbon)
            {
              const auto face = c->face(f);
              am_face.resize(am_fe.n_dofs_per_face(f));
              carbon_face.resize(c_fe.n_dofs_per_face(f));
              face->get_dof_indices(am_face, fe_index::active_material);
              face->get_dof_indices(carbon_face, fe_index::carbon);
              std::vector<types::global_dof_index> am_phis, carbon_phis;
              for (unsigned int i = 0; i < am_face.size(); ++i)
                if (am_fe.face_system_to_component_index(i, f).first ==
                    component::solid_potential)
                  am_phis.push_back(am_face[i]);
              for (unsigned int i = 0; i < carbon_face.size(); ++i)
                if (c_fe.face_system_to_component_index(i, f).first ==
                    component::solid_potential)
                  carbon_phis.push_back(carbon_face[i]);
              AssertDimension(am_phis.size(), carbon_phis.size());
              for (unsigned int k = 0; k < am_phis.size(); ++k)
                if (carbon_phis[k] != am_phis[k] &&
                    !constraints.is_constrained(carbon_phis[k]) &&
                    constraints.can_store_line(carbon_phis[k]))
                  {
                    constraints.add_line(carbon_phis[k]);
                    constraints.add_entry(carbon_phis[k], am_phis[k], 1.);
                  }
            }
  }

#define SSBCELL_INSTANTIATE(dim)                                        \
  template void ElectrochemicalCell<dim>::setup(std::optional<double>); \
  template void ElectrochemicalCell<dim>::choose_terms();
  SSBCELL_INSTANTIATE(1)
  SSBCELL_INSTANTIATE(2)
  SSBCELL_INSTANTIATE(3)
#undef SSBCELL_INSTANTIATE
} // namespace ssbcell
