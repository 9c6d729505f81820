// The active-material surface in the small-signal problem: its double layer
// across the charge-transfer reaction, a particle class's contact spreading
// as the distributed line it is (physics/coating_spreading.h), and a
// thin-layer coating's geometric capacitance across its resistance and the
// coating|electrolyte double layer across its ion-transfer resistance
// (physics/interface_admittance.h). The
// change D(omega) of the linearised currents of "particle reaction":
//   R_c   += int_S (di_F/F) v w,     R_phi -= int_S di q w,
//   R_ce  -= int_S (di_F/F) p w,     R_s   += int_S di v_s w,   g += int_S di w.

#include <physics/interface_admittance.h>
#include <physics/particle_reaction.h>
#include <solver/assembly/frequency_term.h>
#include <solver/assembly/reacting_face.h>

namespace ssbcell
{
  namespace
  {
    using namespace electrochemistry;

    template <int dim>
    class ParticleDoubleLayer : public FrequencyTerm<dim>
    {
    public:
      using CellIterator = typename ElectrochemicalTerm<dim>::CellIterator;

      explicit ParticleDoubleLayer(const TermContext<dim> &context)
        : context(context)
        , reaction(context.materials.active,
                   context.materials.anode.potential_vs_li,
                   context.cell.temperature_K,
                   context.materials.thin_layer_resistance())
        , bare_reaction(context.materials.active,
                        context.materials.anode.potential_vs_li,
                        context.cell.temperature_K,
                        0.)
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
      assemble_interface(const CellIterator  &cell,
                         unsigned int         f,
                         const AssemblyInput &in,
                         ScratchData<dim>    &scratch,
                         LocalTerm           &local) override
      {
        const ReactingFace<dim> face(context, cell, f, scratch, local);
        for (unsigned int q = 0; q < face.n_points(); ++q)
          {
            const auto p = face.at(local, q);
            const auto change =
              current_change(p.c_s.val(), p.phi_s.val(), p.phi_e.val(), p.ratio.val(),
                             context.surface_coupling(cell, f, q), series_change(cell, in),
                             in);
            ADNumber        di = 0., di_f = 0.;
            const ADNumber *variables[4] = {&p.phi_s, &p.phi_e, &p.c_s, &p.ratio};
            for (unsigned int k = 0; k < 4; ++k)
              {
                di += deviation_term(change.total[k], *variables[k], in);
                di_f += deviation_term(change.faradaic[k], *variables[k], in);
              }
            face.add(local, q, p.weight, di_f, di);
          }
      }

    private:
      // What the cell's series resistance changes by at this frequency.
      Complex
      series_change(const CellIterator &cell, const AssemblyInput &in) const
      {
        return context.series_impedance_change ?
                 context.series_impedance_change(cell, in.angular_frequency) :
                 Complex(0.);
      }

      // D(omega) at one point: the small-signal currents with the
      // capacitances minus those without (what "particle reaction" already
      // linearises).
      SmallSignalCurrents
      current_change(double                 c_s,
                     double                 phi_s,
                     double                 phi_e,
                     double                 ratio,
                     const SurfaceCoupling &s,
                     Complex                series_change,
                     const AssemblyInput   &in) const
      {
        const auto  &materials = context.materials;
        const auto  &options   = materials.coating_options;
        const double omega     = in.angular_frequency;
        const double film_dc   = materials.thin_layer_resistance() + s.series_resistance;
        // The reaction's own operating point: the film carries i_op.
        const double i_op =
          reaction
            .evaluate(ADNumber(c_s), ADNumber(phi_s), ADNumber(phi_e), ADNumber(ratio),
                      s.contact_fraction, s.ocp_shift, s.series_resistance)
            .current.val();
        const ADNumber c_ad(3, 0, c_s), phi_ad(3, 1, phi_s), ratio_ad(3, 2, ratio);
        const ADNumber i_f = bare_reaction
                               .evaluate(c_ad, phi_ad, ADNumber(phi_e + film_dc * i_op),
                                         ratio_ad, s.contact_fraction, s.ocp_shift, 0.)
                               .current;
        const ReactionSlopes slopes{i_f.dx(1), i_f.dx(0), i_f.dx(2)};

        Complex film = s.series_resistance + series_change;
        if (options.thin_layer_thickness > 0.)
          {
            const auto &C = materials.capacitance;
            film +=
              parallel_rc(options.thin_layer_thickness / materials.coating.conductivity,
                          C.thin_layer_capacitance(options.thin_layer_thickness), omega) +
              parallel_rc(options.ion_transfer_resistance, C.coating_electrolyte, omega);
          }
        const double double_layer = s.contact_fraction * materials.capacitance.active_surface;
        auto         with         = small_signal_currents(slopes, omega, double_layer, film);
        const auto   without      = small_signal_currents(slopes, 0., 0., film_dc);
        for (unsigned int k = 0; k < 4; ++k)
          {
            with.total[k] -= without.total[k];
            with.faradaic[k] -= without.faradaic[k];
          }
        return with;
      }

      const TermContext<dim> &context;
      const ParticleReaction  reaction, bare_reaction;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_FREQUENCY_TERM(ssbcell::ParticleDoubleLayer,
                                "particle double layer",
                                "The active-material surface's double layer across its "
                                "reaction, and a thin-layer coating's capacitances across "
                                "its resistances (impedance steps).")
