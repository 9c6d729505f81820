#include <solver/linear_algebra/amg_options.h>

#include <petscsys.h>

namespace ssbcell
{
  void
  set_petsc_option_default(const std::string &prefix,
                           const std::string &name,
                           const std::string &value)
  {
    const std::string option = "-" + prefix + name;
    PetscBool         set    = PETSC_FALSE;
    PetscOptionsHasName(nullptr, nullptr, option.c_str(), &set);
    if (!set)
      PetscOptionsSetValue(nullptr, option.c_str(), value.empty() ? nullptr : value.c_str());
  }

  // Measured on coated_particle_3d.prm at 3 refinements (78,737 Q2
  // unknowns, 1 rank; docs/performance.md): PETSc's BoomerAMG defaults cost
  // 48 matrix-vector products per V-cycle (AMG set-up 0.93 s, CG 4.2 s).
  // HMIS coarsening with extended+i interpolation truncated to 4 entries
  // keeps the coarse operators sparse; one forward and one backward
  // l1-Gauss-Seidel sweep in natural order replace the C/F-ordered hybrid
  // symmetric sweeps, which pass over the matrix four times each. One level
  // of aggressive coarsening halves the set-up again but costs the coupled
  // solves more iterations than it saves (26 instead of 17), so only the
  // reference, a single solve, uses it.
  void
  set_boomeramg_defaults(const std::string &prefix, unsigned int dim)
  {
    const auto option = [&](const std::string &name, const std::string &value) {
      set_petsc_option_default(prefix, "pc_hypre_boomeramg_" + name, value);
    };
    // hypre's advice for 3D. With 0.25 the thin coating layer's couplings
    // count as weak: 396 CG iterations instead of 30.
    if (dim == 3)
      option("strong_threshold", "0.5");
    option("coarsen_type", "HMIS");
    option("interp_type", "ext+i");
    option("P_max", "4");
    option("no_CF", "");
    option("relax_type_down", "l1-Gauss-Seidel");
    option("relax_type_up", "backward-l1-Gauss-Seidel");
  }
} // namespace ssbcell
