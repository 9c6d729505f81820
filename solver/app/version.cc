#include <deal.II/base/config.h>

#include <petscversion.h>
#include <solver/app/version.h>

// SSBCELL_GIT_REVISION, written at build time (cmake/git_revision.cmake).
#include <ssbcell_git_revision.h>

namespace ssbcell
{
  std::string
  version_string()
  {
    return std::string(SSBCELL_VERSION) + " (git " + SSBCELL_GIT_REVISION + ")";
  }

  std::string
  library_versions()
  {
    return "deal.II " DEAL_II_PACKAGE_VERSION ", PETSc " +
           std::to_string(PETSC_VERSION_MAJOR) + "." + std::to_string(PETSC_VERSION_MINOR) +
           "." + std::to_string(PETSC_VERSION_SUBMINOR);
  }
} // namespace ssbcell
