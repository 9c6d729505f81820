#pragma once
// Meshes a sphere packing with the Gmsh API (OpenCASCADE kernel): the box
// (rectangle in 2D) fragmented by the spheres (discs), tetrahedra (triangles)
// subdivided into hexahedra (quadrilaterals), written as an ASCII .msh 2.2
// file whose physical groups are the ids of meshes/ids.h.

#include <meshes/sphere_packing.h>

#include <string>

namespace ssbcell
{
  struct PackingMeshSizes
  {
    double bulk; // element size away from the spheres [m]
    // Element size on a sphere surface over its radius. The flat elements
    // cut the curved surface: the area and volume errors scale like its
    // square (docs/meshes.md).
    double relative_surface;
  };

  // Throws std::runtime_error with Gmsh's message if Gmsh fails. Not
  // parallel: call it on one rank.
  void
  write_packing_mesh(const SpherePacking     &packing,
                     const PackingParameters &parameters,
                     const PackingMeshSizes  &sizes,
                     const std::string       &file_name);
} // namespace ssbcell
