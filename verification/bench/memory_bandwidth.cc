// The memory bandwidth the ranks of one machine get together (the STREAM
// triad a = b + s c on arrays far larger than the caches), printed as one
// JSON line. scripts/bench runs it on 1 and 2 ranks: sparse matrix-vector
// products and AMG V-cycles are bound by memory bandwidth, so the ratio of
// the two is the most the linear solves can speed up by on this machine.

#include <mpi.h>

#include <algorithm>
#include <cstdio>
#include <vector>

int
main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  const std::size_t   n = 20'000'000; // 480 MB per rank over three arrays
  std::vector<double> a(n, 0.), b(n, 1.), c(n, 2.);
  double              best = 1e300;
  for (int repeat = 0; repeat < 8; ++repeat)
    {
      MPI_Barrier(MPI_COMM_WORLD);
      const double start = MPI_Wtime();
      for (std::size_t i = 0; i < n; ++i)
        a[i] = b[i] + 3. * c[i];
      // The slowest rank sets the time of the round.
      double elapsed = MPI_Wtime() - start, slowest = 0.;
      MPI_Allreduce(&elapsed, &slowest, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
      best = std::min(best, slowest);
    }
  double checksum = a[n / 2], total = 0.;
  MPI_Reduce(&checksum, &total, 1, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
  if (rank == 0)
    std::printf("{\"n_ranks\": %d, \"triad_GB_s\": %.4g, \"checksum\": %g}\n", size,
                3. * sizeof(double) * n * size / best / 1e9, total);
  MPI_Finalize();
  return 0;
}
