#include <deal.II/base/mpi.h>
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_values.h>

#include <meshes/ids.h>
#include <meshes/interfaces.h>
#include <physics/constants.h>
#include <physics/linear_elasticity.h>
#include <solver/mechanics/contact_angle_bin.h>
#include <solver/mechanics/mechanics_coupling.h>
#include <solver/nonlinear/anderson_acceleration.h>

#include <algorithm>
#include <cmath>

namespace ssbcell
{
  using namespace dealii;

  namespace
  {
    // A traction-free surface has |t_n| at round-off level, whose sign must
    // not decide between contact and delamination: below 1 Pa (far below
    // any contact pressure, MPa) t_n counts as 0.
    double
    clean(double t_n)
    {
      return std::abs(t_n) < 1. ? 0. : t_n;
    }

    // The porosity of the electrolyte across face f of c (the mean over the
    // cells behind a hanging face); 0 where it is not electrolyte.
    template <typename Iterator>
    double
    porosity_across(const Vector<double> &porosity, const Iterator &c, unsigned int f)
    {
      const auto neighbour = c->neighbor(f);
      if (neighbour->is_active())
        return neighbour->material_id() == material_id::electrolyte ?
                 porosity(neighbour->active_cell_index()) :
                 0.;
      double             sum = 0.;
      const unsigned int n   = c->face(f)->n_children();
      for (unsigned int sub = 0; sub < n; ++sub)
        {
          const auto child = c->neighbor_child_on_subface(f, sub);
          if (child->material_id() == material_id::electrolyte)
            sum += porosity(child->active_cell_index());
        }
      return n > 0 ? sum / n : 0.;
    }
  } // namespace

  template <int dim>
  MechanicsCoupling<dim>::MechanicsCoupling(const Triangulation<dim>  &triangulation,
                                            const Mapping<dim>        &mapping,
                                            unsigned int               degree,
                                            CoordinateSystem           coordinate_system,
                                            const Materials           &materials,
                                            const MechanicsParameters &parameters,
                                            double                     temperature,
                                            ReactingSurface<dim>      &cell_model)
    : mechanics(triangulation, mapping, degree, coordinate_system, materials, parameters)
    , cell_model(cell_model)
    , surface_quadrature(cell_model.surface_quadrature())
    , mapping(mapping)
    , coordinate_system(coordinate_system)
    , degree(degree)
    , materials(materials)
    , controls(parameters.coupling)
    , stress_dependent_ocp(parameters.stress_dependent_ocp)
    , thermal_voltage(constants::gas * temperature / constants::faraday)
    , law(parameters.contact_law_model)
    , surface_gap(parameters.surface_gap_model)
    , stiffness_model(parameters.powder_stiffness_model)
    , stiffness_follows_contacts(stiffness_model && stiffness_model->varies_with_porosity())
    , pressing_steps(parameters.pressing_steps)
  {
    mechanics.setup();
    // The electrochemistry's face quadrature: the fields are asked for at
    // its points.
    mechanics.set_interface_quadrature(surface_quadrature);
    x_ghosted = cell_model.ghosted_vector();
    mechanics.set_concentration(cell_model.get_dof_handler(), x_ghosted, 0);

    bool coated = false;
    for (const auto &c : triangulation.active_cell_iterators())
      coated |= c->is_locally_owned() && c->material_id() == material_id::coating;
    coated = Utilities::MPI::logical_or(coated, triangulation.get_communicator());
    const ElasticProperties &outer =
      coated ? materials.coating.elastic : materials.active.elastic;
    law->set_materials({outer.youngs_modulus, outer.poisson_ratio,
                        materials.electrolyte.elastic.youngs_modulus,
                        materials.electrolyte.elastic.poisson_ratio});

    index_surface_points();
    cell_model.set_surface_coupling([this](const CellIterator &c, unsigned int f,
                                           unsigned int q) { return field(c, f, q); },
                                    stress_dependent_ocp);
  }

  template <int dim>
  const typename MechanicsCoupling<dim>::SurfaceCoupling &
  MechanicsCoupling<dim>::field(const CellIterator &cell,
                                unsigned int        face,
                                unsigned int        q) const
  {
    const auto it = offsets.find(face_key<dim>(cell, face));
    if (it == offsets.end())
      throw std::logic_error("no coupling field on this face: not a reacting face of a "
                             "locally owned active-material cell");
    return fields.at(it->second + q);
  }

  template <int dim>
  void
  MechanicsCoupling<dim>::for_each_reacting_face(
    const std::function<void(const CellIterator &, unsigned int)> &visit) const
  {
    for (const auto &c : cell_model.get_dof_handler().active_cell_iterators())
      if (c->is_locally_owned() && c->material_id() == material_id::active_material)
        for (const unsigned int f : c->face_indices())
          if (is_reacting_face(c, f))
            visit(c, f);
  }

  template <int dim>
  void
  MechanicsCoupling<dim>::index_surface_points()
  {
    const unsigned int n_points = surface_quadrature.size();
    offsets.clear();
    std::size_t n = 0;
    for_each_reacting_face([&](const CellIterator &c, unsigned int f) {
      offsets[face_key<dim>(c, f)] = n;
      n += n_points;
    });
    fields.assign(n, SurfaceCoupling{});
  }

  template <int dim>
  std::vector<double>
  MechanicsCoupling<dim>::residual(const LA::Vector &x)
  {
    x_ghosted = x; // the mechanics reads c from here
    // Plastic solids: the first state (the initial one) is reached by
    // pressing the cell in increments.
    if (mechanics.yields() && !pressed)
      {
        mechanics.press(pressing_steps);
        pressed = true;
      }
    if (!stiffness.empty() && !powder_pressed)
      press_powder();
    iterations = mechanics.solve();

    // Scaled so that all parts are relative changes of the current.
    std::vector<double> r(2 * fields.size());
    const unsigned int  n_points = surface_quadrature.size();
    // Pressed powder: the face touches the electrolyte cell across it
    // (behind a resolved coating the powder is not adjacent: porosity 0).
    const Vector<double> porosity = cell_porosity();
    for_each_reacting_face([&](const CellIterator &c, unsigned int f) {
      const std::size_t first = offsets.at(face_key<dim>(c, f));
      const double      phi   = compaction ? porosity_across(porosity, c, f) : 0.;
      for (unsigned int q = 0; q < n_points; ++q)
        {
          const std::size_t i      = first + q;
          const auto       &stress = mechanics.interface_stress(c, f, q);
          const double      held   = i < traction_held.size() ? traction_held[i] : 0.;
          r[2 * i] =
            contact_with_powder(law->contact_fraction(clean(stress.normal_traction), held),
                                phi) -
            fields[i].contact_fraction;
          if (stress_dependent_ocp)
            r[2 * i + 1] =
              (materials.active.chemical_strain.open_circuit_shift(stress.hydrostatic) -
               fields[i].ocp_shift) /
              thermal_voltage;
        }
    });
    conductivity_residual(porosity, r);
    return r;
  }

  template <int dim>
  std::vector<double>
  MechanicsCoupling<dim>::state() const
  {
    std::vector<double> x(2 * fields.size());
    for (std::size_t i = 0; i < fields.size(); ++i)
      {
        x[2 * i]     = fields[i].contact_fraction;
        x[2 * i + 1] = fields[i].ocp_shift / thermal_voltage;
      }
    for (const unsigned int k : powder_cells)
      x.push_back(conductivity[k]);
    return x;
  }

  template <int dim>
  void
  MechanicsCoupling<dim>::set_state(const std::vector<double> &x)
  {
    // An accelerated iterate may step outside [0, 1]; a_c may not.
    for (std::size_t i = 0; i < fields.size(); ++i)
      {
        fields[i].contact_fraction = std::clamp(x[2 * i], 0., 1.);
        fields[i].ocp_shift        = x[2 * i + 1] * thermal_voltage;
      }
    // Nor may sigma_eff / sigma leave [floor, 1].
    for (std::size_t j = 0; j < powder_cells.size(); ++j)
      conductivity[powder_cells[j]] =
        std::clamp(x[2 * fields.size() + j], powder_conductivity(1.), 1.);
  }

  template <int dim>
  void
  MechanicsCoupling<dim>::update(const LA::Vector &x)
  {
    const std::vector<double> r = residual(x);
    std::vector<double>       y = state();
    for (std::size_t i = 0; i < y.size(); ++i)
      y[i] += r[i];
    set_state(y);
  }

  template <int dim>
  void
  MechanicsCoupling<dim>::accept()
  {
    accepted              = fields;
    accepted_conductivity = conductivity;
    // The last mechanics solve was of the accepted state.
    mechanics.commit_plastic_state();
    traction_held.resize(fields.size(), 0.);
    const unsigned int n_points = surface_quadrature.size();
    for_each_reacting_face([&](const CellIterator &c, unsigned int f) {
      const std::size_t first = offsets.at(face_key<dim>(c, f));
      for (unsigned int q = 0; q < n_points; ++q)
        traction_held[first + q] =
          std::max(traction_held[first + q],
                   clean(mechanics.interface_stress(c, f, q).normal_traction));
    });
    if (compaction)
      {
        const std::vector<double> p = cell_pressures();
        pressure_held.resize(p.size(), 0.);
        for (std::size_t k = 0; k < p.size(); ++k)
          pressure_held[k] = std::max(pressure_held[k], p[k]);
        // A cell pressed harder than before stiffens (from the next step).
        if (!stiffness.empty())
          refresh_stiffness(cell_porosity(), stiffness_refresh_threshold);
      }
  }

  template <int dim>
  void
  MechanicsCoupling<dim>::restore()
  {
    fields = accepted;
    if (!powder_cells.empty())
      conductivity = accepted_conductivity;
  }

  template <int dim>
  NewtonResult
  MechanicsCoupling<dim>::solve_step(LA::Vector                                      &x,
                                     const std::function<NewtonResult(unsigned int)> &solve)
  {
    restore();
    NewtonResult result = solve(0);
    if (!result.converged || controls.max_iterations == 0)
      return result;
    const MPI_Comm comm = cell_model.get_dof_handler().get_triangulation().get_communicator();
    unsigned int   newton = result.newton_iterations, linear = result.linear_iterations;
    unsigned int   coupling_iterations = 0;
    AndersonAcceleration acceleration(controls.anderson_depth, controls.relaxation, comm);
    const auto           re_solve = [&](unsigned int limit) {
      result = solve(limit); // from the last iterate: a close start
      newton += result.newton_iterations;
      linear += result.linear_iterations;
      return result.converged;
    };
    while (true)
      {
        ++coupling_iterations;
        std::vector<double> r;
        try
          {
            r = residual(x);
          }
        catch (const MechanicsNotConverged &)
          {
            result.converged = false; // a failed step: the caller shortens it
            break;
          }
        double change = 0.;
        for (const double v : r)
          change = std::max(change, std::abs(v));
        change = Utilities::MPI::max(change, comm);
        if (change <= controls.tolerance && result.exact)
          break;
        if (coupling_iterations > controls.max_iterations)
          {
            result.converged = false;
            break;
          }
        if (change <= controls.tolerance)
          {
            // The fields have settled on an unconverged solution: converge
            // it with them, and check them against its stress.
            if (!re_solve(0))
              break;
            continue;
          }
        set_state(acceleration.next(state(), r));
        if (!re_solve(controls.newton_iterations))
          break;
      }
    result.newton_iterations   = newton;
    result.linear_iterations   = linear;
    result.coupling_iterations = coupling_iterations;
    return result;
  }

  template <int dim>
  void
  MechanicsCoupling<dim>::for_each_surface_point(
    const std::function<
      void(const CellIterator &, unsigned int, unsigned int, double, const Tensor<1, dim> &)>
      &visit) const
  {
    const Quadrature<dim - 1> &quadrature = surface_quadrature;
    const FE_Q<dim>            geometry(1);
    FEFaceValues<dim>          face(mapping, geometry, quadrature,
                                    update_JxW_values | update_quadrature_points |
                                      update_normal_vectors);
    for_each_reacting_face([&](const CellIterator &c, unsigned int f) {
      face.reinit(typename Triangulation<dim>::active_cell_iterator(c), f);
      for (unsigned int q = 0; q < quadrature.size(); ++q)
        visit(c, f, q,
              face.JxW(q) * volume_weight(coordinate_system, face.quadrature_point(q)),
              face.normal_vector(q));
    });
  }

  template <int dim>
  void
  MechanicsCoupling<dim>::contact_sums(std::vector<double> &area,
                                       std::vector<double> &contact) const
  {
    // Bins of the angle between the surface normal and the pressing axis
    // (y in 2D, z in 3D): 0-30, 30-60, 60-90 degrees; one bin in 1D.
    const unsigned int n_bins = dim == 1 ? 1 : 3;
    area.assign(n_bins, 0.);
    contact.assign(n_bins, 0.);
    for_each_surface_point([&](const CellIterator &c, unsigned int f, unsigned int q, double w,
                               const Tensor<1, dim> &normal) {
      const unsigned int bin = contact_angle_bin(normal);
      area[bin] += w;
      contact[bin] += field(c, f, q).contact_fraction * w;
    });
    const MPI_Comm comm = cell_model.get_dof_handler().get_triangulation().get_communicator();
    Utilities::MPI::sum(area, comm, area);
    Utilities::MPI::sum(contact, comm, contact);
  }

  template <int dim>
  std::pair<double, double>
  MechanicsCoupling<dim>::surface_gap_sums(const Vector<double> &porosity) const
  {
    double area = 0., gap = 0.;
    if (surface_gap && surface_gap->has_gaps())
      for_each_surface_point([&](const CellIterator &c, unsigned int f, unsigned int q,
                                 double w, const Tensor<1, dim> &) {
        const double phi = compaction ? porosity_across(porosity, c, f) : 0.;
        area += w;
        gap += surface_gap->excess_void(field(c, f, q).contact_fraction, phi) * w;
      });
    const MPI_Comm comm = cell_model.get_dof_handler().get_triangulation().get_communicator();
    return {Utilities::MPI::sum(area, comm), Utilities::MPI::sum(gap, comm)};
  }

  template <int dim>
  double
  MechanicsCoupling<dim>::mean_contact_fraction() const
  {
    std::vector<double> area, contact;
    contact_sums(area, contact);
    double a = 0., s = 0.;
    for (unsigned int b = 0; b < area.size(); ++b)
      {
        a += area[b];
        s += contact[b];
      }
    return a > 0. ? s / a : 1.;
  }

  template <int dim>
  std::vector<std::pair<std::string, double>>
  MechanicsCoupling<dim>::diagnostics() const
  {
    std::vector<std::pair<std::string, double>> d = {
      {"contact_fraction_mean", mean_contact_fraction()}};
    if (stress_dependent_ocp)
      {
        double area = 0., shift = 0.;
        for_each_surface_point([&](const CellIterator &c, unsigned int f, unsigned int q,
                                   double w, const Tensor<1, dim> &) {
          area += w;
          shift += field(c, f, q).ocp_shift * w;
        });
        const MPI_Comm comm =
          cell_model.get_dof_handler().get_triangulation().get_communicator();
        area  = Utilities::MPI::sum(area, comm);
        shift = Utilities::MPI::sum(shift, comm);
        d.emplace_back("ocp_stress_shift_mean_V", area > 0. ? shift / area : 0.);
      }
    d.emplace_back("mechanics_linear_iterations_last", double(iterations));
    if (surface_gap && surface_gap->has_gaps())
      {
        const auto [area, gap] = surface_gap_sums(cell_porosity());
        d.emplace_back("surface_gap_volume_m3", gap);
        d.emplace_back("surface_gap_depth_mean_m", area > 0. ? gap / area : 0.);
      }
    if (mechanics.yields())
      {
        // The largest cell mean of alpha, and the share of the solid volume
        // whose cells have yielded.
        double largest = 0., yielded = 0., volume = 0.;
        mechanics.for_each_point(QGauss<dim>(degree + 1), [&](const auto &s) {
          largest = std::max(largest, s.plastic.equivalent_strain);
          volume += s.weight;
          if (s.plastic.equivalent_strain > 0.)
            yielded += s.weight;
        });
        const MPI_Comm comm =
          cell_model.get_dof_handler().get_triangulation().get_communicator();
        volume = Utilities::MPI::sum(volume, comm);
        d.emplace_back("equivalent_plastic_strain_max", Utilities::MPI::max(largest, comm));
        d.emplace_back("yielded_volume_fraction",
                       volume > 0. ? Utilities::MPI::sum(yielded, comm) / volume : 0.);
      }
    return d;
  }

  template <int dim>
  std::vector<typename MechanicsCoupling<dim>::AngleBin>
  MechanicsCoupling<dim>::contact_by_angle() const
  {
    if (dim == 1)
      return {};
    std::vector<double> area, contact;
    contact_sums(area, contact);
    std::vector<AngleBin> bins;
    for (unsigned int b = 0; b < 3; ++b)
      if (area[b] > 0.)
        bins.push_back({30. * b, 30. * (b + 1), contact[b] / area[b]});
    return bins;
  }

  template <int dim>
  std::pair<double, double>
  MechanicsCoupling<dim>::particle_stresses() const
  {
    // The quadrature points nearest to the centre and to the surface.
    struct Candidate
    {
      double r = 0., value = 0.;
    };
    Candidate centre{HUGE_VAL, 0.}, surface{-HUGE_VAL, 0.};
    mechanics.for_each_point(QGauss<dim>(degree + 1), [&](const auto &s) {
      if (s.cell->material_id() != material_id::active_material)
        return;
      const double r = s.x.norm();
      if (r < centre.r)
        centre = {r, elasticity::hydrostatic(s.stress)};
      if (r > surface.r)
        surface = {r, s.stress[1][1]}; // the hoop component (tt) in 1D
    });
    const MPI_Comm comm = cell_model.get_dof_handler().get_triangulation().get_communicator();
    const auto centres  = Utilities::MPI::all_gather(comm, std::pair(centre.r, centre.value));
    const auto surfaces =
      Utilities::MPI::all_gather(comm, std::pair(surface.r, surface.value));
    auto best_c = centres.front();
    auto best_s = surfaces.front();
    for (const auto &c : centres)
      if (c.first < best_c.first)
        best_c = c;
    for (const auto &s : surfaces)
      if (s.first > best_s.first)
        best_s = s;
    return {best_c.second, best_s.second};
  }

  template class MechanicsCoupling<1>;
  template class MechanicsCoupling<2>;
  template class MechanicsCoupling<3>;
} // namespace ssbcell
