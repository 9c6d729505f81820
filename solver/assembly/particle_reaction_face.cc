// Butler-Volmer kinetics on the particle surface, the faces from the active
// material to coating or electrolyte (docs/physics.md, interface
// conditions). With i_n from physics/particle_reaction.h (anodic, leaving
// the particle; a thin-layer coating in series; a_c and the OCP shift from
// a coupled model):
//   R_c   += int_S (i_n/F) v w          (Li leaves the particle)
//   R_phi -= int_S i_n q w              (Li+ enters the electrolyte)
//   R_ce  -= int_S (i_n/F) p w          (binary electrolyte)
//   R_s   += int_S i_n v_s w            (resolved phi_s: the electrons released)
//   g     += int_S i_n w                (the current constraint)

#include <physics/constants.h>
#include <physics/particle_reaction.h>
#include <solver/assembly/electrochemical_term.h>

namespace ssbcell
{
  namespace
  {
    using namespace electrochemistry;

    template <int dim>
    class ParticleReactionFace : public ElectrochemicalTerm<dim>
    {
    public:
      using CellIterator = typename ElectrochemicalTerm<dim>::CellIterator;

      explicit ParticleReactionFace(const TermContext<dim> &context)
        : context(context)
        , reaction(context.materials.active,
                   context.materials.anode.potential_vs_li,
                   context.cell.temperature_K,
                   context.materials.thin_layer_resistance())
        , concentration(component::concentration)
        , solid(component::solid_potential)
        , salt(component::salt)
      {
      }

      static bool
      applies(const TermContext<dim> &)
      {
        return true;
      }

      bool
      acts_on_interface(unsigned int fe, unsigned int neighbor_fe) const override
      {
        return fe == fe_index::active_material && conducts_ions(neighbor_fe);
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
        const dealii::FEValuesExtractors::Scalar potential(potential_component(neighbor_fe));
        const bool         has_salt = neighbor_fe == fe_index::binary_electrolyte;
        const bool         resolved = context.resolved_electronic;
        const double       F        = constants::faraday;
        const double       c_ref    = context.materials.electrolyte.concentration;
        const unsigned int n_am     = local.n_first_cell_dofs;
        const unsigned int n_el     = local.size() - n_am;
        for (unsigned int q = 0; q < am.n_quadrature_points; ++q)
          {
            const double   w     = am.JxW(q) * context.weight(cell, am.quadrature_point(q));
            const ADNumber c_s   = value_at(local, am[concentration], 0, n_am, q);
            const ADNumber phi_e = value_at(local, el[potential], n_am, n_el, q);
            const ADNumber ratio =
              has_salt ? ADNumber(value_at(local, el[salt], n_am, n_el, q) / c_ref) :
                         ADNumber(1.);
            const ADNumber phi_s =
              resolved ? value_at(local, am[solid], 0, n_am, q) : local.phi_s();
            const SurfaceCoupling coupling = context.surface_coupling(cell, f, q);
            const ADNumber        i_n =
              reaction
                .evaluate(c_s, phi_s, phi_e, ratio, coupling.contact_fraction,
                          coupling.ocp_shift, coupling.series_resistance)
                .current;
            local.g += i_n * w;
            for (unsigned int i = 0; i < n_am; ++i)
              {
                local.r[i] += i_n / F * am[concentration].value(i, q) * w;
                if (resolved)
                  local.r[i] += i_n * am[solid].value(i, q) * w;
              }
            for (unsigned int j = 0; j < n_el; ++j)
              {
                local.r[n_am + j] -= i_n * el[potential].value(j, q) * w;
                if (has_salt)
                  local.r[n_am + j] -= i_n / F * el[salt].value(j, q) * w;
              }
          }
      }

    private:
      const TermContext<dim>                  &context;
      const ParticleReaction                   reaction;
      const dealii::FEValuesExtractors::Scalar concentration, solid, salt;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_TERM(ssbcell::ParticleReactionFace,
                      "particle reaction",
                      "Butler-Volmer kinetics on the particle surface: the Li it moves from "
                      "the particle into the electrolyte, and its share of the current "
                      "constraint.")
