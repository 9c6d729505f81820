// ssbcell: all-solid-state battery cell simulator. See README.md.

#include <deal.II/base/mpi.h>

#include <solver/app/application.h>

#include <iostream>

int
main(int argc, char **argv)
{
  try
    {
      dealii::Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
      return ssbcell::run_application(argc, argv);
    }
  catch (const std::exception &e)
    {
      std::string what = e.what();
      // deal.II exceptions span many lines; the first line that says what
      // went wrong comes first.
      std::cerr << "ssbcell: error: internal error (please report): " << what << std::endl;
      return 1;
    }
  catch (...)
    {
      std::cerr << "ssbcell: error: internal error (unknown exception)" << std::endl;
      return 1;
    }
}
