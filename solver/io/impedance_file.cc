#include <solver/io/impedance_file.h>

#include <cmath>
#include <fstream>
#include <iostream>

namespace ssbcell
{
  void
  write_impedance_csv(const std::string                       &file,
                      const std::vector<double>               &frequencies,
                      const std::vector<std::complex<double>> &z,
                      double                                   area_m2)
  {
    std::ofstream out(file);
    out.precision(15);
    out << "frequency_Hz,Z_real_ohm_m2,Z_imag_ohm_m2,Z_real_ohm,Z_imag_ohm,"
           "Z_modulus_ohm_m2,phase_deg\n";
    for (std::size_t k = 0; k < z.size(); ++k)
      out << frequencies[k] << ',' << z[k].real() << ',' << z[k].imag() << ','
          << z[k].real() / area_m2 << ',' << z[k].imag() / area_m2 << ',' << std::abs(z[k])
          << ',' << std::arg(z[k]) * 180. / M_PI << '\n';
    if (!out)
      std::cerr << "ssbcell: warning: cannot write " << file << '\n';
  }
} // namespace ssbcell
