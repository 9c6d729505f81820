#pragma once
// What a run prints: `out()` goes to the screen (unless --quiet) and to
// log.txt; `progress()` lines go to the screen only, and only on rank 0.

#include <fstream>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>

namespace ssbcell
{
  class RunLog
  {
  public:
    RunLog(bool is_root, bool quiet);
    ~RunLog();

    // Starts writing log.txt (with everything printed so far).
    void
    open_file(const std::string &file_name);

    std::ostream &
    out()
    {
      return *stream;
    }

    void
    progress(const std::string &line);

    bool
    is_root() const
    {
      return root;
    }

  private:
    class TeeBuffer;
    bool                          root, quiet;
    std::unique_ptr<TeeBuffer>    buffer;
    std::unique_ptr<std::ostream> stream;
  };
} // namespace ssbcell
