// The sources of a manufactured solution (verification only;
// physics/analytic/manufactured_sources.h): subtracted from the residuals of
// c and phi_e in the volume and on every face that bounds the active
// material or the ion conductors (the reacting interface, the anode and the
// outer boundaries). They do not depend on the state.

#include <meshes/interfaces.h>
#include <solver/assembly/electrochemical_term.h>

namespace ssbcell
{
  namespace
  {
    using namespace electrochemistry;

    template <int dim>
    class ManufacturedSourceTerm : public ElectrochemicalTerm<dim>
    {
    public:
      using CellIterator = typename ElectrochemicalTerm<dim>::CellIterator;

      explicit ManufacturedSourceTerm(const TermContext<dim> &context)
        : context(context)
        , sources(*context.manufactured)
        , concentration(component::concentration)
      {
      }

      static bool
      applies(const TermContext<dim> &context)
      {
        return context.manufactured != nullptr;
      }

      bool
      acts_on_cell(unsigned int fe) const override
      {
        return fe == fe_index::active_material || conducts_ions(fe);
      }

      bool
      acts_on_interface(unsigned int fe, unsigned int neighbor_fe) const override
      {
        return fe == fe_index::active_material && conducts_ions(neighbor_fe);
      }

      bool
      uses_automatic_differentiation() const override
      {
        return false;
      }

      void
      assemble_cell(const CellIterator &cell,
                    const AssemblyInput &,
                    ScratchData<dim> &scratch,
                    LocalTerm        &local) override
      {
        const unsigned int fe       = cell->active_fe_index();
        const bool         particle = fe == fe_index::active_material;
        const auto        &values   = scratch.cell_values(fe);
        const auto         field    = extractor(fe);
        const auto        &volume   = particle ? sources.active_material : sources.electrolyte;
        const auto &face = particle ? sources.active_material_face : sources.electrolyte_face;
        for (unsigned int q = 0; q < values.n_quadrature_points; ++q)
          {
            const auto  &p = values.quadrature_point(q);
            const double s = volume(p) * values.JxW(q) * context.weight(cell, p);
            for (unsigned int i = 0; i < local.size(); ++i)
              local.plain_residual(i) -= s * values[field].value(i, q);
          }
        for (const unsigned int f : cell->face_indices())
          if (bounds_region(cell, f, particle))
            {
              auto &values_f = scratch.face_values(fe);
              values_f.reinit(cell, f);
              for (unsigned int q = 0; q < values_f.n_quadrature_points; ++q)
                {
                  const auto  &p = values_f.quadrature_point(q);
                  const double s = face(p, values_f.normal_vector(q)) * values_f.JxW(q) *
                                   context.weight(cell, p);
                  for (unsigned int i = 0; i < local.size(); ++i)
                    local.plain_residual(i) -= s * values_f[field].value(i, q);
                }
            }
      }

      void
      assemble_interface(const CellIterator &cell,
                         unsigned int        f,
                         const AssemblyInput &,
                         ScratchData<dim> &scratch,
                         LocalTerm        &local) override
      {
        const unsigned int neighbor_fe = cell->neighbor(f)->active_fe_index();
        const auto        &am          = scratch.face_values(fe_index::active_material);
        const auto        &el          = scratch.neighbor_face_values(neighbor_fe);
        const auto         potential   = extractor(neighbor_fe);
        const unsigned int n_am        = local.n_first_cell_dofs;
        for (unsigned int q = 0; q < am.n_quadrature_points; ++q)
          {
            const auto  &p    = am.quadrature_point(q);
            const auto  &n    = am.normal_vector(q);
            const double w    = am.JxW(q) * context.weight(cell, p);
            const double s_am = sources.active_material_face(p, n);
            const double s_el = sources.electrolyte_face(p, -n);
            for (unsigned int i = 0; i < n_am; ++i)
              local.plain_residual(i) -= s_am * am[concentration].value(i, q) * w;
            for (unsigned int j = n_am; j < local.size(); ++j)
              local.plain_residual(j) -= s_el * el[potential].value(j - n_am, q) * w;
          }
      }

    private:
      dealii::FEValuesExtractors::Scalar
      extractor(unsigned int fe) const
      {
        return dealii::FEValuesExtractors::Scalar(fe == fe_index::active_material ?
                                                    component::concentration :
                                                    potential_component(fe));
      }

      // The outer faces of the active material, and the faces of an ion
      // conductor that do not face another conductor or the particle.
      static bool
      bounds_region(const CellIterator &cell, unsigned int f, bool particle)
      {
        if (cell->face(f)->at_boundary())
          return true;
        if (particle)
          return false;
        const auto other = cell->neighbor(f)->material_id();
        return !is_ion_conductor(other) && other != material_id::active_material;
      }

      const TermContext<dim>                  &context;
      const ManufacturedSources<dim>          &sources;
      const dealii::FEValuesExtractors::Scalar concentration;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_TERM(ssbcell::ManufacturedSourceTerm,
                      "manufactured sources",
                      "Verification only: the volume and face sources that make a chosen "
                      "field an exact solution.")
