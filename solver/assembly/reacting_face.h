#pragma once
// What the terms on the particle surface share (particle_reaction_face.cc,
// double_layer_particle.cc): the unknowns at a point of a face from the
// active material to a coating or electrolyte, and where the currents
// through it go,
//   R_c   += int_S (i_Li/F) v w       (Li leaves the particle)
//   R_s   += int_S i v_s w            (resolved phi_s: the electrons released)
//   R_phi -= int_S i q w              (the charge enters the electrolyte)
//   R_ce  -= int_S (i_Li/F) p w       (binary electrolyte)
//   g     += int_S i w                (the current constraint),
// with i_Li the Faradaic current and i all that passes (they differ only
// by a double layer's charging).

#include <physics/constants.h>
#include <solver/assembly/electrochemical_term.h>

namespace ssbcell
{
  template <int dim>
  class ReactingFace
  {
  public:
    using CellIterator = typename dealii::DoFHandler<dim>::active_cell_iterator;

    struct Point
    {
      ADNumber c_s, phi_s, phi_e, ratio; // ratio = c_e/c_ref (1: single ion)
      double   weight = 0.;              // JxW times the volume weight
    };

    // Face f of the active-material cell `cell`, whose scratch values (both
    // sides) the assembly loop has set up; `local` holds the cell's DoFs,
    // then the neighbour's.
    ReactingFace(const TermContext<dim> &context,
                 const CellIterator     &cell,
                 unsigned int            f,
                 ScratchData<dim>       &scratch,
                 const LocalTerm        &local)
      : context(context)
      , cell(cell)
      , neighbor_fe(cell->neighbor(f)->active_fe_index())
      , am(scratch.face_values(electrochemistry::fe_index::active_material))
      , el(scratch.neighbor_face_values(neighbor_fe))
      , potential(electrochemistry::potential_component(neighbor_fe))
      , has_salt(neighbor_fe == electrochemistry::fe_index::binary_electrolyte)
      , n_am(local.n_first_cell_dofs)
      , n_el(local.size() - local.n_first_cell_dofs)
    {
    }

    // The faces it stands for, from an active-material cell (fe) to a Li+
    // conductor (neighbor_fe): every term on the particle surface uses this
    // rule, so the time-domain and the small-signal terms act on the same
    // faces.
    static bool
    acts_on(unsigned int fe, unsigned int neighbor_fe)
    {
      return fe == electrochemistry::fe_index::active_material &&
             electrochemistry::conducts_ions(neighbor_fe);
    }

    unsigned int
    n_points() const
    {
      return am.n_quadrature_points;
    }

    Point
    at(const LocalTerm &local, unsigned int q) const
    {
      Point p;
      p.weight = am.JxW(q) * context.weight(cell, am.quadrature_point(q));
      p.c_s    = value_at(local, am[concentration], 0, n_am, q);
      p.phi_e  = value_at(local, el[potential], n_am, n_el, q);
      p.ratio  = has_salt ? ADNumber(value_at(local, el[salt], n_am, n_el, q) /
                                     context.materials.electrolyte.concentration) :
                            ADNumber(1.);
      p.phi_s =
        context.resolved_electronic ? value_at(local, am[solid], 0, n_am, q) : local.phi_s();
      return p;
    }

    // Adds the currents [A/m^2] at point q of weight w.
    void
    add(LocalTerm      &local,
        unsigned int    q,
        double          w,
        const ADNumber &faradaic,
        const ADNumber &total) const
    {
      const double F = constants::faraday;
      local.g += total * w;
      for (unsigned int i = 0; i < n_am; ++i)
        {
          local.r[i] += faradaic / F * am[concentration].value(i, q) * w;
          if (context.resolved_electronic)
            local.r[i] += total * am[solid].value(i, q) * w;
        }
      for (unsigned int j = 0; j < n_el; ++j)
        {
          local.r[n_am + j] -= total * el[potential].value(j, q) * w;
          if (has_salt)
            local.r[n_am + j] -= faradaic / F * el[salt].value(j, q) * w;
        }
    }

  private:
    const TermContext<dim>                  &context;
    const CellIterator                       cell;
    const unsigned int                       neighbor_fe;
    const dealii::FEFaceValues<dim>         &am, &el;
    const dealii::FEValuesExtractors::Scalar potential;
    const dealii::FEValuesExtractors::Scalar concentration{
      electrochemistry::component::concentration};
    const dealii::FEValuesExtractors::Scalar solid{
      electrochemistry::component::solid_potential};
    const dealii::FEValuesExtractors::Scalar salt{electrochemistry::component::salt};
    const bool                               has_salt;
    const unsigned int                       n_am, n_el;
  };
} // namespace ssbcell
