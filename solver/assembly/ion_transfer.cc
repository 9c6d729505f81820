// Li+ transfer from a coating into the electrolyte through an area-specific
// resistance R_t (Materials/Coating/Ion-transfer resistance): the coating
// carries its own potential phi_c (electrochemistry::fe_index::
// separated_coating), which jumps across the coating|electrolyte face,
//   i_t = a (phi_c - phi_e)/R_t,   R_phic += int i_t q_c w,   R_phi -= int i_t q w,
// with a the local contact fraction of the coating with the electrolyte
// (Materials/Coating/Electrolyte contact; 0: the interface blocks).

#include <meshes/interfaces.h>
#include <solver/assembly/electrochemical_term.h>

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
        , contact(*context.materials.coating_options.electrolyte_contact)
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
        return fe == fe_index::separated_coating && conducts_ions(neighbor_fe);
      }

      bool
      acts_on_face(const CellIterator &cell, unsigned int f) const override
      {
        return is_coating_electrolyte_face(cell, f);
      }

      void
      assemble_interface(const CellIterator &cell,
                         unsigned int        f,
                         const AssemblyInput &,
                         ScratchData<dim> &scratch,
                         LocalTerm        &local) override
      {
        const unsigned int neighbor_fe = cell->neighbor(f)->active_fe_index();
        const auto        &coating     = scratch.face_values(fe_index::separated_coating);
        const auto        &electrolyte = scratch.neighbor_face_values(neighbor_fe);
        const dealii::FEValuesExtractors::Scalar phi_c(component::coating_potential);
        const dealii::FEValuesExtractors::Scalar phi_e(potential_component(neighbor_fe));
        const unsigned int n = local.n_first_cell_dofs, n_neighbor = local.size() - n;
        for (unsigned int q = 0; q < coating.n_quadrature_points; ++q)
          {
            const double a = contact_fraction_at(contact, coating.normal_vector(q));
            if (a == 0.)
              continue;
            const double w =
              a * coating.JxW(q) * context.weight(cell, coating.quadrature_point(q));
            const ADNumber i_t = (value_at(local, coating[phi_c], 0, n, q) -
                                  value_at(local, electrolyte[phi_e], n, n_neighbor, q)) /
                                 resistance;
            for (unsigned int j = 0; j < n; ++j)
              local.r[j] += i_t * coating[phi_c].value(j, q) * w;
            for (unsigned int j = 0; j < n_neighbor; ++j)
              local.r[n + j] -= i_t * electrolyte[phi_e].value(j, q) * w;
          }
      }

    private:
      const double            resistance; // R_t [ohm m^2]
      const CoatingContact   &contact;
      const TermContext<dim> &context;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_TERM(ssbcell::IonTransfer,
                      "ion transfer",
                      "Li+ transfer from a coating into the electrolyte through an "
                      "area-specific resistance: (phi_c - phi_e)/R_t.")
