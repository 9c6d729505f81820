#pragma once
// The interfaces between regions that the models act on, found from the
// material ids (meshes/ids.h), and a key that names a face of a cell. One
// definition for every model: the electrochemistry reacts on these faces,
// the mechanics reads its tractions there, the outputs report on them.

#include <deal.II/base/geometry_info.h>

#include <meshes/ids.h>

namespace ssbcell
{
  // True if Li+ conducts in cells of this material (coating, electrolyte).
  inline bool
  is_ion_conductor(dealii::types::material_id id)
  {
    return id == material_id::coating || id == material_id::electrolyte;
  }

  // True for a face of an active-material cell towards a coating or the
  // electrolyte: the reacting surface of the particles.
  template <typename CellIterator>
  bool
  is_reacting_face(const CellIterator &cell, unsigned int face)
  {
    return cell->material_id() == material_id::active_material &&
           !cell->face(face)->at_boundary() &&
           is_ion_conductor(cell->neighbor(face)->material_id());
  }

  // True for a face of a coating cell towards the electrolyte (where an
  // ion-transfer resistance acts).
  template <typename CellIterator>
  bool
  is_coating_electrolyte_face(const CellIterator &cell, unsigned int face)
  {
    return cell->material_id() == material_id::coating && !cell->face(face)->at_boundary() &&
           cell->neighbor(face)->material_id() == material_id::electrolyte;
  }

  // True for a boundary face with the given boundary id.
  template <typename CellIterator>
  bool
  is_boundary_face(const CellIterator &cell, unsigned int face, dealii::types::boundary_id id)
  {
    return cell->face(face)->at_boundary() && cell->face(face)->boundary_id() == id;
  }

  // A number that names face `face` of an active cell, unique in the mesh
  // (for maps of per-face data).
  template <int dim, typename CellIterator>
  unsigned long long
  face_key(const CellIterator &cell, unsigned int face)
  {
    return static_cast<unsigned long long>(cell->active_cell_index()) *
             dealii::GeometryInfo<dim>::faces_per_cell +
           face;
  }
} // namespace ssbcell
