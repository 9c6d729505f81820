// Electronic conduction where phi_s is resolved (Materials/Electronic
// conduction/Model = resolved), in the active material and carbon:
//   R_s += int sigma_s grad phi_s . grad v w,
// with phi_s = phi_s(collector) imposed weakly on the current collector by
// symmetric Nitsche (consistent, and no constraint on the border unknown
// phi_s of the bordered Newton step):
//   R_s += int_collector [-sigma_s dphi/dn v - sigma_s dv/dn (phi - phi_s)
//                         + gamma (phi - phi_s) v] w,  gamma = 10 (p+1)^2 sigma_s / h.
// The electrons the particle reaction releases enter in
// particle_reaction_face.cc.

#include <meshes/interfaces.h>
#include <solver/assembly/electrochemical_term.h>

namespace ssbcell
{
  namespace
  {
    using namespace electrochemistry;

    template <int dim>
    class ElectronicConductionTerm : public ElectrochemicalTerm<dim>
    {
    public:
      using CellIterator = typename ElectrochemicalTerm<dim>::CellIterator;

      explicit ElectronicConductionTerm(const TermContext<dim> &context)
        : context(context)
        , solid(component::solid_potential)
      {
      }

      static bool
      applies(const TermContext<dim> &context)
      {
        return context.resolved_electronic;
      }

      bool
      acts_on_cell(unsigned int fe) const override
      {
        return conducts_electrons(fe, true);
      }

      void
      assemble_cell(const CellIterator &cell,
                    const AssemblyInput &,
                    ScratchData<dim> &scratch,
                    LocalTerm        &local) override
      {
        const unsigned int fe         = cell->active_fe_index();
        const auto        &values     = scratch.cell_values(fe);
        const auto        &electronic = context.materials.electronic;
        const double       sigma      = fe == fe_index::active_material ?
                                          electronic.active_material_conductivity :
                                          electronic.carbon_conductivity;
        const unsigned int n          = local.size();
        for (unsigned int q = 0; q < values.n_quadrature_points; ++q)
          {
            const double w = values.JxW(q) * context.weight(cell, values.quadrature_point(q));
            const auto   grad = gradient_at<dim>(local, values[solid], 0, n, q);
            for (unsigned int j = 0; j < n; ++j)
              local.r[j] += sigma * dot<dim>(grad, values[solid].gradient(j, q)) * w;
          }
        for (const unsigned int f : cell->face_indices())
          if (is_boundary_face(cell, f, boundary_id::collector))
            add_collector_face(cell, f, sigma, scratch.face_values(fe), local);
      }

    private:
      void
      add_collector_face(const CellIterator        &cell,
                         unsigned int               f,
                         double                     sigma,
                         dealii::FEFaceValues<dim> &face,
                         LocalTerm                 &local) const
      {
        const unsigned int n      = local.size();
        const unsigned int degree = context.degree;
        const double       penalty =
          10. * (degree + 1) * (degree + 1) * sigma / cell->minimum_vertex_distance();
        face.reinit(cell, f);
        for (unsigned int q = 0; q < face.n_quadrature_points; ++q)
          {
            const double   w = face.JxW(q) * context.weight(cell, face.quadrature_point(q));
            const auto    &normal = face.normal_vector(q);
            const ADNumber jump   = value_at(local, face[solid], 0, n, q) - local.phi_s();
            const ADNumber flux =
              sigma * dot<dim>(gradient_at<dim>(local, face[solid], 0, n, q), normal);
            for (unsigned int j = 0; j < n; ++j)
              local.r[j] += (-flux * face[solid].value(j, q) -
                             sigma * (face[solid].gradient(j, q) * normal) * jump +
                             penalty * jump * face[solid].value(j, q)) *
                            w;
          }
      }

      const TermContext<dim>                  &context;
      const dealii::FEValuesExtractors::Scalar solid;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_TERM(ssbcell::ElectronicConductionTerm,
                      "electronic conduction",
                      "Ohm's law for phi_s in active material and carbon where electronic "
                      "conduction is resolved, with phi_s held at the electrode potential "
                      "on the collector by symmetric Nitsche.")
