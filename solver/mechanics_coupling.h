#pragma once
// Two-way coupling of the mechanics with the electrochemical cell model,
// staggered by time step: after every accepted step the concentration sets
// the chemical strain, the mechanics is solved, and the normal traction t_n
// on the reacting surface sets the contact fraction a_c = law(t_n) that
// multiplies the Butler-Volmer current of the following steps.
//
// t_n is read on the active-material side of the reacting face (AM|coating
// or AM|SE). Across a bonded coating a few nanometres thick the normal
// traction is continuous to O(L/R), so this is the traction at the
// coating|SE contact the law describes; the law's contact modulus E* pairs
// the particle's outer solid (coating, if the mesh has one, else AM) with
// the electrolyte.

#include <deal.II/base/parameter_handler.h>
#include <deal.II/numerics/data_out.h>

#include <physics/contact_law.h>
#include <solver/electrochemical_cell.h>
#include <solver/mechanics_problem.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ssbcell
{
  template <int dim>
  class MechanicsCoupling
  {
  public:
    // Reads the contact law from `prm` (subsection Mechanics/Contact) and
    // installs a_c in `cell_model`.
    MechanicsCoupling(const dealii::Triangulation<dim> &triangulation,
                      const dealii::Mapping<dim>       &mapping,
                      unsigned int                      degree,
                      CoordinateSystem                  coordinate_system,
                      const Materials                  &materials,
                      const MechanicsParameters        &parameters,
                      dealii::ParameterHandler         &prm,
                      ElectrochemicalCell<dim>         &cell_model);

    // Solves the mechanics for the state x (owned vector of the cell model).
    void
    update(const LA::Vector &x);

    // Diagnostics for summary.json: contact_fraction_mean and the means in
    // the bins of the angle between the surface normal and the pressing
    // axis (2D, 3D).
    std::vector<std::pair<std::string, double>>
    diagnostics() const;
    // contact_fraction_by_angle: (bin label, mean a_c) for 0-30, 30-60 and
    // 60-90 degrees; empty in 1D.
    std::vector<std::pair<std::string, double>>
    contact_by_angle() const;
    // For particle models (1D): sigma_h at the centre and the hoop stress at
    // the surface of the particle (first class) [Pa].
    std::pair<double, double>
    particle_stresses() const;

    std::vector<std::pair<std::string, dealii::Vector<float>>>
    cell_fields() const
    {
      return mechanics.cell_fields();
    }
    void
    add_data_vectors(dealii::DataOut<dim> &data_out) const
    {
      mechanics.add_data_vectors(data_out);
    }
    unsigned int
    last_iterations() const
    {
      return iterations;
    }

  private:
    // a_c and the area of the reacting surface, summed over the bins.
    void
    contact_sums(std::vector<double> &area, std::vector<double> &contact) const;

    MechanicsProblem<dim>          mechanics;
    ElectrochemicalCell<dim>      &cell_model;
    const dealii::Mapping<dim>    &mapping;
    const CoordinateSystem         coordinate_system;
    const unsigned int             degree;
    std::unique_ptr<ContactLaw>    law;
    LA::Vector                     x_ghosted; // referenced by the mechanics
    unsigned int                   iterations = 0;
  };
} // namespace ssbcell
