// The anode and separator of a 1D particle model without an anode boundary,
// lumped on the outer boundary of the electrolyte (a point): the cell
// current density I at which the anode's symmetric Butler-Volmer
// overpotential and the ohmic drop of the lumped separator and composite
// electrolyte (CellParameters::lumped_electrolyte_resistance) add up to
// -phi_e there,
//   (2RT/F) asinh(I/(2 i0_a)) + I R_lumped = -phi_e,
// puts the cell's share of the current into the electrolyte: the current of
// one model particle, I rho V_AM / loading. A population's pieces share the
// lumped node (a constraint), so only the first class's piece loads it.

#include <deal.II/fe/fe_values.h>

#include <meshes/interfaces.h>
#include <physics/butler_volmer.h>
#include <solver/assembly/electrochemical_term.h>

namespace ssbcell
{
  namespace
  {
    using namespace electrochemistry;

    template <int dim>
    class LumpedAnode : public ElectrochemicalTerm<dim>
    {
    public:
      using CellIterator = typename ElectrochemicalTerm<dim>::CellIterator;

      explicit LumpedAnode(const TermContext<dim> &context)
        : context(context)
        , resistance(context.cell.lumped_electrolyte_resistance(
            context.materials.electrolyte.conductivity))
      {
      }

      static bool
      applies(const TermContext<dim> &context)
      {
        return context.lumped_anode;
      }

      bool
      acts_on_cell(unsigned int fe) const override
      {
        return conducts_ions(fe);
      }

      void
      assemble_cell(const CellIterator &cell,
                    const AssemblyInput &,
                    ScratchData<dim> &scratch,
                    LocalTerm        &local) override
      {
        if (context.particle_class(cell) != 0)
          return;
        for (const unsigned int f : cell->face_indices())
          if (is_boundary_face(cell, f, boundary_id::outer))
            add_face(cell, f, scratch.face_values(cell->active_fe_index()), local);
      }

    private:
      void
      add_face(const CellIterator        &cell,
               unsigned int               f,
               dealii::FEFaceValues<dim> &face,
               LocalTerm                 &local) const
      {
        const dealii::FEValuesExtractors::Scalar potential(
          potential_component(cell->active_fe_index()));
        const auto  &materials      = context.materials;
        const double particle_share = materials.active.density *
                                      context.active_material_volume /
                                      context.cell.loading_kg_m2;
        const unsigned int n = local.size();
        face.reinit(cell, f);
        for (unsigned int q = 0; q < face.n_quadrature_points; ++q)
          {
            const ADNumber      phi_e = value_at(local, face[potential], 0, n, q);
            const SeriesCurrent I =
              symmetric_series_current(materials.anode.exchange_current, resistance,
                                       context.cell.temperature_K, -phi_e.val());
            const ADNumber injected =
              compose(-phi_e, I.current, I.derivative) * particle_share;
            for (unsigned int j = 0; j < n; ++j)
              local.r[j] -= injected * face[potential].value(j, q);
          }
      }

      const TermContext<dim> &context;
      const double            resistance; // R_lumped [ohm m^2]
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_TERM(ssbcell::LumpedAnode,
                      "lumped anode",
                      "1D particle models: the anode's Butler-Volmer kinetics in series with "
                      "the lumped separator and composite electrolyte, on the outer boundary.")
