// Set-up, assembly and solve of MechanicsProblem (the weak form is in the
// header; outputs and tractions are in mechanics_outputs.cc).

#include <deal.II/base/quadrature_lib.h>
#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/fe_nothing.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_system.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/lac/full_matrix.h>
#include <deal.II/lac/sparsity_tools.h>

#include <meshes/ids.h>
#include <physics/input_error.h>
#include <physics/linear_elasticity.h>
#include <solver/mechanics/local_stiffness.h>
#include <solver/mechanics/mechanics_concentration.h>

#include <algorithm>
#include <cmath>

namespace ssbcell
{
  using namespace dealii;

  namespace
  {
    // Below this many unknowns 'auto' factorises (MUMPS is then faster than
    // setting up the multigrid, and 3D elasticity still fits in memory).
    constexpr types::global_dof_index direct_limit = 50000;

    // The face quadrature of the loads, of the order of the cells'
    // (MechanicsProblem::assembly_quadrature).
    template <int q_dim>
    QGauss<q_dim>
    quadrature_for(unsigned int degree)
    {
      return QGauss<q_dim>(degree + 2);
    }
  } // namespace

  template <int dim>
  MechanicsProblem<dim>::MechanicsProblem(const Triangulation<dim>  &triangulation,
                                          const Mapping<dim>        &mapping,
                                          unsigned int               degree,
                                          CoordinateSystem           coordinate_system,
                                          const Materials           &materials,
                                          const MechanicsParameters &parameters)
    : mapping(mapping)
    , coordinate_system(coordinate_system)
    , materials(materials)
    , parameters(parameters)
    , degree(degree)
    , comm(triangulation.get_communicator())
    , dof_handler(triangulation)
  {
    // Index 0: a solid (all solids share one continuous field: bonded
    // interfaces); 1: a hole.
    fe_collection.push_back(FESystem<dim>(FE_Q<dim>(degree), dim));
    // An FESystem of FE_Nothing, like the solid's: deal.II compares the two
    // base by base for DoF identities (no requirement between FE_Q and
    // FE_Nothing); a plain FE_Nothing(dim) is not implemented there.
    fe_collection.push_back(FESystem<dim>(FE_Nothing<dim>(), dim));
    void_properties.youngs_modulus = parameters.void_modulus;
    void_properties.poisson_ratio  = 0.;

    const double p                     = parameters.stack_pressure;
    boundaries[boundary_id::symmetry]  = {Boundary::roller, 0.};
    boundaries[boundary_id::anode]     = {Boundary::roller, 0.};
    boundaries[boundary_id::collector] = {Boundary::traction, p};
    boundaries[boundary_id::outer]     = {Boundary::traction, p};
    const bool confined = parameters.lateral == MechanicsParameters::Lateral::confined;
    boundaries[boundary_id::lateral] = {confined ? Boundary::roller : Boundary::traction, 0.};
    // Free sides leave the in-plane rigid motions of a cartesian cell; an
    // axisymmetric one has the axis, a 1D one none.
    pin_in_plane_motion =
      !confined && dim > 1 && coordinate_system == CoordinateSystem::cartesian;
  }

  template <int dim>
  MechanicsProblem<dim>::~MechanicsProblem() = default;

  template <int dim>
  const ElasticProperties *
  MechanicsProblem<dim>::elastic_properties(types::material_id id) const
  {
    switch (id)
      {
        case material_id::active_material:
          return &materials.active.elastic;
        case material_id::coating:
          return &materials.coating.elastic;
        case material_id::electrolyte:
          return &materials.electrolyte.elastic;
        case material_id::carbon:
          return &materials.carbon.elastic;
        case material_id::void_region:
          return void_properties.youngs_modulus > 0. ? &void_properties : nullptr;
        default:
          return nullptr;
      }
  }

  template <int dim>
  void
  MechanicsProblem<dim>::set_boundary_roller(types::boundary_id id)
  {
    boundaries[id] = {Boundary::roller, 0.};
  }

  template <int dim>
  void
  MechanicsProblem<dim>::set_boundary_pressure(types::boundary_id id, double pressure)
  {
    boundaries[id] = {Boundary::traction, pressure};
  }

  template <int dim>
  void
  MechanicsProblem<dim>::set_concentration(const DoFHandler<dim> &source,
                                           const LA::Vector      &ghosted_solution,
                                           unsigned int           component)
  {
    if (&source.get_triangulation() != &dof_handler.get_triangulation())
      throw std::invalid_argument("the concentration must live on the mechanics' "
                                  "triangulation");
    field_source = FieldSource{&source, &ghosted_solution, component};
    point_source = nullptr;
  }

  template <int dim>
  void
  MechanicsProblem<dim>::set_concentration(PointConcentration concentration)
  {
    field_source.reset();
    point_source = std::move(concentration);
  }

  template <int dim>
  void
  MechanicsProblem<dim>::clear_concentration()
  {
    field_source.reset();
    point_source = nullptr;
  }

  template <int dim>
  void
  MechanicsProblem<dim>::setup()
  {
    bool has_solid = false;
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          const bool solid = is_solid(cell->material_id());
          has_solid |= solid;
          cell->set_active_fe_index(solid ? 0 : 1);
        }
    if (!Utilities::MPI::logical_or(has_solid, comm))
      throw InputError("the mesh has no solid cells for the mechanics", "", "", 0,
                       "Geometry/Mesh generator");
    dof_handler.distribute_dofs(fe_collection);
    owned_dofs = dof_handler.locally_owned_dofs();
    DoFTools::extract_locally_relevant_dofs(dof_handler, relevant_dofs);
    compute_dof_points();
    make_constraints();

    DynamicSparsityPattern dsp(relevant_dofs);
    DoFTools::make_sparsity_pattern(dof_handler, dsp, constraints, false);
    SparsityTools::distribute_sparsity_pattern(dsp, owned_dofs, comm, relevant_dofs);
    system_matrix.reinit(owned_dofs, owned_dofs, dsp, comm);
    assemble_matrix();

    std::string type = parameters.solver;
    if (type == "auto")
      type = (dim == 1 || dof_handler.n_dofs() < direct_limit) ? "direct" : "cg-amg";
    rigid_body_modes.clear();
    if (type == "cg-amg")
      compute_rigid_body_modes(rigid_body_modes);
    linear_solver = std::make_unique<ElasticitySolver>(type, parameters.tolerance,
                                                       parameters.max_iterations, dim);
    linear_solver->set_matrix(system_matrix, rigid_body_modes, nodal_block_size);

    solution.reinit(owned_dofs, relevant_dofs, comm);
    committed_displacement.reinit(owned_dofs, relevant_dofs, comm);
    interface_stresses.clear();

    bool yielding = false;
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned() && is_solid(cell->material_id()))
        yielding |= elastic_properties(cell->material_id())->yield.yields();
    plastic    = Utilities::MPI::logical_or(yielding, comm);
    n_q_points = assembly_quadrature().size();
    committed_state.assign(plastic ?
                             dof_handler.get_triangulation().n_active_cells() * n_q_points :
                             0,
                           plasticity::State());
    trial_state = committed_state;
  }

  template <int dim>
  void
  MechanicsProblem<dim>::compute_dof_points()
  {
    dof_points.assign(relevant_dofs.n_elements(), Point<dim>());
    dof_components.assign(relevant_dofs.n_elements(), 0);
    const auto           &fe = fe_collection[0];
    const Quadrature<dim> support(fe.get_unit_support_points());
    FEValues<dim>         values(mapping, fe, support, update_quadrature_points);
    std::vector<types::global_dof_index> dofs(fe.n_dofs_per_cell());
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (!cell->is_artificial() && cell->active_fe_index() == 0)
        {
          values.reinit(cell);
          cell->get_dof_indices(dofs);
          for (unsigned int i = 0; i < dofs.size(); ++i)
            {
              const auto k      = relevant_dofs.index_within_set(dofs[i]);
              dof_points[k]     = values.quadrature_point(i);
              dof_components[k] = fe.system_to_component_index(i).first;
            }
        }

    // GAMG aggregates nodes if the components of each node are numbered
    // consecutively, which deal.II's numbering of FE_Q^dim gives: check it.
    bool interleaved = owned_dofs.n_elements() % dim == 0;
    if (interleaved && !owned_dofs.is_empty())
      {
        const auto first = *owned_dofs.begin();
        for (const auto i : owned_dofs)
          {
            const auto k    = relevant_dofs.index_within_set(i);
            const auto c    = (i - first) % dim;
            const auto base = relevant_dofs.index_within_set(i - c);
            if (dof_components[k] != c ||
                dof_points[k].distance(dof_points[base]) > 1e-12 * (1. + dof_points[k].norm()))
              {
                interleaved = false;
                break;
              }
          }
        interleaved = interleaved && first % dim == 0;
      }
    nodal_block_size = Utilities::MPI::min(interleaved ? 1 : 0, comm) == 1 ? dim : 1;
  }

  template <int dim>
  void
  MechanicsProblem<dim>::make_constraints()
  {
    constraints.clear();
    constraints.reinit(relevant_dofs);
    DoFTools::make_hanging_node_constraints(dof_handler, constraints);

    // Rollers: the DoFs of the normal component on a plane face. The face
    // normal must be a coordinate axis (every generated mesh has such
    // boundaries; a curved roller would need rotated constraints).
    const auto           &fe = fe_collection[0];
    const QGauss<dim - 1> points(2);
    FEFaceValues<dim>     face_values(mapping, fe, points, update_normal_vectors);
    std::vector<types::global_dof_index> face_dofs(fe.n_dofs_per_face());
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (!cell->is_artificial() && cell->active_fe_index() == 0)
        for (const unsigned int f : cell->face_indices())
          {
            if (!cell->face(f)->at_boundary())
              continue;
            const auto id = cell->face(f)->boundary_id();
            const auto bc = boundaries.find(id);
            if (bc == boundaries.end() || bc->second.first != Boundary::roller)
              continue;
            face_values.reinit(cell, f);
            const Tensor<1, dim> n    = face_values.normal_vector(0);
            unsigned int         axis = 0;
            for (unsigned int d = 1; d < dim; ++d)
              if (std::abs(n[d]) > std::abs(n[axis]))
                axis = d;
            for (unsigned int q = 0; q < points.size(); ++q)
              if (std::abs(std::abs(face_values.normal_vector(q)[axis]) - 1.) > 1e-8)
                throw InputError("boundary id " + std::to_string(id) + " (" +
                                   boundary_id::name(id) +
                                   ") holds rollers but is not "
                                   "a plane normal to a coordinate axis",
                                 "rollers are supported on such planes only", "", 0,
                                 "Mechanics/Lateral boundaries");
            cell->face(f)->get_dof_indices(face_dofs, cell->active_fe_index());
            for (unsigned int i = 0; i < face_dofs.size(); ++i)
              if (fe.face_system_to_component_index(i, f).first == axis)
                constraints.add_line(face_dofs[i]);
          }

    if (pin_in_plane_motion)
      {
        // The anode node with the lowest (x, y) loses its in-plane motion;
        // in 3D the anode node with the highest x (then lowest y) also its
        // y motion, against the rotation about the pressing axis. These
        // supports are statically determinate: they carry no load.
        std::vector<Point<dim>>              anode_points;
        std::vector<types::global_dof_index> face_dofs_all(fe.n_dofs_per_face());
        for (const auto &cell : dof_handler.active_cell_iterators())
          if (cell->is_locally_owned() && cell->active_fe_index() == 0)
            for (const unsigned int f : cell->face_indices())
              if (cell->face(f)->at_boundary() &&
                  cell->face(f)->boundary_id() == boundary_id::anode)
                {
                  cell->face(f)->get_dof_indices(face_dofs_all, 0);
                  for (const auto i : face_dofs_all)
                    anode_points.push_back(dof_points[relevant_dofs.index_within_set(i)]);
                }
        const auto lowest = [](const Point<dim> &a, const Point<dim> &b) {
          return a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]);
        };
        const auto rightmost = [](const Point<dim> &a, const Point<dim> &b) {
          return a[0] > b[0] || (a[0] == b[0] && a[1] < b[1]);
        };
        // The global extreme: the local candidates of all ranks, compared.
        const auto global_extreme = [&](auto better) -> std::optional<Point<dim>> {
          std::vector<Point<dim>> mine;
          if (!anode_points.empty())
            mine.push_back(
              *std::min_element(anode_points.begin(), anode_points.end(), better));
          std::vector<Point<dim>> all;
          for (const auto &v : Utilities::MPI::all_gather(comm, mine))
            all.insert(all.end(), v.begin(), v.end());
          if (all.empty())
            return {};
          return *std::min_element(all.begin(), all.end(), better);
        };
        const auto pin = [&](const Point<dim> &p, unsigned int first, unsigned int last) {
          const double tol = 1e-10 * (1. + p.norm());
          for (unsigned int k = 0; k < dof_points.size(); ++k)
            if (dof_points[k].distance(p) < tol && dof_components[k] >= first &&
                dof_components[k] <= last &&
                !constraints.is_constrained(relevant_dofs.nth_index_in_set(k)))
              constraints.add_line(relevant_dofs.nth_index_in_set(k));
        };
        const auto a = global_extreme(lowest);
        if (!a)
          throw InputError("traction-free lateral boundaries need an anode boundary "
                           "(id 1) to fix the rigid motions",
                           "use confined lateral boundaries", "", 0,
                           "Mechanics/Lateral boundaries");
        pin(*a, 0, dim - 2);
        if (dim == 3)
          pin(*global_extreme(rightmost), 1, 1);
      }
    constraints.close();
  }

  template <int dim>
  void
  MechanicsProblem<dim>::assemble_matrix()
  {
    system_matrix                                   = 0.;
    const auto                          &fe         = fe_collection[0];
    const QGauss<dim>                    quadrature = assembly_quadrature();
    FEValues<dim>                        values(mapping, fe, quadrature,
                                                update_values | update_gradients | update_quadrature_points |
                                                  update_JxW_values);
    const FEValuesExtractors::Vector     u(0);
    const unsigned int                   n = fe.n_dofs_per_cell();
    FullMatrix<double>                   local(n, n);
    std::vector<types::global_dof_index> dofs(n);
    std::vector<elasticity::Tensor3>     eps(n), sigma(n);
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned() && cell->active_fe_index() == 0)
        {
          const ElasticProperties m = cell_properties(cell);
          values.reinit(cell);
          local = 0.;
          for (unsigned int q = 0; q < quadrature.size(); ++q)
            {
              const Point<dim> &x = values.quadrature_point(q);
              const double      w = values.JxW(q) * volume_weight(coordinate_system, x);
              for (unsigned int i = 0; i < n; ++i)
                {
                  eps[i]   = elasticity::strain(coordinate_system, x, values[u].value(i, q),
                                                values[u].gradient(i, q));
                  sigma[i] = elasticity::stress(m, eps[i]);
                }
              mechanics::add_lower_stiffness(local, eps, sigma, w);
            }
          mechanics::fill_upper(local);
          cell->get_dof_indices(dofs);
          constraints.distribute_local_to_global(local, dofs, system_matrix);
        }
    system_matrix.compress(VectorOperation::add);
  }

  template <int dim>
  void
  MechanicsProblem<dim>::assemble_rhs(LA::Vector &rhs, bool chemical) const
  {
    rhs                                                  = 0.;
    const auto                          &fe              = fe_collection[0];
    const QGauss<dim>                    quadrature      = assembly_quadrature();
    const QGauss<dim - 1>                face_quadrature = quadrature_for<dim - 1>(degree);
    FEValues<dim>                        values(mapping, fe, quadrature,
                                                update_values | update_gradients | update_quadrature_points |
                                                  update_JxW_values);
    FEFaceValues<dim>                    face_values(mapping, fe, face_quadrature,
                                                     update_values | update_quadrature_points |
                                                       update_normal_vectors | update_JxW_values);
    Concentration                        concentration(*this, &quadrature, nullptr);
    const FEValuesExtractors::Vector     u(0);
    const unsigned int                   n = fe.n_dofs_per_cell();
    Vector<double>                       local(n);
    std::vector<types::global_dof_index> dofs(n);
    std::vector<double>                  eps0;
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned() && cell->active_fe_index() == 0)
        {
          local        = 0.;
          bool nonzero = false;
          if (chemical && cell->material_id() == material_id::active_material)
            {
              values.reinit(cell);
              concentration.cell_strain(cell, values, eps0);
              // C : eps0 I = 3K eps0 I, so sigma_ch : eps(v) = 3K eps0 tr eps(v).
              const double three_k = cell_properties(cell).three_bulk_modulus();
              for (unsigned int q = 0; q < quadrature.size(); ++q)
                {
                  if (eps0[q] == 0.)
                    continue;
                  nonzero             = true;
                  const Point<dim> &x = values.quadrature_point(q);
                  const double      w = values.JxW(q) * volume_weight(coordinate_system, x);
                  for (unsigned int i = 0; i < n; ++i)
                    local(i) +=
                      load_factor * three_k * eps0[q] *
                      trace(elasticity::strain(coordinate_system, x, values[u].value(i, q),
                                               values[u].gradient(i, q))) *
                      w;
                }
            }
          // A soft void is a numerical device, not a load path: the stack
          // pressure acts on the solid parts of a boundary only.
          const bool loaded = cell->material_id() != material_id::void_region;
          for (const unsigned int f : cell->face_indices())
            {
              if (!loaded || !cell->face(f)->at_boundary())
                continue;
              const auto bc = boundaries.find(cell->face(f)->boundary_id());
              if (bc == boundaries.end() || bc->second.first != Boundary::traction ||
                  bc->second.second == 0.)
                continue;
              nonzero        = true;
              const double p = load_factor * bc->second.second;
              face_values.reinit(cell, f);
              for (unsigned int q = 0; q < face_quadrature.size(); ++q)
                {
                  const double w =
                    face_values.JxW(q) *
                    volume_weight(coordinate_system, face_values.quadrature_point(q));
                  for (unsigned int i = 0; i < n; ++i)
                    local(i) -=
                      p * (face_values[u].value(i, q) * face_values.normal_vector(q)) * w;
                }
            }
          if (nonzero)
            {
              cell->get_dof_indices(dofs);
              constraints.distribute_local_to_global(local, dofs, rhs);
            }
        }
    rhs.compress(VectorOperation::add);
  }

  template <int dim>
  void
  MechanicsProblem<dim>::compute_rigid_body_modes(std::vector<LA::Vector> &modes)
  {
    // Translations and rotations about the centroid of the nodes (for the
    // axisymmetric operator these are near-kernel modes away from the axis,
    // which is what the aggregation needs).
    Point<dim> centre;
    for (const auto i : owned_dofs)
      centre += dof_points[relevant_dofs.index_within_set(i)];
    const double n_owned = owned_dofs.n_elements();
    for (unsigned int d = 0; d < dim; ++d)
      centre[d] = Utilities::MPI::sum(centre[d], comm) /
                  std::max(1., Utilities::MPI::sum(n_owned, comm));

    const unsigned int n_rotations = dim == 2 ? 1 : dim == 3 ? 3 : 0;
    modes.assign(dim + n_rotations, LA::Vector(owned_dofs, comm));
    for (const auto i : owned_dofs)
      {
        const auto           k = relevant_dofs.index_within_set(i);
        const unsigned int   c = dof_components[k];
        const Tensor<1, dim> x = dof_points[k] - centre;
        modes[c](i)            = 1.;
        if constexpr (dim == 2)
          modes[2](i) = c == 0 ? -x[1] : x[0];
        else if constexpr (dim == 3)
          {
            // Rotations e_k x r about x, y, z: component c of e_a x r is
            // +x_b, of e_b x r is -x_a (a, b the cyclic successors of c).
            const unsigned int a = (c + 1) % 3, b = (c + 2) % 3;
            modes[3 + a](i) = x[b];
            modes[3 + b](i) = -x[a];
          }
      }
    for (auto &m : modes)
      m.compress(VectorOperation::insert);
  }

  template <int dim>
  unsigned int
  MechanicsProblem<dim>::solve()
  {
    if (plastic)
      return solve_plastic();
    LA::Vector rhs(owned_dofs, comm), x(owned_dofs, comm);
    assemble_rhs(rhs);
    x = solution; // the last displacement (zero after setup) starts CG
    const unsigned int iterations = linear_solver->solve(x, rhs);
    constraints.distribute(x);
    solution = x;
    if (interface_quadrature)
      refresh_interface_stresses();
    return iterations;
  }

  template <int dim>
  void
  MechanicsProblem<dim>::set_stiffness_factors(std::vector<double> factors)
  {
    if (!factors.empty() && factors.size() != dof_handler.get_triangulation().n_active_cells())
      throw std::invalid_argument("one stiffness factor per active cell is needed");
    stiffness_factors = std::move(factors);
    if (!linear_solver)
      return; // setup() assembles with them
    assemble_matrix();
    linear_solver->set_matrix(system_matrix, rigid_body_modes, nodal_block_size);
  }

  template <int dim>
  double
  MechanicsProblem<dim>::loaded_boundary_displacement() const
  {
    const auto                      &fe = fe_collection[0];
    const QGauss<dim - 1>            quadrature(degree + 1);
    FEFaceValues<dim>                values(mapping, fe, quadrature,
                                            update_values | update_quadrature_points | update_normal_vectors |
                                              update_JxW_values);
    const FEValuesExtractors::Vector displacement(0);
    std::vector<Tensor<1, dim>>      u(quadrature.size());
    double                           area = 0., inward = 0.;
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned() && cell->active_fe_index() == 0 &&
          cell->material_id() != material_id::void_region)
        for (const unsigned int f : cell->face_indices())
          {
            if (!cell->face(f)->at_boundary())
              continue;
            const auto bc = boundaries.find(cell->face(f)->boundary_id());
            if (bc == boundaries.end() || bc->second.first != Boundary::traction ||
                bc->second.second == 0.)
              continue;
            values.reinit(cell, f);
            values[displacement].get_function_values(solution, u);
            for (unsigned int q = 0; q < quadrature.size(); ++q)
              {
                const double w =
                  values.JxW(q) * volume_weight(coordinate_system, values.quadrature_point(q));
                area += w;
                inward -= (u[q] * values.normal_vector(q)) * w;
              }
          }
    area   = Utilities::MPI::sum(area, comm);
    inward = Utilities::MPI::sum(inward, comm);
    return area > 0. ? inward / area : 0.;
  }

  template class MechanicsProblem<1>;
  template class MechanicsProblem<2>;
  template class MechanicsProblem<3>;
} // namespace ssbcell
