// The anode's double layer in the small-signal problem (Materials/Double
// layer/Anode), across its charge transfer:
// - on the anode boundary of a 2D/3D mesh ("anode reaction"), in parallel:
//     di_a = -i omega C_a dphi_e,          R_phi -= int_anode di_a q w;
// - for the lumped anode of a 1D particle model ("lumped anode"), inside
//   the series with the lumped electrolyte resistance R: the anode passes
//     dI = -dphi_e / (R + 1/(g_a + i omega C_a)),
//   g_a = (f/2) sqrt(4 i0^2 + I^2) the slope of its Butler-Volmer law at its
//   current I; the change from the DC form, times the particle's share.

#include <meshes/interfaces.h>
#include <physics/butler_volmer.h>
#include <physics/interface_admittance.h>
#include <solver/assembly/frequency_term.h>

#include <cmath>

namespace ssbcell
{
  namespace
  {
    using namespace electrochemistry;

    template <int dim>
    class AnodeDoubleLayer : public FrequencyTerm<dim>
    {
    public:
      using CellIterator = typename ElectrochemicalTerm<dim>::CellIterator;

      explicit AnodeDoubleLayer(const TermContext<dim> &context)
        : context(context)
        , resistance(context.lumped_anode ? context.cell.lumped_electrolyte_resistance(
                                              context.materials.electrolyte.conductivity) :
                                            0.)
      {
      }

      static bool
      applies(const TermContext<dim> &)
      {
        return true;
      }

      bool
      acts_on_cell(unsigned int fe) const override
      {
        return conducts_ions(fe);
      }

      void
      assemble_cell(const CellIterator  &cell,
                    const AssemblyInput &in,
                    ScratchData<dim>    &scratch,
                    LocalTerm           &local) override
      {
        const bool lumped = context.lumped_anode;
        if (lumped && context.particle_class(cell) != 0)
          return;
        const auto boundary = lumped ? boundary_id::outer : boundary_id::anode;
        for (const unsigned int f : cell->face_indices())
          if (is_boundary_face(cell, f, boundary))
            add_face(cell, f, scratch.face_values(cell->active_fe_index()), in, local);
      }

    private:
      void
      add_face(const CellIterator        &cell,
               unsigned int               f,
               dealii::FEFaceValues<dim> &face,
               const AssemblyInput       &in,
               LocalTerm                 &local) const
      {
        const dealii::FEValuesExtractors::Scalar potential(
          potential_component(cell->active_fe_index()));
        const unsigned int n = local.size();
        face.reinit(cell, f);
        for (unsigned int q = 0; q < face.n_quadrature_points; ++q)
          {
            const ADNumber phi_e = value_at(local, face[potential], 0, n, q);
            const ADNumber di =
              deviation_term(-admittance_change(phi_e.val(), in.angular_frequency), phi_e,
                             in) *
              (context.lumped_anode ?
                 particle_share() :
                 face.JxW(q) * context.weight(cell, face.quadrature_point(q)));
            for (unsigned int j = 0; j < n; ++j)
              local.r[j] -= di * face[potential].value(j, q);
          }
      }

      // Y(omega) - Y(0) of the anode (with the lumped resistance in series).
      Complex
      admittance_change(double phi_e, double omega) const
      {
        const Complex capacitive(0., omega * context.materials.capacitance.anode);
        if (!context.lumped_anode)
          return capacitive;
        const double i0 = context.materials.anode.exchange_current;
        const double T  = context.cell.temperature_K;
        const double f  = ButlerVolmer{0.5, 0.5, T}.inverse_thermal_voltage();
        const double I  = symmetric_series_current(i0, resistance, T, -phi_e).current;
        const double g  = 0.5 * f * std::sqrt(4. * i0 * i0 + I * I);
        return 1. / (resistance + 1. / (g + capacitive)) - 1. / (resistance + 1. / g);
      }

      // Of the cell's current, the model particle's share: rho V_AM / loading.
      double
      particle_share() const
      {
        return context.materials.active.density * context.active_material_volume /
               context.cell.loading_kg_m2;
      }

      const TermContext<dim> &context;
      const double            resistance; // lumped electrolyte R [ohm m^2]
    };

  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_FREQUENCY_TERM(ssbcell::AnodeDoubleLayer,
                                "anode double layer",
                                "The anode's double layer across its charge transfer "
                                "(impedance steps).")
