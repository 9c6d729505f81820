#include <meshes/ids.h>

namespace ssbcell
{
  const char *
  material_id::name(dealii::types::material_id id)
  {
    switch (id)
      {
        case active_material:
          return "active material";
        case coating:
          return "coating";
        case electrolyte:
          return "electrolyte";
        case void_region:
          return "void";
        case carbon:
          return "carbon";
        default:
          return "unknown";
      }
  }

  const char *
  boundary_id::name(dealii::types::boundary_id id)
  {
    switch (id)
      {
        case symmetry:
          return "symmetry";
        case anode:
          return "anode";
        case collector:
          return "collector";
        case lateral:
          return "lateral";
        case outer:
          return "outer";
        default:
          return "unknown";
      }
  }
} // namespace ssbcell
