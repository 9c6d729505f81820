#pragma once
// A mesh generator or importer, chosen by name (`Geometry/Mesh generator`).
// It fills a (possibly distributed) triangulation with material ids and
// boundary ids from meshes/ids.h and attaches the manifolds it needs.

#include <deal.II/grid/tria.h>

#include <meshes/geometry.h>
#include <physics/registry.h>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace ssbcell
{
  // One class of a particle population (1D particle models): its radius, the
  // fraction of the active-material volume in the class, and the fraction of
  // its surface in contact with the electrolyte.
  struct ParticleClass
  {
    double radius           = 0.; // [m]
    double volume_fraction  = 1.;
    double contact_fraction = 1.;
  };

  // An active particle a generator drew as a sphere (a circle in 2D, z = 0):
  // where the statistics per particle look for its surface.
  struct DrawnParticle
  {
    std::array<double, 3> centre{};
    double                radius = 0.; // [m]
  };

  // Where a cell's layers end along the pressing axis (the last coordinate,
  // from the anode face at 0) [m]: the separator is [0, separator_top], the
  // composite cathode [separator_top, composite_top].
  struct LayerBounds
  {
    double separator_top = 0., composite_top = 0.;
  };

  template <int dim>
  class MeshGenerator
  {
  public:
    virtual ~MeshGenerator() = default;

    // Called inside subsection `Geometry`.
    virtual void
    parse_parameters(dealii::ParameterHandler &prm, const GeometryParameters &geometry) = 0;

    // The coarse mesh; the caller applies the global refinements.
    virtual void
    create_coarse_mesh(dealii::Triangulation<dim> &triangulation) const = 0;

    // A 1D particle mesh has one disjoint piece (connected component) per
    // particle class, in this order; empty for every other mesh.
    virtual std::vector<ParticleClass>
    particle_classes() const
    {
      return {};
    }

    // The active particles, where the generator drew them as spheres
    // (random packing); empty where the mesh does not know its particles.
    virtual std::vector<DrawnParticle>
    drawn_particles() const
    {
      return {};
    }

    // The layers, for generators that build a separator and a composite
    // layer along the pressing axis; empty otherwise.
    virtual std::optional<LayerBounds>
    layers() const
    {
      return {};
    }
  };

  template <int dim>
  using MeshGeneratorRegistry = Registry<MeshGenerator<dim>>;

  // The generator named in `geometry`, with its subsection parsed and
  // checked (the parse phase of the start-up: before any mesh is built).
  template <int dim>
  std::shared_ptr<MeshGenerator<dim>>
  parse_mesh_generator(dealii::ParameterHandler &prm, const GeometryParameters &geometry);

  // Creates the mesh of a parsed generator, refines it, and checks it has
  // active-material cells. Returns the generator's particle classes.
  template <int dim>
  std::vector<ParticleClass>
  create_mesh(const MeshGenerator<dim>   &generator,
              const GeometryParameters   &geometry,
              dealii::Triangulation<dim> &triangulation);

  // Both in one (tests, the reference Poisson solve).
  template <int dim>
  std::vector<ParticleClass>
  create_mesh(dealii::ParameterHandler   &prm,
              const GeometryParameters   &geometry,
              dealii::Triangulation<dim> &triangulation)
  {
    return create_mesh(*parse_mesh_generator<dim>(prm, geometry), geometry, triangulation);
  }
} // namespace ssbcell
