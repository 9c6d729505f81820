# Writes OUTPUT (a header defining SSBCELL_GIT_REVISION) from `git describe`
# in SOURCE_DIR, and leaves the file untouched when the revision is the same,
# so that a build after a commit recompiles solver/app/version.cc alone.
# Run at every build: cmake -DSOURCE_DIR=... -DOUTPUT=... -P git_revision.cmake
execute_process(COMMAND git describe --always --dirty
  WORKING_DIRECTORY ${SOURCE_DIR}
  OUTPUT_VARIABLE revision OUTPUT_STRIP_TRAILING_WHITESPACE
  ERROR_QUIET)
if(NOT revision)
  set(revision "unknown")
endif()
set(content "#define SSBCELL_GIT_REVISION \"${revision}\"\n")
if(EXISTS ${OUTPUT})
  file(READ ${OUTPUT} previous)
endif()
if(NOT "${previous}" STREQUAL "${content}")
  file(WRITE ${OUTPUT} "${content}")
endif()
