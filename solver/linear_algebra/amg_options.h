#pragma once
// The BoomerAMG settings of ssbcell's scalar elliptic solves (the Poisson
// reference, the potential block of 'fieldsplit'), entered into PETSc's
// options database under a prefix unless the user has set them.

#include <string>

namespace ssbcell
{
  // `prefix`: the options prefix of the PC (e.g. "poisson_",
  // "fieldsplit_e_"; "" for none); `dim`: the mesh dimension.
  void
  set_boomeramg_defaults(const std::string &prefix, unsigned int dim);

  // Sets -<prefix><name> to value unless the user has set it (on the
  // command line or in `Linear solver/PETSc options`).
  void
  set_petsc_option_default(const std::string &prefix,
                           const std::string &name,
                           const std::string &value);
} // namespace ssbcell
