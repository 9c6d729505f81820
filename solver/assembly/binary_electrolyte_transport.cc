// Li+ and anion transport in a binary electrolyte (docs/physics.md): with
// the electrolyte model's coefficients, i = -(k_c grad c_e + k_phi grad
// phi_e) and N+ = -(l_c grad c_e + l_phi grad phi_e),
//   R_phi += -int i . grad q w,
//   R_ce  += int [(a0 c_e + h_e)/dt p - N+ . grad p] w.

#include <solver/assembly/electrochemical_term.h>
#include <solver/linear_algebra/cell_dof_values.h>

namespace ssbcell
{
  namespace
  {
    using namespace electrochemistry;

    template <int dim>
    class BinaryElectrolyteTransport : public ElectrochemicalTerm<dim>
    {
    public:
      using CellIterator = typename ElectrochemicalTerm<dim>::CellIterator;

      explicit BinaryElectrolyteTransport(const TermContext<dim> &context)
        : context(context)
        , potential(component::electrolyte_potential)
        , salt(component::salt)
      {
      }

      static bool
      applies(const TermContext<dim> &context)
      {
        return context.binary_electrolyte;
      }

      bool
      acts_on_cell(unsigned int fe) const override
      {
        return fe == fe_index::binary_electrolyte;
      }

      void
      assemble_cell(const CellIterator  &cell,
                    const AssemblyInput &in,
                    ScratchData<dim>    &scratch,
                    LocalTerm           &local) override
      {
        const auto &values = scratch.cell_values(fe_index::binary_electrolyte);
        const auto &model  = *context.conductor(cell->material_id()).transport;
        history.resize(values.n_quadrature_points);
        values[salt].get_function_values_from_local_dof_values(history_values.read(cell,
                                                                                   in.history),
                                                               history);
        // The pores of a pressed powder slow both ions alike (sigma_eff =
        // sigma f); the salt is stored in the solid, which they leave alone.
        const double       f = context.conductivity_factor(cell);
        const unsigned int n = local.size();
        for (unsigned int q = 0; q < values.n_quadrature_points; ++q)
          {
            const double w = values.JxW(q) * context.weight(cell, values.quadrature_point(q));
            const auto   grad_phi = gradient_at<dim>(local, values[potential], 0, n, q);
            const ADNumber c_e    = value_at(local, values[salt], 0, n, q);
            const auto     grad_c = gradient_at<dim>(local, values[salt], 0, n, q);
            const TransportCoefficients k    = model.coefficients(c_e);
            const ADNumber              rate = (in.a0 * c_e + history[q]) / in.dt;
            for (unsigned int j = 0; j < n; ++j)
              {
                const dealii::Tensor<1, dim> grad_v = values[potential].gradient(j, q);
                const dealii::Tensor<1, dim> grad_p = values[salt].gradient(j, q);
                local.r[j] += (k.current_c * dot<dim>(grad_c, grad_v) +
                               k.current_phi * dot<dim>(grad_phi, grad_v)) *
                              f * w;
                local.r[j] +=
                  (rate * values[salt].value(j, q) + (k.li_c * dot<dim>(grad_c, grad_p) +
                                                      k.li_phi * dot<dim>(grad_phi, grad_p)) *
                                                       f) *
                  w;
              }
          }
      }

    private:
      const TermContext<dim>                  &context;
      const dealii::FEValuesExtractors::Scalar potential, salt;
      std::vector<double>                      history;
      CellDofValues                            history_values;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_TERM(ssbcell::BinaryElectrolyteTransport,
                      "binary electrolyte transport",
                      "Nernst-Planck transport of Li+ and anions in a binary electrolyte: "
                      "charge conservation and the Li+ balance with dc_e/dt.")
