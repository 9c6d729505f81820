// Li+ conduction in a single-ion coating or electrolyte (docs/physics.md):
// charge conservation with Ohm's law, i = -sigma_eff grad phi_e (sigma_eff =
// sigma f, f < 1 in the pores of a pressed powder),
//   R_phi += int sigma_eff grad phi_e . grad q w,
// linear, so its matrix K is assembled directly and R = K u (most of the
// mesh: automatic differentiation would cost far more here).

#include <solver/assembly/electrochemical_term.h>

namespace ssbcell
{
  namespace
  {
    using namespace electrochemistry;

    template <int dim>
    class IonicConduction : public ElectrochemicalTerm<dim>
    {
    public:
      using CellIterator = typename ElectrochemicalTerm<dim>::CellIterator;

      explicit IonicConduction(const TermContext<dim> &context)
        : context(context)
      {
      }

      static bool
      applies(const TermContext<dim> &)
      {
        return true;
      }

      // Coatings are single-ion conductors; the electrolyte is one unless
      // it is binary (binary_electrolyte_transport.cc).
      bool
      acts_on_cell(unsigned int fe) const override
      {
        return fe == fe_index::ion_conductor || fe == fe_index::separated_coating;
      }

      bool
      uses_automatic_differentiation() const override
      {
        return false;
      }

      void
      assemble_cell(const CellIterator  &cell,
                    const AssemblyInput &in,
                    ScratchData<dim>    &scratch,
                    LocalTerm           &local) override
      {
        const unsigned int fe     = cell->active_fe_index();
        const auto        &values = scratch.cell_values(fe);
        const auto  &phi = values[dealii::FEValuesExtractors::Scalar(potential_component(fe))];
        const double c_ref = context.materials.electrolyte.concentration;
        const double sigma = context.conductor(cell->material_id())
                               .transport->coefficients(ADNumber(c_ref))
                               .current_phi.val() *
                             context.conductivity_factor(cell);
        const unsigned int n = local.size();
        stiffness.reinit(n, n);
        gradients.resize(n);
        for (unsigned int q = 0; q < values.n_quadrature_points; ++q)
          {
            const double w =
              sigma * values.JxW(q) * context.weight(cell, values.quadrature_point(q));
            for (unsigned int j = 0; j < n; ++j)
              gradients[j] = phi.gradient(j, q);
            for (unsigned int j = 0; j < n; ++j)
              for (unsigned int l = 0; l <= j; ++l)
                stiffness(j, l) += (gradients[l] * gradients[j]) * w;
          }
        for (unsigned int j = 0; j < n; ++j)
          for (unsigned int l = 0; l < j; ++l)
            stiffness(l, j) = stiffness(j, l);
        x_cell.reinit(n, /*omit_zeroing_entries=*/true);
        std::copy(local.x_values.begin(), local.x_values.end(), x_cell.begin());
        stiffness.vmult_add(local.plain_residual, x_cell);
        if (in.with_jacobian)
          local.plain_jacobian.add(1., stiffness);
      }

    private:
      const TermContext<dim>             &context;
      dealii::FullMatrix<double>          stiffness;
      std::vector<dealii::Tensor<1, dim>> gradients;
      dealii::Vector<double>              x_cell;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_TERM(ssbcell::IonicConduction,
                      "ionic conduction",
                      "Ohm's law in single-ion coatings and electrolytes: int sigma grad "
                      "phi_e . grad q w.")
