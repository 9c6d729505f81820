#pragma once
// What the terms on the coating|electrolyte interface of a coating with its
// own potential share (ion_transfer.cc, double_layer_coating.cc): the two
// potentials at a point of the face and its weight, which carries the local
// contact fraction a of the coating with the electrolyte
// (Materials/Coating/Electrolyte contact), and where a current i from the
// coating into the electrolyte goes,
//   R_phic += int i q_c a w,   R_phi -= int i q a w.

#include <meshes/interfaces.h>
#include <physics/coating_contact.h>
#include <solver/assembly/electrochemical_term.h>

namespace ssbcell
{
  template <int dim>
  class CoatingElectrolyteFace
  {
  public:
    using CellIterator = typename dealii::DoFHandler<dim>::active_cell_iterator;

    struct Point
    {
      ADNumber phi_c, phi_e;
      double   weight = 0.; // a JxW times the volume weight; 0: the face blocks here
    };

    // Face f of the coating cell `cell`, whose scratch values (both sides)
    // the assembly loop has set up.
    CoatingElectrolyteFace(const TermContext<dim> &context,
                           const CellIterator     &cell,
                           unsigned int            f,
                           ScratchData<dim>       &scratch,
                           const LocalTerm        &local)
      : context(context)
      , contact(*context.materials.coating_options.electrolyte_contact)
      , cell(cell)
      , coating(scratch.face_values(electrochemistry::fe_index::separated_coating))
      , electrolyte(scratch.neighbor_face_values(cell->neighbor(f)->active_fe_index()))
      , phi_e(electrochemistry::potential_component(cell->neighbor(f)->active_fe_index()))
      , n(local.n_first_cell_dofs)
      , n_neighbor(local.size() - local.n_first_cell_dofs)
    {
    }

    // The faces it stands for: from a coating with its own potential to a
    // Li+ conductor, where the coating meets the electrolyte (shared by the
    // time-domain and the small-signal terms).
    static bool
    acts_on(unsigned int fe, unsigned int neighbor_fe)
    {
      return fe == electrochemistry::fe_index::separated_coating &&
             electrochemistry::conducts_ions(neighbor_fe);
    }
    static bool
    acts_on_face(const CellIterator &cell, unsigned int f)
    {
      return is_coating_electrolyte_face(cell, f);
    }

    unsigned int
    n_points() const
    {
      return coating.n_quadrature_points;
    }

    Point
    at(const LocalTerm &local, unsigned int q) const
    {
      Point        p;
      const double a = contact_fraction_at(contact, coating.normal_vector(q));
      if (a == 0.)
        return p;
      p.weight = a * coating.JxW(q) * context.weight(cell, coating.quadrature_point(q));
      p.phi_c  = value_at(local, coating[phi_c], 0, n, q);
      p.phi_e  = value_at(local, electrolyte[phi_e], n, n_neighbor, q);
      return p;
    }

    void
    add(LocalTerm &local, unsigned int q, double w, const ADNumber &i) const
    {
      for (unsigned int j = 0; j < n; ++j)
        local.r[j] += i * coating[phi_c].value(j, q) * w;
      for (unsigned int j = 0; j < n_neighbor; ++j)
        local.r[n + j] -= i * electrolyte[phi_e].value(j, q) * w;
    }

  private:
    const TermContext<dim>                  &context;
    const CoatingContact                    &contact;
    const CellIterator                       cell;
    const dealii::FEFaceValues<dim>         &coating, &electrolyte;
    const dealii::FEValuesExtractors::Scalar phi_c{
      electrochemistry::component::coating_potential};
    const dealii::FEValuesExtractors::Scalar phi_e;
    const unsigned int                       n, n_neighbor;
  };
} // namespace ssbcell
