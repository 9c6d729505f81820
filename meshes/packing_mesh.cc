#include <meshes/ids.h>
#include <meshes/packing_mesh.h>

#include <gmsh.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <vector>

namespace ssbcell
{
  namespace
  {
    // Growth of the element size per unit distance from a sphere surface.
    constexpr double grading = 1.;

    // initialize/finalize in pairs, so that a process can mesh many times
    // (and deal.II's own Gmsh reader can initialise Gmsh too).
    struct GmshSession
    {
      GmshSession()
      {
        gmsh::initialize(0, nullptr, /*readConfigFiles=*/false);
        gmsh::option::setNumber("General.Terminal", 0);
        gmsh::option::setNumber("General.Verbosity", 1);
      }
      ~GmshSession()
      {
        gmsh::finalize();
      }
    };

    // The flat faces of the mesh cut the spheres: a sphere meshed with
    // surface elements of size q r loses the fraction 0.35 q^2 of its volume
    // (measured with this mesher for q = 0.3-0.6; a circle loses 0.16 q^2 of
    // its area, about the q^2/6 of an inscribed polygon). Meshing the sphere
    // with the radius r (1 + loss / dim) gives the exact volume on average;
    // the area then errs by about +0.04 q^2 instead of -0.19 q^2. At most
    // a third of the minimum gap, so that the meshed spheres keep a third
    // of the gap between them and two thirds to the faces.
    double
    radius_correction(double radius, const PackingParameters &p, const PackingMeshSizes &sizes)
    {
      const double q    = std::min(sizes.relative_surface, sizes.bulk / radius);
      const double loss = (p.dim == 3 ? 0.35 : 0.16) * q * q;
      return 1. + std::min(loss / p.dim, p.min_gap / 3.);
    }

    void
    mesh_packing(const SpherePacking     &packing,
                 const PackingParameters &p,
                 const PackingMeshSizes  &sizes,
                 const std::string       &file_name)
    {
      namespace occ = gmsh::model::occ;
      const int dim = p.dim;
      // OpenCASCADE's tolerances are absolute (about 1e-7): draw in units of
      // the mean radius, not in metres.
      const double unit   = p.mean_radius;
      const double width  = p.box_width / unit;
      const double height = (p.separator_thickness + p.composite_thickness) / unit;

      gmsh::model::add("packing");
      const int box = dim == 3 ? occ::addBox(0, 0, 0, width, width, height) :
                                 occ::addRectangle(0, 0, 0, width, height);
      // In units of the mean radius, with the corrected radii.
      std::vector<Sphere> spheres = packing.spheres;
      for (Sphere &s : spheres)
        {
          s.radius *= radius_correction(s.radius, p, sizes) / unit;
          for (double &x : s.centre)
            x /= unit;
        }
      gmsh::vectorpair tools;
      for (const Sphere &s : spheres)
        {
          const auto &c = s.centre;
          tools.emplace_back(dim, dim == 3 ? occ::addSphere(c[0], c[1], c[2], s.radius) :
                                             occ::addDisk(c[0], c[1], 0, s.radius, s.radius));
        }
      gmsh::vectorpair              out;
      std::vector<gmsh::vectorpair> map;
      occ::fragment({{dim, box}}, tools, out, map);
      occ::synchronize();

      // map[0]: the pieces of the box (every piece); map[1 + i]: sphere i.
      std::vector<int> active, voids, carbon, electrolyte;
      std::set<int>    in_sphere;
      for (std::size_t i = 0; i < packing.spheres.size(); ++i)
        for (const auto &piece : map[1 + i])
          {
            const SphereKind kind = packing.spheres[i].kind;
            (kind == SphereKind::active_material ? active :
             kind == SphereKind::void_region     ? voids :
                                                   carbon)
              .push_back(piece.second);
            in_sphere.insert(piece.second);
          }
      for (const auto &piece : map[0])
        if (in_sphere.count(piece.second) == 0)
          electrolyte.push_back(piece.second);
      if (!active.empty())
        gmsh::model::addPhysicalGroup(dim, active, material_id::active_material);
      if (!voids.empty())
        gmsh::model::addPhysicalGroup(dim, voids, material_id::void_region);
      if (!carbon.empty())
        gmsh::model::addPhysicalGroup(dim, carbon, material_id::carbon);
      gmsh::model::addPhysicalGroup(dim, electrolyte, material_id::electrolyte);

      // The outer faces by position (the spheres never touch them).
      gmsh::vectorpair all, outer;
      gmsh::model::getEntities(all, dim);
      gmsh::model::getBoundary(all, outer, /*combined=*/true, /*oriented=*/false);
      std::vector<int> anode, collector, lateral;
      const double     tol = 1e-6 * height;
      for (const auto &[d, tag] : outer)
        {
          double c[3];
          occ::getCenterOfMass(d, std::abs(tag), c[0], c[1], c[2]);
          const double z = c[dim - 1];
          (std::abs(z) < tol          ? anode :
           std::abs(z - height) < tol ? collector :
                                        lateral)
            .push_back(std::abs(tag));
        }
      gmsh::model::addPhysicalGroup(dim - 1, anode, boundary_id::anode);
      gmsh::model::addPhysicalGroup(dim - 1, collector, boundary_id::collector);
      gmsh::model::addPhysicalGroup(dim - 1, lateral, boundary_id::lateral);

      // The size grows linearly with the distance from the nearest sphere
      // surface, from relative_surface x its radius to the bulk size. So the
      // particle interiors are coarse too, which the default (sizes extended
      // from the boundary) would not give.
      const double bulk = sizes.bulk / unit, rel = sizes.relative_surface;
      gmsh::model::mesh::setSizeCallback(
        [spheres, bulk, rel](int, int, double x, double y, double z) {
          double h = bulk;
          for (const Sphere &s : spheres)
            {
              const double d = std::sqrt((x - s.centre[0]) * (x - s.centre[0]) +
                                         (y - s.centre[1]) * (y - s.centre[1]) +
                                         (z - s.centre[2]) * (z - s.centre[2]));
              h              = std::min(h, rel * s.radius + grading * std::abs(d - s.radius));
            }
          return h;
        });
      gmsh::option::setNumber("Mesh.MeshSizeMax", bulk);
      gmsh::option::setNumber("Mesh.MeshSizeExtendFromBoundary", 0);
      gmsh::option::setNumber("Mesh.MeshSizeFromPoints", 0);
      gmsh::option::setNumber("Mesh.MeshSizeFromCurvature", 0);
      gmsh::option::setNumber("Mesh.ElementOrder", 1);
      // 1: all quadrilaterals (2D), 2: all hexahedra (3D). Each simplex is
      // split at its edge and face midpoints and its centroid. Linear: the
      // new points on a sphere stay on the flat faces instead of moving onto
      // the sphere, so each hexahedron is an affine image of a valid one and
      // none is inverted (moved points inverted some hexahedra in thin
      // tetrahedra at the surface). The hexahedra fill the tetrahedra
      // exactly: areas and volumes are those of the simplex mesh.
      gmsh::option::setNumber("Mesh.SubdivisionAlgorithm", dim == 3 ? 2 : 1);
      gmsh::option::setNumber("Mesh.SecondOrderLinear", 1);
      gmsh::option::setNumber("Mesh.ScalingFactor", unit); // back to metres
      gmsh::option::setNumber("Mesh.MshFileVersion", 2.2);
      gmsh::option::setNumber("Mesh.Binary", 0);
      gmsh::model::mesh::generate(dim);
      gmsh::write(file_name);
    }
  } // namespace

  void
  write_packing_mesh(const SpherePacking     &packing,
                     const PackingParameters &parameters,
                     const PackingMeshSizes  &sizes,
                     const std::string       &file_name)
  {
    GmshSession session;
    // Gmsh throws its last error message; give it one type.
    try
      {
        mesh_packing(packing, parameters, sizes, file_name);
      }
    catch (const std::exception &e)
      {
        throw std::runtime_error(std::string("Gmsh: ") + e.what());
      }
    catch (const std::string &message)
      {
        throw std::runtime_error("Gmsh: " + message);
      }
    catch (...)
      {
        throw std::runtime_error("Gmsh failed");
      }
  }
} // namespace ssbcell
