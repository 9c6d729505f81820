#include <solver/io/run_log.h>

#include <iostream>

namespace ssbcell
{
  // Writes to the screen (optional), to a memory buffer until the log file is
  // known, then to the file. Non-root ranks write nowhere.
  class RunLog::TeeBuffer : public std::streambuf
  {
  public:
    TeeBuffer(bool root, bool screen)
      : root(root)
      , screen(screen)
    {
    }

    void
    open(const std::string &name)
    {
      if (!root)
        return;
      file.open(name);
      file << early.str() << std::flush;
      early.str("");
    }

  protected:
    int
    overflow(int ch) override
    {
      if (ch == EOF || !root)
        return 0;
      const char c = static_cast<char>(ch);
      if (screen)
        std::cout.put(c);
      if (file.is_open())
        file.put(c);
      else
        early.put(c);
      // Line by line: a long run's log.txt (and a redirected screen) shows
      // each line as it is written, and keeps it if the run is killed.
      if (c == '\n')
        sync();
      return ch;
    }

    int
    sync() override
    {
      if (root)
        {
          std::cout.flush();
          if (file.is_open())
            file.flush();
        }
      return 0;
    }

  private:
    bool               root, screen;
    std::ofstream      file;
    std::ostringstream early;
  };

  RunLog::RunLog(bool is_root, bool quiet)
    : root(is_root)
    , quiet(quiet)
    , buffer(std::make_unique<TeeBuffer>(is_root, !quiet))
    , stream(std::make_unique<std::ostream>(buffer.get()))
  {
  }

  RunLog::~RunLog()
  {
    stream->flush();
  }

  void
  RunLog::open_file(const std::string &file_name)
  {
    stream->flush();
    buffer->open(file_name);
  }

  void
  RunLog::progress(const std::string &line)
  {
    if (root && !quiet)
      std::cout << line << std::endl;
  }
} // namespace ssbcell
