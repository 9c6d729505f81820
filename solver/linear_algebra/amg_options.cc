#include <solver/linear_algebra/amg_options.h>

#include <petscsys.h>

#include <set>

namespace ssbcell
{
  namespace
  {
    // The options ssbcell entered itself. They may be replaced later (a
    // sweep's next case may have another dimension); the user's may not.
    std::set<std::string> &
    options_set_here()
    {
      static std::set<std::string> names;
      return names;
    }
  } // namespace

  void
  set_petsc_option_default(const std::string &prefix,
                           const std::string &name,
                           const std::string &value)
  {
    const std::string option = "-" + prefix + name;
    PetscBool         set    = PETSC_FALSE;
    PetscOptionsHasName(nullptr, nullptr, option.c_str(), &set);
    if (set && options_set_here().count(option) == 0)
      return;
    PetscOptionsSetValue(nullptr, option.c_str(), value.empty() ? nullptr : value.c_str());
    options_set_here().insert(option);
  }

  // Measured on coated_particle_3d.prm at 3 refinements (78,737 Q2
  // unknowns, 1 rank; docs/performance.md): deal.II's BoomerAMG settings
  // cost 48 matrix-vector products per V-cycle, PETSc's defaults 40 (AMG
  // set-up 1.1 s, CG 3.0 s). HMIS coarsening with extended+i interpolation
  // truncated to 4 entries keeps the coarse operators sparse (operator
  // complexity 1.3 instead of about 3); one forward and one backward
  // l1-Gauss-Seidel sweep in natural order replace the C/F-ordered hybrid
  // symmetric sweeps, which pass over the matrix four times each: 13.5
  // products per cycle, 0.57 + 0.66 s. Aggressive coarsening (set by the
  // callers that want it) halves the set-up again for more iterations.
  void
  set_boomeramg_defaults(const std::string &prefix, unsigned int dim)
  {
    const auto option = [&](const std::string &name, const std::string &value) {
      set_petsc_option_default(prefix, "pc_hypre_boomeramg_" + name, value);
    };
    // hypre's advice for 3D. With 0.25 the thin coating layer's couplings
    // count as weak: 396 CG iterations instead of 30.
    option("strong_threshold", dim == 3 ? "0.5" : "0.25");
    option("coarsen_type", "HMIS");
    option("interp_type", "ext+i");
    option("P_max", "4");
    option("no_CF", "");
    option("relax_type_down", "l1-Gauss-Seidel");
    option("relax_type_up", "backward-l1-Gauss-Seidel");
  }
} // namespace ssbcell
