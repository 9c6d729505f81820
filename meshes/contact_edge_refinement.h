#pragma once
// Local refinement where the edge of a contact pattern crosses the
// coating|electrolyte interface. A pattern is a step of the contact fraction
// over the particle surface; where its edge does not follow the mesh lines
// (a polar cap in 3D), a face that straddles it is counted as touching the
// electrolyte on all of its surface (the potentials are continuous over the
// face and the contact pins them), so the patch is too large by about one
// cell. Refining those cells brings the patch's edge to the true one.

#include <deal.II/base/tensor.h>
#include <deal.II/fe/mapping.h>
#include <deal.II/grid/tria.h>

#include <functional>

namespace ssbcell
{
  // Refines `levels` times every coating cell with a face towards the
  // electrolyte on which `fraction` (the contact fraction at the coating's
  // outward normal) is not constant, then the cells across from refined
  // ones until no face between two regions hangs: the interface terms are
  // assembled face by face and need matching faces. Collective on MPI.
  // Returns the number of cells flagged at the edges (over all levels).
  template <int dim>
  unsigned int
  refine_at_contact_edges(
    dealii::Triangulation<dim>                                  &triangulation,
    const dealii::Mapping<dim>                                  &mapping,
    unsigned int                                                 levels,
    const std::function<double(const dealii::Tensor<1, dim> &)> &fraction);

  // True if a face between two regions (material ids) has a finer cell on
  // one side than on the other (on any rank).
  template <int dim>
  bool
  has_hanging_interface_face(const dealii::Triangulation<dim> &triangulation);
} // namespace ssbcell
