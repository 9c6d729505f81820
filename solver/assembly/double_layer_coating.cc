// The coating|electrolyte double layer in the small-signal problem
// (Materials/Double layer/Coating|electrolyte) for a resolved coating with
// its own potential: C_t across the ion-transfer resistance of "ion
// transfer", on the contact fraction a of the face,
//   di_t = i omega C_t (dphi_c - dphi_e),  R_phic += int di_t q_c a w,
//   R_phi -= int di_t q a w.
// (A thin-layer coating's capacitances are in double_layer_particle.cc.)

#include <meshes/interfaces.h>
#include <physics/interface_admittance.h>
#include <solver/assembly/coating_electrolyte_face.h>
#include <solver/assembly/frequency_term.h>

namespace ssbcell
{
  namespace
  {
    using namespace electrochemistry;

    template <int dim>
    class CoatingDoubleLayer : public FrequencyTerm<dim>
    {
    public:
      using CellIterator = typename ElectrochemicalTerm<dim>::CellIterator;

      explicit CoatingDoubleLayer(const TermContext<dim> &context)
        : context(context)
      {
      }

      static bool
      applies(const TermContext<dim> &context)
      {
        return context.separated_coating;
      }

      bool
      acts_on_interface(unsigned int fe, unsigned int neighbor_fe) const override
      {
        return CoatingElectrolyteFace<dim>::acts_on(fe, neighbor_fe);
      }

      bool
      acts_on_face(const CellIterator &cell, unsigned int f) const override
      {
        return CoatingElectrolyteFace<dim>::acts_on_face(cell, f);
      }

      void
      assemble_interface(const CellIterator  &cell,
                         unsigned int         f,
                         const AssemblyInput &in,
                         ScratchData<dim>    &scratch,
                         LocalTerm           &local) override
      {
        const CoatingElectrolyteFace<dim> face(context, cell, f, scratch, local);
        const Complex                     admittance(0., in.angular_frequency *
                                                           context.materials.capacitance.coating_electrolyte);
        for (unsigned int q = 0; q < face.n_points(); ++q)
          if (const auto p = face.at(local, q); p.weight > 0.)
            face.add(local, q, p.weight,
                     deviation_term(admittance, p.phi_c, in) -
                       deviation_term(admittance, p.phi_e, in));
      }

    private:
      const TermContext<dim> &context;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_FREQUENCY_TERM(ssbcell::CoatingDoubleLayer,
                                "coating double layer",
                                "The coating|electrolyte double layer across its ion-transfer "
                                "resistance, for a resolved coating with its own potential "
                                "(impedance steps).")
