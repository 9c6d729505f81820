// Li diffusion in the active material (docs/physics.md, bulk equations):
//   R_c += int_AM [(a0 c + h)/dt v + D(theta) grad c . grad v] w
// with the Fickian kernel every cell model shares and its hand-written
// Jacobian (most of the particle's work, so no automatic differentiation).

#include <physics/fickian_diffusion.h>
#include <solver/assembly/electrochemical_term.h>
#include <solver/linear_algebra/cell_dof_values.h>

namespace ssbcell
{
  namespace
  {
    using namespace electrochemistry;

    template <int dim>
    class ParticleDiffusion : public ElectrochemicalTerm<dim>
    {
    public:
      using CellIterator = typename ElectrochemicalTerm<dim>::CellIterator;

      explicit ParticleDiffusion(const TermContext<dim> &context)
        : context(context)
        , concentration(component::concentration)
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
        return fe == fe_index::active_material;
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
        const auto        &values = scratch.cell_values(fe_index::active_material);
        const auto        &c      = values[concentration];
        const unsigned int n_q    = values.n_quadrature_points;
        c_q.resize(n_q);
        h_q.resize(n_q);
        grad_q.resize(n_q);
        // x at the cell's DoFs is read into local.x_values already.
        c.get_function_values_from_local_dof_values(local.x_values, c_q);
        c.get_function_values_from_local_dof_values(history.read(cell, in.history), h_q);
        c.get_function_gradients_from_local_dof_values(local.x_values, grad_q);
        const unsigned int n = local.size();
        for (unsigned int q = 0; q < n_q; ++q)
          {
            const double w = values.JxW(q) * context.weight(cell, values.quadrature_point(q));
            const FickianDiffusionPoint<dim> fick(context.materials.active, c_q[q], grad_q[q],
                                                  h_q[q], in.a0, in.dt);
            for (unsigned int i = 0; i < n; ++i)
              {
                const double                 v      = c.value(i, q);
                const dealii::Tensor<1, dim> grad_v = c.gradient(i, q);
                local.plain_residual(i) += fick.residual(v, grad_v) * w;
                if (in.with_jacobian)
                  for (unsigned int k = 0; k < n; ++k)
                    local.plain_jacobian(i, k) +=
                      fick.jacobian(c.value(k, q), c.gradient(k, q), v, grad_v) * w;
              }
          }
      }

    private:
      const TermContext<dim>                  &context;
      const dealii::FEValuesExtractors::Scalar concentration;
      std::vector<double>                      c_q, h_q;
      std::vector<dealii::Tensor<1, dim>>      grad_q;
      CellDofValues                            history;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_TERM(ssbcell::ParticleDiffusion,
                      "particle diffusion",
                      "Li diffusion in the active material: int [(a0 c + h)/dt v + D(theta) "
                      "grad c . grad v] w.")
