#pragma once
// Material ids (one per cell) and boundary ids, fixed project-wide
// (docs/meshes.md). Gmsh physical groups use the same numbers.

#include <deal.II/base/types.h>

namespace ssbcell
{
  namespace material_id
  {
    constexpr dealii::types::material_id active_material = 1;
    constexpr dealii::types::material_id coating         = 2;
    constexpr dealii::types::material_id electrolyte     = 3;
    constexpr dealii::types::material_id void_region     = 4;
    constexpr dealii::types::material_id carbon          = 5;
    constexpr unsigned int               n_ids           = 6; // ids 0..5; 0 unused

    const char *
    name(dealii::types::material_id id);
  } // namespace material_id

  namespace boundary_id
  {
    // r = 0 (axis of an axisymmetric mesh, centre of a 1D sphere) and mirror
    // planes: zero flux, no normal displacement.
    constexpr dealii::types::boundary_id symmetry = 0;
    // Separator face touching the anode (In-Li or Li), at the low end of the
    // pressing axis (y in 2D, z in 3D).
    constexpr dealii::types::boundary_id anode = 1;
    // Current-collector face of the composite cathode, opposite the anode.
    constexpr dealii::types::boundary_id collector = 2;
    // Lateral faces of a box or cylinder (rollers / periodic later).
    constexpr dealii::types::boundary_id lateral = 3;
    // Outer surface of a 1D particle model (its outermost shell).
    constexpr dealii::types::boundary_id outer = 4;

    const char *
    name(dealii::types::boundary_id id);
  } // namespace boundary_id
} // namespace ssbcell
