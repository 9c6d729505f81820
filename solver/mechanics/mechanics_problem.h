#pragma once
// Quasi-static linear elasticity of the solid regions of a cell
// (docs/mechanics.md):
//   div sigma = 0,  sigma = C(E, nu) : (eps(u) - eps_ch),
//   eps_ch = (Omega/3)(c - c_ref) I in the active material only,
// on the triangulation of the cell model. Every solid (active material,
// coating, electrolyte, carbon; voids if given a modulus) carries one
// continuous displacement field, so interfaces are bonded; holes are
// FE_Nothing. Per solve, with w the volume weight of the coordinate system:
//   int sigma(u) : eps(v) w = int C eps_ch : eps(v) w - int p n . v w
// (the second integral over boundaries under a pressure p). The matrix is
// assembled and its solver set up once per mesh; a solve assembles only the
// right-hand side, from the concentration the caller provides.
//
// A solid with a yield stress flows plastically (J2, physics/j2_plasticity.h):
// then every solve() is a Newton iteration on
//   int sigma(eps(u) - eps0 I; state) : eps(v) w = - int p n . v w
// with the consistent tangent, from the committed plastic state, and
// press() applies the loads in increments, committing after each.
//
// Boundary conditions by boundary id (meshes/ids.h), from MechanicsParameters
// unless changed with set_boundary_* before setup(): symmetry (axis, centre,
// mirror planes) and anode: rollers; collector and outer: the stack pressure;
// lateral: rollers (confined) or traction-free, where one or two anode
// points are pinned in-plane to remove the rigid motions. Rollers need a
// plane boundary normal to a coordinate axis.

#include <deal.II/base/point.h>
#include <deal.II/base/quadrature.h>
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/fe/mapping.h>
#include <deal.II/hp/fe_collection.h>
#include <deal.II/lac/affine_constraints.h>
#include <deal.II/lac/vector.h>
#include <deal.II/numerics/data_out.h>

#include <meshes/geometry.h>
#include <physics/elastic_properties.h>
#include <physics/j2_plasticity.h>
#include <physics/materials.h>
#include <solver/linear_algebra/linear_algebra.h>
#include <solver/mechanics/elasticity_solver.h>
#include <solver/mechanics/mechanics_parameters.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ssbcell
{
  // The Newton iteration of plastic solids did not converge (thrown on
  // every rank alike; the displacement is back at the committed state).
  struct MechanicsNotConverged : std::runtime_error
  {
    using std::runtime_error::runtime_error;
  };

  template <int dim>
  class MechanicsProblem
  {
  public:
    using TriaCell = typename dealii::Triangulation<dim>::active_cell_iterator;
    // c [mol/m^3] at a point x of an active-material cell.
    using PointConcentration =
      std::function<double(const TriaCell &cell, const dealii::Point<dim> &x)>;

    // The stress a face point of a solid cell carries, seen from that cell:
    // the normal traction t_n = -n . sigma . n [Pa] (> 0 in compression, n
    // the cell's outward normal) and the hydrostatic stress tr(sigma)/3 [Pa]
    // (> 0 in tension), both with the cell's material and chemical strain.
    struct SurfaceStress
    {
      double normal_traction = 0.;
      double hydrostatic     = 0.;
    };

    // The state at one quadrature point of a solid cell (for outputs and
    // error norms). Tensors in the frame of physics/linear_elasticity.h.
    struct PointState
    {
      TriaCell                      cell;
      dealii::Point<dim>            x;
      double                        weight = 0.; // JxW times the volume weight
      dealii::Tensor<1, dim>        u;
      dealii::SymmetricTensor<2, 3> strain;               // total
      double                        chemical_strain = 0.; // eps0 of eps_ch = eps0 I
      dealii::SymmetricTensor<2, 3> stress;
      plasticity::State             plastic; // zero in elastic solids
    };

    MechanicsProblem(const dealii::Triangulation<dim> &triangulation,
                     const dealii::Mapping<dim>       &mapping,
                     unsigned int                      degree,
                     CoordinateSystem                  coordinate_system,
                     const Materials                  &materials,
                     const MechanicsParameters        &parameters);
    ~MechanicsProblem();

    // Changes the condition on one boundary id; call before setup().
    void
    set_boundary_roller(dealii::types::boundary_id id);
    // A normal traction -p n (p > 0 pushes inwards; 0 = traction-free).
    void
    set_boundary_pressure(dealii::types::boundary_id id, double pressure);

    // DoFs, constraints, the matrix and its solver. Again after the mesh
    // changes (the references to a concentration field must then be set
    // anew if that field was rebuilt).
    void
    setup();

    // A factor on the Young's modulus of every cell, by active cell index
    // (locally owned cells are read; empty: 1 everywhere), e.g. the
    // stiffness of a pressed powder at its porosity. After setup(),
    // reassembles the matrix and sets up its solver again; the next solve()
    // uses it.
    void
    set_stiffness_factors(std::vector<double> factors);

    // The concentration for the chemical strain: a component of a field of
    // another model on the same triangulation (its DoFHandler and a ghosted
    // vector, read at every solve(), so set it once), or a function of the
    // point. Without either, c = c_ref (no chemical strain).
    void
    set_concentration(const dealii::DoFHandler<dim> &dof_handler,
                      const LA::Vector              &ghosted_solution,
                      unsigned int                   component);
    void
    set_concentration(PointConcentration concentration);
    void
    clear_concentration();

    // Assembles the right-hand side with the present concentration and
    // pressures and solves; returns the linear iterations. Refreshes the
    // interface tractions if an interface quadrature is set. With plastic
    // solids, a Newton iteration from the committed plastic state (which it
    // does not change); throws MechanicsNotConverged if it does not converge.
    unsigned int
    solve();

    // True if some solid of the mesh has a yield stress (after setup()).
    bool
    yields() const
    {
      return plastic;
    }
    // Applies the present loads (pressures, chemical strain) in `steps`
    // equal increments from zero, committing the plastic state after each:
    // the pressing of a cell. One solve() if no solid yields. Returns the
    // linear iterations of all solves.
    unsigned int
    press(unsigned int steps);
    // The plastic state of the last solve() becomes the start of the next
    // ones (an accepted load or time step).
    void
    commit_plastic_state();
    // Newton iterations of the last solve() (0 if no solid yields).
    unsigned int
    last_newton_iterations() const
    {
      return newton_iterations;
    }

    // The displacement [m] of the last solve (ghosted).
    const LA::Vector &
    displacement() const
    {
      return solution;
    }
    const dealii::DoFHandler<dim> &
    get_dof_handler() const
    {
      return dof_handler;
    }
    dealii::types::global_dof_index
    n_dofs() const
    {
      return dof_handler.n_dofs();
    }
    // The solver chosen for this mesh (direct | cg-amg), after setup().
    const std::string &
    solver_type() const
    {
      return linear_solver->type();
    }
    // Unknowns per node the AMG is told (dim, or 1 if not interleaved).
    unsigned int
    block_size() const
    {
      return nodal_block_size;
    }

    // Contact coupling. t_n = -n . sigma . n [Pa] (> 0 in compression) at
    // the points of `quadrature` on face `face` of the locally owned solid
    // cell `cell`, with n its outward normal and sigma the stress of that
    // cell (its material, its chemical strain): for an active-material cell,
    // the traction its surface carries. Any cell iterator of the same
    // triangulation will do (e.g. of the electrochemistry's DoFHandler).
    std::vector<double>
    normal_traction(const TriaCell                    &cell,
                    unsigned int                       face,
                    const dealii::Quadrature<dim - 1> &quadrature) const;

    // The same, stored after every solve() for every face between two
    // different solids (AM|coating, AM|SE, coating|SE, ... from both sides)
    // of the locally owned cells, at the points of `quadrature` (the face
    // quadrature of the caller's assembly).
    void
    set_interface_quadrature(const dealii::Quadrature<dim - 1> &quadrature);
    double
    interface_normal_traction(const TriaCell &cell, unsigned int face, unsigned int q) const
    {
      return interface_stress(cell, face, q).normal_traction;
    }
    // t_n and the hydrostatic stress at the same stored points.
    const SurfaceStress &
    interface_stress(const TriaCell &cell, unsigned int face, unsigned int q) const;
    // True if the face is one of those stored.
    bool
    is_interface_face(const TriaCell &cell, unsigned int face) const;

    // Visits every quadrature point of the locally owned solid cells.
    void
    for_each_point(const dealii::Quadrature<dim>                 &quadrature,
                   const std::function<void(const PointState &)> &visit) const;

    // Cell-wise means [Pa] of the stress components (names from
    // physics/linear_elasticity.h: sigma_xx ..., sigma_rr, sigma_tt ...),
    // sigma_hydrostatic and sigma_von_mises; 0 in holes. One value per
    // active cell, for SolutionOutput's cell fields.
    std::vector<std::pair<std::string, dealii::Vector<float>>>
    cell_fields() const;
    // Adds the displacement as the vector field `u` [m] to a DataOut whose
    // triangulation is this one (DataOut may hold several DoFHandlers).
    void
    add_data_vectors(dealii::DataOut<dim> &data_out) const;

    // The elastic constants of a material id; nullptr for a hole.
    const ElasticProperties *
    elastic_properties(dealii::types::material_id id) const;
    // Those of one solid cell: its material's, with the stiffness factor.
    template <typename Iterator>
    ElasticProperties
    cell_properties(const Iterator &cell) const
    {
      ElasticProperties m = *elastic_properties(cell->material_id());
      if (!stiffness_factors.empty())
        m.youngs_modulus *= stiffness_factors[cell->active_cell_index()];
      return m;
    }

    // The mean displacement into the cell, -u . n, over the boundaries under
    // a stack pressure [m]: how much the stack is compressed (0 without).
    double
    loaded_boundary_displacement() const;

  private:
    enum class Boundary
    {
      roller,
      traction
    };
    struct FieldSource
    {
      const dealii::DoFHandler<dim> *dof_handler = nullptr;
      const LA::Vector              *vector      = nullptr;
      unsigned int                   component   = 0;
    };
    // Evaluates c at the points of the mechanics' FEValues; cell or face.
    class Concentration;

    bool
    is_solid(dealii::types::material_id id) const
    {
      return elastic_properties(id) != nullptr;
    }
    double
    stress_free_concentration() const
    {
      return materials.active.stress_free_concentration();
    }
    // The quadrature of the assembly: one order above the usual degree + 1,
    // since the weights r and r^2 raise the polynomial degree.
    dealii::QGauss<dim>
    assembly_quadrature() const
    {
      return dealii::QGauss<dim>(degree + 2);
    }
    void
    make_constraints();
    void
    assemble_matrix();
    // The loads times load_factor: the stack pressure and, if `chemical`,
    // the chemical strain's C : eps0 I.
    void
    assemble_rhs(LA::Vector &rhs, bool chemical = true) const;
    // Plasticity (mechanics_plasticity.cc): the Newton iteration of solve(),
    unsigned int
    solve_plastic();
    // the tangent into system_matrix and the internal forces minus the
    // chemical load into `internal` at the displacement `solution`, the
    // states into trial_state,
    void
    assemble_plastic_system(LA::Vector &internal);
    // and the plastic state of the last solve at point q of `cell`: the
    // point's own if q counts the assembly's points, else the cell mean
    // (zero if no solid yields).
    plasticity::State
    plastic_state(const TriaCell &cell, unsigned int q, bool at_assembly_points) const;
    void
    compute_rigid_body_modes(std::vector<LA::Vector> &modes);
    void
    refresh_interface_stresses();
    // The surface stress at the points of `values` (reinitialised here) on a
    // face of a solid cell.
    void
    face_stresses(const typename dealii::DoFHandler<dim>::active_cell_iterator &cell,
                  unsigned int                                                  face,
                  dealii::FEFaceValues<dim>                                    &values,
                  Concentration                                                &concentration,
                  std::vector<SurfaceStress> &stresses) const;
    typename dealii::DoFHandler<dim>::active_cell_iterator
    own_cell(const TriaCell &cell) const
    {
      return typename dealii::DoFHandler<dim>::active_cell_iterator(
        &dof_handler.get_triangulation(), cell->level(), cell->index(), &dof_handler);
    }
    // The support point and component of every locally relevant DoF.
    void
    compute_dof_points();

    const dealii::Mapping<dim>                                       &mapping;
    const CoordinateSystem                                            coordinate_system;
    const Materials                                                  &materials;
    const MechanicsParameters                                         parameters;
    const unsigned int                                                degree;
    MPI_Comm                                                          comm;
    dealii::DoFHandler<dim>                                           dof_handler;
    dealii::hp::FECollection<dim>                                     fe_collection;
    ElasticProperties                                                 void_properties;
    std::map<dealii::types::boundary_id, std::pair<Boundary, double>> boundaries;
    bool pin_in_plane_motion = false;

    dealii::IndexSet                  owned_dofs, relevant_dofs;
    std::vector<dealii::Point<dim>>   dof_points; // by index within relevant_dofs
    std::vector<unsigned int>         dof_components;
    dealii::AffineConstraints<double> constraints; // homogeneous
    LA::SparseMatrix                  system_matrix;
    LA::Vector                        solution; // ghosted
    std::unique_ptr<ElasticitySolver> linear_solver;
    std::vector<LA::Vector>           rigid_body_modes; // for cg-amg
    unsigned int                      nodal_block_size = 1;

    std::vector<double> stiffness_factors; // by active cell index; empty: 1

    bool   plastic     = false;
    double load_factor = 1.; // of every load, < 1 while pressing
    // By active cell index times the assembly's quadrature points.
    unsigned int                   n_q_points = 0;
    std::vector<plasticity::State> committed_state, trial_state;
    LA::Vector                     committed_displacement; // ghosted
    unsigned int                   newton_iterations = 0;

    std::optional<FieldSource> field_source;
    PointConcentration         point_source;

    std::optional<dealii::Quadrature<dim - 1>>                         interface_quadrature;
    std::unordered_map<unsigned long long, std::vector<SurfaceStress>> interface_stresses;
  };
} // namespace ssbcell
