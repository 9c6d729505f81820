#pragma once
#include <string>

namespace ssbcell
{
  // "0.1.0 (git <revision>)"
  std::string
  version_string();
  // Versions of deal.II and PETSc this build uses.
  std::string
  library_versions();
} // namespace ssbcell
