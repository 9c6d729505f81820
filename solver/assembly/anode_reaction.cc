// Butler-Volmer kinetics of the anode (In-Li or Li metal) on the anode
// boundary of the separator (boundary id 1), against a zero reference
// (eta_a = -phi_e; physics/particle_reaction.h, anode_current): the Li+ it
// puts into the electrolyte,
//   R_phi -= int_anode i_a q w,   R_ce -= int_anode (i_a/F) p w (binary).

#include <meshes/interfaces.h>
#include <physics/constants.h>
#include <physics/particle_reaction.h>
#include <solver/assembly/electrochemical_term.h>

namespace ssbcell
{
  namespace
  {
    using namespace electrochemistry;

    template <int dim>
    class AnodeReaction : public ElectrochemicalTerm<dim>
    {
    public:
      using CellIterator = typename ElectrochemicalTerm<dim>::CellIterator;

      explicit AnodeReaction(const TermContext<dim> &context)
        : context(context)
        , salt(component::salt)
      {
      }

      // A mesh with an anode boundary; a 1D particle model has a lumped one.
      static bool
      applies(const TermContext<dim> &context)
      {
        return !context.lumped_anode;
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
        for (const unsigned int f : cell->face_indices())
          if (is_boundary_face(cell, f, boundary_id::anode))
            add_face(cell, f, scratch.face_values(cell->active_fe_index()), local);
      }

    private:
      void
      add_face(const CellIterator        &cell,
               unsigned int               f,
               dealii::FEFaceValues<dim> &face,
               LocalTerm                 &local) const
      {
        const unsigned int                       fe       = cell->active_fe_index();
        const bool                               has_salt = fe == fe_index::binary_electrolyte;
        const dealii::FEValuesExtractors::Scalar potential(potential_component(fe));
        const double       c_ref = context.materials.electrolyte.concentration;
        const unsigned int n     = local.size();
        face.reinit(cell, f);
        for (unsigned int q = 0; q < face.n_quadrature_points; ++q)
          {
            const ADNumber phi_e = value_at(local, face[potential], 0, n, q);
            const ADNumber ratio =
              has_salt ? ADNumber(value_at(local, face[salt], 0, n, q) / c_ref) : ADNumber(1.);
            const ADNumber injected = anode_current(context.materials.anode.exchange_current,
                                                    context.cell.temperature_K, phi_e, ratio) *
                                      face.JxW(q) *
                                      context.weight(cell, face.quadrature_point(q));
            for (unsigned int j = 0; j < n; ++j)
              {
                local.r[j] -= injected * face[potential].value(j, q);
                if (has_salt)
                  local.r[j] -= injected / constants::faraday * face[salt].value(j, q);
              }
          }
      }

      const TermContext<dim>                  &context;
      const dealii::FEValuesExtractors::Scalar salt;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_TERM(ssbcell::AnodeReaction,
                      "anode reaction",
                      "Butler-Volmer kinetics of the anode on the anode boundary: the Li+ it "
                      "puts into the electrolyte.")
