#include <deal.II/base/mpi.h>
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_values.h>

#include <meshes/ids.h>
#include <physics/linear_elasticity.h>
#include <solver/mechanics_coupling.h>

#include <cmath>

namespace ssbcell
{
  using namespace dealii;

  namespace
  {
    bool
    reacts_with(types::material_id neighbor)
    {
      return neighbor == material_id::coating || neighbor == material_id::electrolyte;
    }

    // A traction-free surface has |t_n| at round-off level, whose sign must
    // not decide between contact and delamination: below 1 Pa (far below
    // any contact pressure, MPa) t_n counts as 0.
    double
    clean(double t_n)
    {
      return std::abs(t_n) < 1. ? 0. : t_n;
    }
  } // namespace

  template <int dim>
  MechanicsCoupling<dim>::MechanicsCoupling(const Triangulation<dim>  &triangulation,
                                            const Mapping<dim>        &mapping,
                                            unsigned int               degree,
                                            CoordinateSystem           coordinate_system,
                                            const Materials           &materials,
                                            const MechanicsParameters &parameters,
                                            ParameterHandler          &prm,
                                            ElectrochemicalCell<dim>  &cell_model)
    : mechanics(triangulation, mapping, degree, coordinate_system, materials, parameters)
    , cell_model(cell_model)
    , mapping(mapping)
    , coordinate_system(coordinate_system)
    , degree(degree)
  {
    mechanics.setup();
    // The electrochemistry's face quadrature: a_c is asked for at its points.
    mechanics.set_interface_quadrature(QGauss<dim - 1>(degree + 2));
    x_ghosted = cell_model.ghosted_vector();
    mechanics.set_concentration(cell_model.get_dof_handler(), x_ghosted, 0);

    law = ContactLawRegistry::instance().create(parameters.contact_law);
    prm.enter_subsection("Mechanics");
    prm.enter_subsection("Contact");
    law->parse_parameters(prm);
    prm.leave_subsection();
    prm.leave_subsection();
    bool coated = false;
    for (const auto &c : triangulation.active_cell_iterators())
      coated |= c->is_locally_owned() && c->material_id() == material_id::coating;
    coated = Utilities::MPI::logical_or(coated, triangulation.get_communicator());
    const ElasticProperties &outer =
      coated ? materials.coating.elastic : materials.active.elastic;
    law->set_materials({outer.youngs_modulus, outer.poisson_ratio,
                        materials.electrolyte.elastic.youngs_modulus,
                        materials.electrolyte.elastic.poisson_ratio});

    cell_model.set_contact_fraction(
      [this](const typename ElectrochemicalCell<dim>::CellIterator &c, unsigned int f,
             unsigned int q) {
        return law->contact_fraction(clean(mechanics.interface_normal_traction(c, f, q)));
      });
  }

  template <int dim>
  void
  MechanicsCoupling<dim>::update(const LA::Vector &x)
  {
    x_ghosted  = x; // the mechanics reads c from here
    iterations = mechanics.solve();
  }

  template <int dim>
  void
  MechanicsCoupling<dim>::contact_sums(std::vector<double> &area,
                                       std::vector<double> &contact) const
  {
    // Bins of the angle between the surface normal and the pressing axis
    // (y in 2D, z in 3D): 0-30, 30-60, 60-90 degrees; one bin in 1D.
    const unsigned int    n_bins = dim == 1 ? 1 : 3;
    const QGauss<dim - 1> quadrature(degree + 2);
    const FE_Q<dim>       geometry(1);
    FEFaceValues<dim>     face(mapping, geometry, quadrature,
                           update_JxW_values | update_quadrature_points | update_normal_vectors);
    area.assign(n_bins, 0.);
    contact.assign(n_bins, 0.);
    for (const auto &c : cell_model.get_dof_handler().active_cell_iterators())
      if (c->is_locally_owned() && c->material_id() == material_id::active_material)
        for (const unsigned int f : c->face_indices())
          if (!c->face(f)->at_boundary() && reacts_with(c->neighbor(f)->material_id()))
            {
              const typename Triangulation<dim>::active_cell_iterator cell = c;
              face.reinit(cell, f);
              for (unsigned int q = 0; q < quadrature.size(); ++q)
                {
                  const double w =
                    face.JxW(q) * volume_weight(coordinate_system, face.quadrature_point(q));
                  const double a_c =
                    law->contact_fraction(clean(mechanics.interface_normal_traction(cell, f, q)));
                  unsigned int bin = 0;
                  if (dim > 1)
                    {
                      const double cosine = std::min(1., std::abs(face.normal_vector(q)[dim - 1]));
                      const double angle  = std::acos(cosine) * 180. / numbers::PI;
                      bin = std::min(2u, static_cast<unsigned int>(angle / 30.));
                    }
                  area[bin] += w;
                  contact[bin] += a_c * w;
                }
            }
    const MPI_Comm comm = cell_model.get_dof_handler().get_triangulation().get_communicator();
    Utilities::MPI::sum(area, comm, area);
    Utilities::MPI::sum(contact, comm, contact);
  }

  template <int dim>
  std::vector<std::pair<std::string, double>>
  MechanicsCoupling<dim>::diagnostics() const
  {
    std::vector<double> area, contact;
    contact_sums(area, contact);
    double a = 0., s = 0.;
    for (unsigned int b = 0; b < area.size(); ++b)
      {
        a += area[b];
        s += contact[b];
      }
    return {{"contact_fraction_mean", a > 0. ? s / a : 1.},
            {"mechanics_linear_iterations_last", double(iterations)}};
  }

  template <int dim>
  std::vector<std::pair<std::string, double>>
  MechanicsCoupling<dim>::contact_by_angle() const
  {
    if (dim == 1)
      return {};
    std::vector<double> area, contact;
    contact_sums(area, contact);
    const char *labels[3] = {"0-30", "30-60", "60-90"};
    std::vector<std::pair<std::string, double>> bins;
    for (unsigned int b = 0; b < 3; ++b)
      if (area[b] > 0.)
        bins.emplace_back(labels[b], contact[b] / area[b]);
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
    const auto surfaces = Utilities::MPI::all_gather(comm, std::pair(surface.r, surface.value));
    auto       best_c   = centres.front();
    auto       best_s   = surfaces.front();
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
