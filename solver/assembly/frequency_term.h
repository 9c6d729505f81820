#pragma once
// Terms of the small-signal problem that have no part in the time-domain
// model: the interface capacitances (physics/interface_capacitance.h).
// Linearised about a state x, the impedance problem is
//   (K + i omega M + D(omega)) dx = ...,
// with K the Jacobian of the time-domain terms without their storage, M the
// storage (both from the time-domain assembly) and D(omega) what the
// capacitances change in the linearised interface currents: a frequency
// term adds the real or the imaginary part (AssemblyInput::imaginary_part)
// of D, written as an ADNumber residual that is linear in the deviation
// u - x, so the assembly loop turns it into matrix, border column and
// constraint row entries like any other term. D(0) = 0.

#include <solver/assembly/electrochemical_term.h>

#include <complex>

namespace ssbcell
{
  template <int dim>
  class FrequencyTerm : public ElectrochemicalTerm<dim>
  {
  };

  template <int dim>
  using FrequencyTermRegistry = Registry<FrequencyTerm<dim>, const TermContext<dim> &>;

  // The frequency terms the run contains.
  template <int dim>
  std::vector<std::unique_ptr<ElectrochemicalTerm<dim>>>
  create_frequency_terms(const TermContext<dim> &context)
  {
    std::vector<std::unique_ptr<ElectrochemicalTerm<dim>>> terms;
    for (const auto &[name, entry] : FrequencyTermRegistry<dim>::instance().entries())
      if (auto term = entry.create(context))
        terms.push_back(std::move(term));
    return terms;
  }

  template <template <int> class Term>
  bool
  register_frequency_term(const std::string &name, const std::string &description)
  {
    auto add = [&](auto &registry, auto dimension) {
      constexpr int d = decltype(dimension)::value;
      registry.add(name, description,
                   [](const TermContext<d> &context) -> std::unique_ptr<FrequencyTerm<d>> {
                     if (!Term<d>::applies(context))
                       return nullptr;
                     return std::make_unique<Term<d>>(context);
                   },
                   {});
    };
    add(FrequencyTermRegistry<1>::instance(), std::integral_constant<int, 1>());
    add(FrequencyTermRegistry<2>::instance(), std::integral_constant<int, 2>());
    add(FrequencyTermRegistry<3>::instance(), std::integral_constant<int, 3>());
    return true;
  }

  // The part of `coefficient` the assembly asks for, times the deviation of
  // u from the state: linear in u, zero at the state.
  inline ADNumber
  deviation_term(std::complex<double> coefficient, const ADNumber &u, const AssemblyInput &in)
  {
    const double k = in.imaginary_part ? coefficient.imag() : coefficient.real();
    return k * (u - u.val());
  }
} // namespace ssbcell

#define SSBCELL_REGISTER_FREQUENCY_TERM(Term, name, description)              \
  namespace                                                                   \
  {                                                                           \
    const bool SSBCELL_CONCAT(ssbcell_registered_frequency_term_, __LINE__) = \
      ::ssbcell::register_frequency_term<Term>(name, description);            \
  }
