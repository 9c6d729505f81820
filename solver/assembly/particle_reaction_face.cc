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
#include <solver/assembly/reacting_face.h>

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
        return ReactingFace<dim>::acts_on(fe, neighbor_fe);
      }

      void
      assemble_interface(const CellIterator &cell,
                         unsigned int        f,
                         const AssemblyInput &,
                         ScratchData<dim> &scratch,
                         LocalTerm        &local) override
      {
        const ReactingFace<dim> face(context, cell, f, scratch, local);
        for (unsigned int q = 0; q < face.n_points(); ++q)
          {
            const auto            p = face.at(local, q);
            const SurfaceCoupling s = context.surface_coupling(cell, f, q);
            const ADNumber        i_n =
              reaction
                .evaluate(p.c_s, p.phi_s, p.phi_e, p.ratio, s.contact_fraction, s.ocp_shift,
                          s.series_resistance)
                .current;
            face.add(local, q, p.weight, i_n, i_n);
          }
      }

    private:
      const TermContext<dim> &context;
      const ParticleReaction  reaction;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_TERM(ssbcell::ParticleReactionFace,
                      "particle reaction",
                      "Butler-Volmer kinetics on the particle surface: the Li it moves from "
                      "the particle into the electrolyte, and its share of the current "
                      "constraint.")
