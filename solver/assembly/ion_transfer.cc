// Li+ transfer from a coating into the electrolyte through an area-specific
// resistance R_t (Materials/Coating/Ion-transfer resistance): the coating
// carries its own potential phi_c (electrochemistry::fe_index::
// separated_coating), which jumps across the coating|electrolyte face,
//   i_t = a (phi_c - phi_e)/R_t,   R_phic += int i_t q_c w,   R_phi -= int i_t q w,
// with a the local contact fraction of the coating with the electrolyte
// (Materials/Coating/Electrolyte contact; 0: the interface blocks).

#include <meshes/interfaces.h>
#include <solver/assembly/coating_electrolyte_face.h>

namespace ssbcell
{
  namespace
  {
    using namespace electrochemistry;

    template <int dim>
    class IonTransfer : public ElectrochemicalTerm<dim>
    {
    public:
      using CellIterator = typename ElectrochemicalTerm<dim>::CellIterator;

      explicit IonTransfer(const TermContext<dim> &context)
        : resistance(context.materials.coating_options.ion_transfer_resistance)
        , context(context)
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
      assemble_interface(const CellIterator &cell,
                         unsigned int        f,
                         const AssemblyInput &,
                         ScratchData<dim> &scratch,
                         LocalTerm        &local) override
      {
        const CoatingElectrolyteFace<dim> face(context, cell, f, scratch, local);
        for (unsigned int q = 0; q < face.n_points(); ++q)
          if (const auto p = face.at(local, q); p.weight > 0.)
            face.add(local, q, p.weight, (p.phi_c - p.phi_e) / resistance);
      }

    private:
      const double            resistance; // R_t [ohm m^2]
      const TermContext<dim> &context;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_TERM(ssbcell::IonTransfer,
                      "ion transfer",
                      "Li+ transfer from a coating into the electrolyte through an "
                      "area-specific resistance: (phi_c - phi_e)/R_t.")
