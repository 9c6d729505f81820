#pragma once
// A mesh generator or importer, chosen by name (`Geometry/Mesh generator`).
// It fills a (possibly distributed) triangulation with material ids and
// boundary ids from meshes/ids.h and attaches the manifolds it needs.

#include <deal.II/grid/tria.h>

#include <meshes/geometry.h>
#include <physics/registry.h>

namespace ssbcell
{
  template <int dim>
  class MeshGenerator
  {
  public:
    virtual ~MeshGenerator() = default;

    // Called inside subsection `Geometry`.
    virtual void
    parse_parameters(dealii::ParameterHandler &prm,
                     const GeometryParameters &geometry) = 0;

    // The coarse mesh; the caller applies the global refinements.
    virtual void
    create_coarse_mesh(dealii::Triangulation<dim> &triangulation) const = 0;
  };

  template <int dim>
  using MeshGeneratorRegistry = Registry<MeshGenerator<dim>>;

  // Creates the mesh named in `geometry`, refines it, and checks it has
  // active-material cells.
  template <int dim>
  void
  create_mesh(dealii::ParameterHandler   &prm,
              const GeometryParameters   &geometry,
              dealii::Triangulation<dim> &triangulation);
} // namespace ssbcell
