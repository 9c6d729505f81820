#pragma once
// The mapping from reference cells to the curved mesh.
//
// deal.II's MappingQ(2) asks a cell's manifolds for its support points in
// ways that depend on the cell: a cell whose faces and edges all share its
// manifold asks it for every point at once, a transfinite cell
// interpolates from its coarse cell. A face shared by a coating cell
// (spherical) and its transfinite neighbours then maps to two surfaces
// about 1e-8 m apart, more than a coating. The mapping made here takes
// MappingQ(2)'s points, except on edges and faces that lie on a surface
// (a sphere): there, the point the surface's manifold gives that edge's or
// face's centre alone (the vertex one more refinement would add), so all
// cells around it agree by construction (docs/meshes.md). The points are
// computed once and cached, which also makes every FEValues::reinit
// cheaper.

#include <deal.II/fe/mapping.h>
#include <deal.II/grid/tria.h>

#include <memory>

namespace ssbcell
{
  // A mapping of the given degree for `triangulation`, which must outlive
  // it and not change (refinement invalidates it: create it again). Degree
  // 2 in 2D/3D: the conforming Q2 mapping above. Degree 1, 1D, and meshes
  // without curved manifolds (the same map): Q1. Higher degrees: deal.II's
  // MappingQ, cached (conforming only where the manifolds agree).
  template <int dim>
  std::unique_ptr<dealii::Mapping<dim>>
  create_mesh_mapping(const dealii::Triangulation<dim> &triangulation, unsigned int degree);
} // namespace ssbcell
