#pragma once
// One physical term of the electrochemical cell's equations (docs/physics.md):
// an assembler object that adds its part of the residual, the Jacobian and
// the current constraint on the cells or the faces it acts on. The model
// (solver/cell_models/electrochemical_cell.h) asks every registered term
// whether the run contains it, keeps those that say yes, and runs them in
// one loop over the mesh (solver/assembly/assembly_loop.h).
//
// Adding a term is one file: a class template Term<dim> deriving from
// ElectrochemicalTerm<dim>, with a constructor from TermContext<dim> and a
// `static bool applies(const TermContext<dim> &)`, and the line
//   SSBCELL_REGISTER_TERM(Term, "name", "what it adds, and its equation");

#include <deal.II/base/quadrature_lib.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/fe/mapping.h>
#include <deal.II/hp/fe_collection.h>

#include <meshes/geometry.h>
#include <physics/analytic/manufactured_sources.h>
#include <physics/materials.h>
#include <physics/registry.h>
#include <solver/assembly/local_term.h>
#include <solver/cell_models/electrochemical_layout.h>
#include <solver/cell_models/reacting_surface.h>
#include <solver/parameters/cell_parameters.h>

#include <complex>
#include <functional>
#include <memory>
#include <vector>

namespace ssbcell
{
  // What the terms read about the model; fixed when the terms are chosen.
  template <int dim>
  struct TermContext
  {
    using CellIterator = typename dealii::DoFHandler<dim>::active_cell_iterator;

    const dealii::Mapping<dim>          &mapping;
    const dealii::hp::FECollection<dim> &fe_collection;
    unsigned int                         degree;
    CoordinateSystem                     coordinate_system;
    const Materials                     &materials;
    const CellParameters                &cell;

    // What the run contains.
    bool   binary_electrolyte     = false; // c_e is a field
    bool   resolved_electronic    = false; // phi_s is a field
    bool   lumped_anode           = false; // 1D: anode and separator on the outer boundary
    bool   separated_coating      = false; // coating|electrolyte ion-transfer resistance
    double active_material_volume = 0.;    // of the model's particles

    // Manufactured-solution sources (verification); nullptr: none.
    const ManufacturedSources<dim> *manufactured = nullptr;

    // Particles of the cell's class per model particle (1 without classes).
    std::function<double(const CellIterator &)> class_weight = {};
    // The particle class of a cell (0 without classes).
    std::function<unsigned int(const CellIterator &)> particle_class = {};
    // a_c and the OCP shift at a point of a reacting face.
    std::function<SurfaceCoupling(const CellIterator &, unsigned int, unsigned int)>
      surface_coupling = {};
    // Small signals: what the series resistance of a reacting point of the
    // cell becomes at omega, less its DC value [ohm m^2] (the contact
    // spreading of a particle class, a distributed RC line); {}: nothing,
    // the series resistance is frequency independent.
    std::function<std::complex<double>(const CellIterator &, double omega)>
      series_impedance_change = {};
    // sigma_eff / sigma of an electrolyte cell (the pores of a pressed
    // powder); 1 for coating cells and without compaction.
    std::function<double(const CellIterator &)> conductivity_factor = {};

    // The weight of an integral at point p of a cell: the volume weight of
    // the coordinate system times the class weight.
    double
    weight(const CellIterator &cell, const dealii::Point<dim> &p) const
    {
      return volume_weight(coordinate_system, p) * class_weight(cell);
    }

    // The Li+ conductor of a coating or electrolyte cell.
    const IonConductor &
    conductor(dealii::types::material_id id) const
    {
      return id == material_id::coating ? materials.coating : materials.electrolyte;
    }

    unsigned int
    quadrature_order() const
    {
      return degree + 2;
    }
  };

  // What changes from one assembly to the next.
  struct AssemblyInput
  {
    const LA::Vector &x;       // the state (ghosted)
    const LA::Vector &history; // BDF history term of the time-dependent fields (ghosted)
    double            a0            = 1.; // BDF coefficient of the new state
    double            dt            = 1.; // [s]
    double            phi_s         = 0.; // electrode potential [V vs anode]
    bool              with_jacobian = true;
    // Frequency-domain terms only (solver/assembly/frequency_term.h): the
    // angular frequency [rad/s], and which part of their complex
    // contribution to assemble.
    double angular_frequency = 0.;
    bool   imaginary_part    = false;
  };

  // The FEValues of every finite element of the model, shared by the terms.
  // The loop reinitialises the cell's values before the cell terms run, and
  // both sides' face values before the interface terms run; terms that
  // integrate over boundary faces reinitialise face_values themselves.
  template <int dim>
  class ScratchData
  {
  public:
    explicit ScratchData(const TermContext<dim> &context)
      : quadrature(context.quadrature_order())
      , face_quadrature(context.quadrature_order())
    {
      const auto flags = dealii::update_values | dealii::update_gradients |
                         dealii::update_JxW_values | dealii::update_quadrature_points;
      for (unsigned int i = 0; i < context.fe_collection.size(); ++i)
        {
          const auto &fe = context.fe_collection[i];
          if (fe.n_dofs_per_cell() == 0)
            {
              cell.emplace_back();
              face.emplace_back();
              neighbor_face.emplace_back();
              continue;
            }
          cell.push_back(
            std::make_unique<dealii::FEValues<dim>>(context.mapping, fe, quadrature, flags));
          for (auto *side : {&face, &neighbor_face})
            side->push_back(std::make_unique<dealii::FEFaceValues<dim>>(
              context.mapping, fe, face_quadrature, flags | dealii::update_normal_vectors));
        }
    }

    dealii::FEValues<dim> &
    cell_values(unsigned int fe)
    {
      return *cell[fe];
    }
    dealii::FEFaceValues<dim> &
    face_values(unsigned int fe)
    {
      return *face[fe];
    }
    dealii::FEFaceValues<dim> &
    neighbor_face_values(unsigned int fe)
    {
      return *neighbor_face[fe];
    }

    const dealii::QGauss<dim>     quadrature;
    const dealii::QGauss<dim - 1> face_quadrature;

  private:
    std::vector<std::unique_ptr<dealii::FEValues<dim>>>     cell;
    std::vector<std::unique_ptr<dealii::FEFaceValues<dim>>> face, neighbor_face;
  };

  template <int dim>
  class ElectrochemicalTerm
  {
  public:
    using CellIterator = typename dealii::DoFHandler<dim>::active_cell_iterator;

    virtual ~ElectrochemicalTerm() = default;

    // True if the term acts on cells of finite element `fe`
    // (electrochemistry::fe_index).
    virtual bool
    acts_on_cell(unsigned int /*fe*/) const
    {
      return false;
    }
    // Adds the term on `cell`, including its boundary faces, to `local`
    // (the cell's DoFs).
    virtual void
    assemble_cell(const CellIterator & /*cell*/,
                  const AssemblyInput & /*input*/,
                  ScratchData<dim> & /*scratch*/,
                  LocalTerm & /*local*/)
    {
    }

    // True if the term acts on a face from a cell of finite element `fe`
    // to a neighbour of finite element `neighbor_fe`; `cell` and `face`
    // decide in the end (acts_on_face).
    virtual bool
    acts_on_interface(unsigned int /*fe*/, unsigned int /*neighbor_fe*/) const
    {
      return false;
    }
    virtual bool
    acts_on_face(const CellIterator & /*cell*/, unsigned int /*face*/) const
    {
      return true;
    }
    // Adds the term on face `face` of `cell` to `local` (the DoFs of the
    // cell, then those of the neighbour).
    virtual void
    assemble_interface(const CellIterator & /*cell*/,
                       unsigned int /*face*/,
                       const AssemblyInput & /*input*/,
                       ScratchData<dim> & /*scratch*/,
                       LocalTerm & /*local*/)
    {
    }

    // True if the term writes ADNumber residuals (local.r, local.g); false
    // if it writes plain_residual and plain_jacobian.
    virtual bool
    uses_automatic_differentiation() const
    {
      return true;
    }
  };

  template <int dim>
  using TermRegistry = Registry<ElectrochemicalTerm<dim>, const TermContext<dim> &>;

  // The terms the run contains, in the registry's order.
  template <int dim>
  std::vector<std::unique_ptr<ElectrochemicalTerm<dim>>>
  create_terms(const TermContext<dim> &context)
  {
    std::vector<std::unique_ptr<ElectrochemicalTerm<dim>>> terms;
    for (const auto &[name, entry] : TermRegistry<dim>::instance().entries())
      if (auto term = entry.create(context))
        terms.push_back(std::move(term));
    return terms;
  }

  template <template <int> class Term>
  bool
  register_term(const std::string &name, const std::string &description)
  {
    auto add = [&](auto &registry, auto dimension) {
      constexpr int d = decltype(dimension)::value;
      registry.add(
        name, description,
        [](const TermContext<d> &context) -> std::unique_ptr<ElectrochemicalTerm<d>> {
          if (!Term<d>::applies(context))
            return nullptr;
          return std::make_unique<Term<d>>(context);
        },
        {});
    };
    add(TermRegistry<1>::instance(), std::integral_constant<int, 1>());
    add(TermRegistry<2>::instance(), std::integral_constant<int, 2>());
    add(TermRegistry<3>::instance(), std::integral_constant<int, 3>());
    return true;
  }
} // namespace ssbcell

#define SSBCELL_REGISTER_TERM(Term, name, description)                                       \
  namespace                                                                                  \
  {                                                                                          \
    const bool SSBCELL_CONCAT(ssbcell_registered_term_,                                      \
                              __LINE__) = ::ssbcell::register_term<Term>(name, description); \
  }
