// Assembly of the Newton system of ElectrochemicalCell (see its header for
// the weak form). The active-material bulk uses the shared Fickian kernel
// with its hand-written Jacobian; the electrolyte bulk and every interface
// term are written once as ADNumber residuals, whose derivatives give the
// Jacobian, the border column dR/dphi_s and the constraint row.

#include <deal.II/base/quadrature_lib.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/lac/full_matrix.h>

#include <meshes/ids.h>
#include <physics/constants.h>
#include <physics/fickian_diffusion.h>
#include <physics/particle_reaction.h>
#include <solver/cell_models/electrochemical_cell.h>

namespace ssbcell
{
  using namespace dealii;

  namespace
  {
    const FEValuesExtractors::Scalar concentration(0), potential(1), salt(2), solid(4);

    // The unknowns of one local term: the DoFs of one or two cells, then
    // phi_s; residuals per DoF and a contribution to the constraint g.
    struct LocalTerm
    {
      std::vector<types::global_dof_index> dofs;
      std::vector<ADNumber>                u, r;
      ADNumber                             g = 0.;

      void
      reinit(const std::vector<types::global_dof_index> &indices,
             const LA::Vector                           &x,
             double                                      phi_s)
      {
        dofs                 = indices;
        const unsigned int n = dofs.size();
        u.resize(n + 1);
        for (unsigned int k = 0; k < n; ++k)
          u[k] = ADNumber(n + 1, k, x(dofs[k]));
        u[n] = ADNumber(n + 1, n, phi_s);
        r.assign(n, ADNumber(0.));
        g = 0.;
      }
      const ADNumber &
      phi_s() const
      {
        return u.back();
      }
    };

    template <int dim, typename Values>
    ADNumber
    value_at(const LocalTerm &t,
             const Values    &v,
             unsigned int     offset,
             unsigned int     n,
             unsigned int     q)
    {
      ADNumber s = 0.;
      for (unsigned int k = 0; k < n; ++k)
        s += t.u[offset + k] * v.value(k, q);
      return s;
    }

    template <int dim, typename Values>
    Tensor<1, dim, ADNumber>
    gradient_at(const LocalTerm &t, const Values &v, unsigned int n, unsigned int q)
    {
      Tensor<1, dim, ADNumber> s;
      for (unsigned int k = 0; k < n; ++k)
        {
          const Tensor<1, dim> g = v.gradient(k, q);
          for (unsigned int d = 0; d < dim; ++d)
            s[d] += t.u[k] * g[d];
        }
      return s;
    }

    template <int dim>
    ADNumber
    dot(const Tensor<1, dim, ADNumber> &a, const Tensor<1, dim> &b)
    {
      ADNumber s = 0.;
      for (unsigned int d = 0; d < dim; ++d)
        s += a[d] * b[d];
      return s;
    }
  } // namespace

  template <int dim>
  void
  ElectrochemicalCell<dim>::assemble(const LA::Vector &x,
                                     const LA::Vector &history,
                                     double            a0,
                                     double            dt,
                                     double            phi_s,
                                     double            current_from_particles,
                                     bool              with_jacobian,
                                     System           &sys)
  {
    const auto            &am    = materials.active;
    const double           F     = constants::faraday;
    const double           c_ref = materials.electrolyte.concentration;
    const ParticleReaction reaction(am, materials.anode.potential_vs_li, cell.temperature_K,
                                    materials.thin_layer_resistance());

    sys.residual = 0.;
    if (with_jacobian)
      {
        system_matrix = 0.;
        sys.db        = 0.;
        sys.dc        = 0.;
      }
    double g = 0., dd = 0.;

    // Adds a local term to the global system.
    Vector<double>     local_r, local_b, local_c;
    FullMatrix<double> local_j;
    auto               scatter = [&](const LocalTerm &t) {
      const unsigned int n = t.dofs.size();
      local_r.reinit(n);
      for (unsigned int i = 0; i < n; ++i)
        local_r(i) = t.r[i].val();
      constraints.distribute_local_to_global(local_r, t.dofs, sys.residual);
      g += t.g.val();
      if (!with_jacobian)
        return;
      local_j.reinit(n, n);
      local_b.reinit(n);
      local_c.reinit(n);
      for (unsigned int i = 0; i < n; ++i)
        {
          for (unsigned int k = 0; k < n; ++k)
            local_j(i, k) = t.r[i].dx(k);
          local_b(i) = t.r[i].dx(n);
          local_c(i) = t.g.dx(i);
        }
      dd += t.g.dx(n);
      constraints.distribute_local_to_global(local_j, t.dofs, system_matrix);
      constraints.distribute_local_to_global(local_b, t.dofs, sys.db);
      constraints.distribute_local_to_global(local_c, t.dofs, sys.dc);
    };

    const QGauss<dim>     quadrature(degree + 2);
    const QGauss<dim - 1> face_quadrature(degree + 2);
    const auto            flags =
      update_values | update_gradients | update_JxW_values | update_quadrature_points;
    const auto                            face_flags = flags | update_normal_vectors;
    const ManufacturedSources<dim> *const mms        = manufactured;
    FEValues<dim>     am_values(mapping, fe_collection[0], quadrature, flags);
    FEFaceValues<dim> am_face(mapping, fe_collection[0], face_quadrature, face_flags);
    // Electrolyte values per fe index (1: single-ion, 2: binary, 4: a
    // coating with its own potential).
    std::vector<std::unique_ptr<FEValues<dim>>>     el_values(5);
    std::vector<std::unique_ptr<FEFaceValues<dim>>> el_face(5);
    for (const unsigned int i : {1u, 2u, 4u})
      {
        el_values[i] =
          std::make_unique<FEValues<dim>>(mapping, fe_collection[i], quadrature, flags);
        el_face[i] = std::make_unique<FEFaceValues<dim>>(mapping, fe_collection[i],
                                                         face_quadrature, face_flags);
      }
    // Electronic conduction (resolved phi_s) in active material and carbon.
    const bool                                      resolved = materials.electronic.resolved;
    std::vector<std::unique_ptr<FEValues<dim>>>     solid_values(6);
    std::vector<std::unique_ptr<FEFaceValues<dim>>> solid_face(6);
    if (resolved)
      for (const unsigned int i : {0u, 5u})
        {
          solid_values[i] =
            std::make_unique<FEValues<dim>>(mapping, fe_collection[i], quadrature, flags);
          solid_face[i] = std::make_unique<FEFaceValues<dim>>(mapping, fe_collection[i],
                                                              face_quadrature, face_flags);
        }
    const unsigned int                   n_am = fe_collection[0].n_dofs_per_cell();
    std::vector<types::global_dof_index> dofs_am(n_am), dofs_el, dofs_both;
    Vector<double>                       r_am(n_am);
    FullMatrix<double>                   j_aa(n_am, n_am);
    std::vector<double>                  u_q(quadrature.size()), h_q(quadrature.size()),
      he_q(quadrature.size());
    std::vector<Tensor<1, dim>> grad_q(quadrature.size());
    LocalTerm                   term;

    for (const auto &cell_it : dof_handler.active_cell_iterators())
      {
        if (!cell_it->is_locally_owned())
          continue;
        const unsigned int fe_index = cell_it->active_fe_index();
        if (resolved && (fe_index == 0 || fe_index == 5))
          {
            // R_s = int sigma_s grad phi_s . grad v w (+ int_S i_n v w below),
            // and phi_s = phi_s(collector) imposed weakly on the collector
            // (symmetric Nitsche: exact for the discrete solution's
            // consistency, no constraint on the border unknown needed).
            auto              &sv    = *solid_values[fe_index];
            auto              &sf    = *solid_face[fe_index];
            const double       sigma = fe_index == 0 ?
                                         materials.electronic.active_material_conductivity :
                                         materials.electronic.carbon_conductivity;
            const unsigned int n     = fe_collection[fe_index].n_dofs_per_cell();
            sv.reinit(cell_it);
            dofs_el.resize(n);
            cell_it->get_dof_indices(dofs_el);
            term.reinit(dofs_el, x, phi_s);
            for (unsigned int q = 0; q < quadrature.size(); ++q)
              {
                const double w    = sv.JxW(q) * weight(cell_it, sv.quadrature_point(q));
                const auto   grad = gradient_at<dim>(term, sv[solid], n, q);
                for (unsigned int j = 0; j < n; ++j)
                  term.r[j] += sigma * dot<dim>(grad, sv[solid].gradient(j, q)) * w;
              }
            const double penalty =
              10. * (degree + 1) * (degree + 1) * sigma / cell_it->minimum_vertex_distance();
            for (const unsigned int f : cell_it->face_indices())
              if (cell_it->face(f)->at_boundary() &&
                  cell_it->face(f)->boundary_id() == boundary_id::collector)
                {
                  sf.reinit(cell_it, f);
                  for (unsigned int q = 0; q < face_quadrature.size(); ++q)
                    {
                      const double   w = sf.JxW(q) * weight(cell_it, sf.quadrature_point(q));
                      const auto    &normal = sf.normal_vector(q);
                      const ADNumber jump =
                        value_at<dim>(term, sf[solid], 0, n, q) - term.phi_s();
                      const ADNumber flux =
                        sigma * dot<dim>(gradient_at<dim>(term, sf[solid], n, q), normal);
                      for (unsigned int j = 0; j < n; ++j)
                        term.r[j] += (-flux * sf[solid].value(j, q) -
                                      sigma * (sf[solid].gradient(j, q) * normal) * jump +
                                      penalty * jump * sf[solid].value(j, q)) *
                                     w;
                    }
                }
            scatter(term);
          }
        if (fe_index == 0)
          {
            // Diffusion in the particle.
            am_values.reinit(cell_it);
            am_values[concentration].get_function_values(x, u_q);
            am_values[concentration].get_function_values(history, h_q);
            am_values[concentration].get_function_gradients(x, grad_q);
            r_am = 0.;
            j_aa = 0.;
            for (unsigned int q = 0; q < quadrature.size(); ++q)
              {
                const double w =
                  am_values.JxW(q) * weight(cell_it, am_values.quadrature_point(q));
                const FickianDiffusionPoint<dim> fick(am, u_q[q], grad_q[q], h_q[q], a0, dt);
                for (unsigned int i = 0; i < n_am; ++i)
                  {
                    const double         v      = am_values[concentration].value(i, q);
                    const Tensor<1, dim> grad_v = am_values[concentration].gradient(i, q);
                    r_am(i) += fick.residual(v, grad_v) * w;
                    if (mms)
                      r_am(i) -= mms->active_material(am_values.quadrature_point(q)) * v * w;
                    if (with_jacobian)
                      for (unsigned int k = 0; k < n_am; ++k)
                        j_aa(i, k) +=
                          fick.jacobian(am_values[concentration].value(k, q),
                                        am_values[concentration].gradient(k, q), v, grad_v) *
                          w;
                  }
              }
            if (mms) // the boundary faces of the active material
              for (const unsigned int f : cell_it->face_indices())
                if (cell_it->face(f)->at_boundary())
                  {
                    am_face.reinit(cell_it, f);
                    for (unsigned int q = 0; q < face_quadrature.size(); ++q)
                      {
                        const auto  &p = am_face.quadrature_point(q);
                        const double s =
                          mms->active_material_face(p, am_face.normal_vector(q)) *
                          am_face.JxW(q) * weight(cell_it, p);
                        for (unsigned int i = 0; i < n_am; ++i)
                          r_am(i) -= s * am_face[concentration].value(i, q);
                      }
                  }
            cell_it->get_dof_indices(dofs_am);
            constraints.distribute_local_to_global(r_am, dofs_am, sys.residual);
            if (with_jacobian)
              constraints.distribute_local_to_global(j_aa, dofs_am, system_matrix);

            // Butler-Volmer on the faces towards coating or electrolyte.
            for (const unsigned int f : cell_it->face_indices())
              {
                if (!is_reaction_face(cell_it, f))
                  continue;
                const auto                       neighbor = cell_it->neighbor(f);
                const unsigned int               el_index = neighbor->active_fe_index();
                const bool                       has_salt = el_index == 2;
                auto                            &ef       = *el_face[el_index];
                const FEValuesExtractors::Scalar pot      = potential_of(el_index);
                am_face.reinit(cell_it, f);
                ef.reinit(neighbor, cell_it->neighbor_of_neighbor(f));
                dofs_el.resize(fe_collection[el_index].n_dofs_per_cell());
                neighbor->get_dof_indices(dofs_el);
                dofs_both = dofs_am;
                dofs_both.insert(dofs_both.end(), dofs_el.begin(), dofs_el.end());
                term.reinit(dofs_both, x, phi_s);
                const unsigned int n_el = dofs_el.size();
                for (unsigned int q = 0; q < face_quadrature.size(); ++q)
                  {
                    const double w =
                      am_face.JxW(q) * weight(cell_it, am_face.quadrature_point(q));
                    const ADNumber c_s =
                      value_at<dim>(term, am_face[concentration], 0, n_am, q);
                    const ADNumber phi_e = value_at<dim>(term, ef[pot], n_am, n_el, q);
                    const ADNumber ratio =
                      has_salt ?
                        ADNumber(value_at<dim>(term, ef[salt], n_am, n_el, q) / c_ref) :
                        ADNumber(1.);
                    const ADNumber phi_s_here =
                      resolved ? value_at<dim>(term, am_face[solid], 0, n_am, q) :
                                 term.phi_s();
                    const SurfaceCoupling coupling = surface_coupling(cell_it, f, q);
                    const ADNumber        i_n =
                      reaction
                        .evaluate(c_s, phi_s_here, phi_e, ratio, coupling.contact_fraction,
                                  coupling.ocp_shift)
                        .current;
                    term.g += i_n * w;
                    for (unsigned int i = 0; i < n_am; ++i)
                      term.r[i] += i_n / F * am_face[concentration].value(i, q) * w;
                    if (resolved) // the electrons the reaction releases
                      for (unsigned int i = 0; i < n_am; ++i)
                        term.r[i] += i_n * am_face[solid].value(i, q) * w;
                    if (mms)
                      {
                        const auto  &p    = am_face.quadrature_point(q);
                        const auto  &n    = am_face.normal_vector(q);
                        const double s_am = mms->active_material_face(p, n);
                        const double s_el = mms->electrolyte_face(p, -n);
                        for (unsigned int i = 0; i < n_am; ++i)
                          term.r[i] -= s_am * am_face[concentration].value(i, q) * w;
                        for (unsigned int j = 0; j < n_el; ++j)
                          term.r[n_am + j] -= s_el * ef[pot].value(j, q) * w;
                      }
                    for (unsigned int j = 0; j < n_el; ++j)
                      {
                        term.r[n_am + j] -= i_n * ef[pot].value(j, q) * w;
                        if (has_salt)
                          term.r[n_am + j] -= i_n / F * ef[salt].value(j, q) * w;
                      }
                  }
                scatter(term);
              }
          }
        else if (fe_index == 1 || fe_index == 2 || fe_index == 4)
          {
            const FEValuesExtractors::Scalar pot = potential_of(fe_index);
            // Li+ transport in coating and electrolyte; the anode boundary
            // reacts by Butler-Volmer against phi = 0.
            const bool  has_salt = fe_index == 2;
            auto       &ev       = *el_values[fe_index];
            auto       &ef       = *el_face[fe_index];
            const auto &model    = *conductor(cell_it->material_id()).transport;
            ev.reinit(cell_it);
            const unsigned int n = fe_collection[fe_index].n_dofs_per_cell();
            dofs_el.resize(n);
            cell_it->get_dof_indices(dofs_el);
            term.reinit(dofs_el, x, phi_s);
            if (has_salt)
              ev[salt].get_function_values(history, he_q);
            if (!has_salt && !mms)
              {
                // Ohm's law is linear: K u with K_jl = int sigma grad N_l .
                // grad N_j, assembled directly (the AD path costs far more
                // and this is most of the mesh).
                const double sigma = model.coefficients(ADNumber(c_ref)).current_phi.val();
                local_j.reinit(n, n);
                for (unsigned int q = 0; q < quadrature.size(); ++q)
                  {
                    const double w = ev.JxW(q) * weight(cell_it, ev.quadrature_point(q));
                    for (unsigned int j = 0; j < n; ++j)
                      {
                        const Tensor<1, dim> grad_v = ev[pot].gradient(j, q);
                        for (unsigned int l = 0; l < n; ++l)
                          local_j(j, l) += sigma * (ev[pot].gradient(l, q) * grad_v) * w;
                      }
                  }
                for (unsigned int j = 0; j < n; ++j)
                  for (unsigned int l = 0; l < n; ++l)
                    term.r[j] += local_j(j, l) * term.u[l];
              }
            else
              for (unsigned int q = 0; q < quadrature.size(); ++q)
                {
                  const double   w = ev.JxW(q) * weight(cell_it, ev.quadrature_point(q));
                  const auto     grad_phi = gradient_at<dim>(term, ev[pot], n, q);
                  const ADNumber c_e =
                    has_salt ? value_at<dim>(term, ev[salt], 0, n, q) : ADNumber(c_ref);
                  const auto grad_c = has_salt ? gradient_at<dim>(term, ev[salt], n, q) :
                                                 Tensor<1, dim, ADNumber>();
                  const TransportCoefficients k = model.coefficients(c_e);
                  const ADNumber              rate =
                    has_salt ? ADNumber((a0 * c_e + he_q[q]) / dt) : ADNumber(0.);
                  for (unsigned int j = 0; j < n; ++j)
                    {
                      const Tensor<1, dim> grad_v = ev[pot].gradient(j, q);
                      // -i . grad q with i = -(k_c grad c + k_phi grad phi)
                      term.r[j] += (k.current_c * dot<dim>(grad_c, grad_v) +
                                    k.current_phi * dot<dim>(grad_phi, grad_v)) *
                                   w;
                      if (mms)
                        term.r[j] -=
                          mms->electrolyte(ev.quadrature_point(q)) * ev[pot].value(j, q) * w;
                      if (has_salt)
                        {
                          const Tensor<1, dim> grad_p = ev[salt].gradient(j, q);
                          term.r[j] +=
                            (rate * ev[salt].value(j, q) + k.li_c * dot<dim>(grad_c, grad_p) +
                             k.li_phi * dot<dim>(grad_phi, grad_p)) *
                            w;
                        }
                    }
                }
            if (mms) // faces bounding the ion conductors, but the particle's
              for (const unsigned int f : cell_it->face_indices())
                if (cell_it->face(f)->at_boundary() ||
                    (cell_it->neighbor(f)->material_id() != material_id::coating &&
                     cell_it->neighbor(f)->material_id() != material_id::electrolyte &&
                     cell_it->neighbor(f)->material_id() != material_id::active_material))
                  {
                    ef.reinit(cell_it, f);
                    for (unsigned int q = 0; q < face_quadrature.size(); ++q)
                      {
                        const auto  &p = ef.quadrature_point(q);
                        const double s = mms->electrolyte_face(p, ef.normal_vector(q)) *
                                         ef.JxW(q) * weight(cell_it, p);
                        for (unsigned int j = 0; j < n; ++j)
                          term.r[j] -= s * ef[pot].value(j, q);
                      }
                  }
            for (const unsigned int f : cell_it->face_indices())
              {
                if (!cell_it->face(f)->at_boundary())
                  continue;
                const auto id = cell_it->face(f)->boundary_id();
                // A population's pieces share the lumped node: it is loaded once.
                const bool lumped =
                  lumped_anode && id == boundary_id::outer && particle_class(cell_it) == 0;
                if (id != boundary_id::anode && !lumped)
                  continue;
                ef.reinit(cell_it, f);
                for (unsigned int q = 0; q < face_quadrature.size(); ++q)
                  {
                    const ADNumber phi_e = value_at<dim>(term, ef[pot], 0, n, q);
                    const ADNumber ratio =
                      has_salt ? ADNumber(value_at<dim>(term, ef[salt], 0, n, q) / c_ref) :
                                 ADNumber(1.);
                    // Li+ current into the electrolyte [A, weighted]: per area
                    // on the anode boundary, the whole cell's share on the
                    // lumped 1D boundary (a point).
                    const ADNumber injected =
                      lumped ?
                        ADNumber(lumped_anode_current(phi_e) * materials.active.density *
                                 am_volume / cell.loading_kg_m2) :
                        ADNumber(anode_current(materials.anode.exchange_current,
                                               cell.temperature_K, phi_e, ratio) *
                                 ef.JxW(q) * weight(cell_it, ef.quadrature_point(q)));
                    for (unsigned int j = 0; j < n; ++j)
                      {
                        term.r[j] -= injected * ef[pot].value(j, q);
                        if (has_salt)
                          term.r[j] -= injected / F * ef[salt].value(j, q);
                      }
                  }
              }
            scatter(term);

            // Ion transfer from a coating (its own potential) into the
            // electrolyte: i_t = (phi_c - phi_e)/R_t leaves the coating.
            if (fe_index == 4)
              for (const unsigned int f : cell_it->face_indices())
                {
                  if (!is_transfer_face(cell_it, f))
                    continue;
                  const auto         neighbor = cell_it->neighbor(f);
                  const unsigned int el_index = neighbor->active_fe_index();
                  auto              &en       = *el_face[el_index];
                  ef.reinit(cell_it, f);
                  en.reinit(neighbor, cell_it->neighbor_of_neighbor(f));
                  dofs_el.resize(n);
                  cell_it->get_dof_indices(dofs_el);
                  std::vector<types::global_dof_index> dofs_n(
                    fe_collection[el_index].n_dofs_per_cell());
                  neighbor->get_dof_indices(dofs_n);
                  dofs_both = dofs_el;
                  dofs_both.insert(dofs_both.end(), dofs_n.begin(), dofs_n.end());
                  term.reinit(dofs_both, x, phi_s);
                  const unsigned int n_n = dofs_n.size();
                  const double       R_t = materials.coating_options.ion_transfer_resistance;
                  for (unsigned int q = 0; q < face_quadrature.size(); ++q)
                    {
                      const double   w   = ef.JxW(q) * weight(cell_it, ef.quadrature_point(q));
                      const ADNumber i_t = (value_at<dim>(term, ef[pot], 0, n, q) -
                                            value_at<dim>(term, en[potential], n, n_n, q)) /
                                           R_t;
                      for (unsigned int j = 0; j < n; ++j)
                        term.r[j] += i_t * ef[pot].value(j, q) * w;
                      for (unsigned int j = 0; j < n_n; ++j)
                        term.r[n + j] -= i_t * en[potential].value(j, q) * w;
                    }
                  scatter(term);
                }
          }
      }
    sys.residual.compress(VectorOperation::add);
    if (with_jacobian)
      {
        system_matrix.compress(VectorOperation::add);
        sys.db.compress(VectorOperation::add);
        sys.dc.compress(VectorOperation::add);
      }
    sys.constraint = Utilities::MPI::sum(g, comm) - current_from_particles;
    sys.dd         = Utilities::MPI::sum(dd, comm);
  }

#define SSBCELL_INSTANTIATE(dim)                                                           \
  template void ElectrochemicalCell<dim>::assemble(const LA::Vector &, const LA::Vector &, \
                                                   double, double, double, double, bool,   \
                                                   System &);
  SSBCELL_INSTANTIATE(1)
  SSBCELL_INSTANTIATE(2)
  SSBCELL_INSTANTIATE(3)
#undef SSBCELL_INSTANTIATE
} // namespace ssbcell
