// Reads a Gmsh .msh file (ASCII, format 2.2 or 4.1). Physical groups become
// ids: the tag of a physical volume (surface in 2D, line in 1D) is the
// material id, that of a physical boundary entity the boundary id, both as in
// meshes/ids.h, unless remapped with `Material map` / `Boundary map`.

#include <deal.II/grid/grid_in.h>
#include <deal.II/grid/grid_tools.h>

#include <meshes/ids.h>
#include <meshes/mesh_generator.h>
#include <physics/parameter_checks.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace ssbcell
{
  namespace
  {
    // "10:1, 11:3" -> {10: 1, 11: 3}
    std::map<unsigned int, unsigned int>
    parse_id_map(const std::string &text, const std::string &path)
    {
      std::map<unsigned int, unsigned int> map;
      for (const auto &entry : dealii::Utilities::split_string_list(text, ','))
        {
          const auto   pair = dealii::Utilities::split_string_list(entry, ':');
          unsigned int from = 0, to = 0;
          try
            {
              if (pair.size() != 2)
                throw std::invalid_argument(entry);
              from = dealii::Utilities::string_to_int(pair[0]);
              to   = dealii::Utilities::string_to_int(pair[1]);
            }
          catch (...)
            {
              throw InputError("cannot read the id map entry '" + entry + "'",
                               "write 'gmsh tag:ssbcell id, ...', e.g. '10:1, 11:3'", "", 0,
                               path);
            }
          map[from] = to;
        }
      return map;
    }

    template <int dim>
    class GmshImport : public MeshGenerator<dim>
    {
    public:
      static void
      declare_parameters(dealii::ParameterHandler &prm)
      {
        namespace Patterns = dealii::Patterns;
        prm.enter_subsection("Gmsh");
        prm.declare_entry("File name", "", Patterns::Anything(),
                          "The .msh file (ASCII 2.2 or 4.1); a relative name is "
                          "taken from the working directory.");
        prm.declare_entry("Scale to meters", "1", Patterns::Double(),
                          "Factor from the file's length unit to metres, e.g. "
                          "1e-6 for a mesh drawn in micrometres.");
        prm.declare_entry("Material map", "", Patterns::Anything(),
                          "Physical-group tag to material id, 'tag:id, ...'; "
                          "unlisted tags are used as ids (1 AM, 2 coating, 3 SE, "
                          "4 void, 5 carbon).");
        prm.declare_entry("Boundary map", "", Patterns::Anything(),
                          "Physical-group tag to boundary id, 'tag:id, ...'; "
                          "unlisted tags are used as ids (0 symmetry, 1 anode, "
                          "2 collector, 3 lateral, 4 outer).");
        prm.leave_subsection();
      }

      void
      parse_parameters(dealii::ParameterHandler &prm, const GeometryParameters &) override
      {
        prm.enter_subsection("Gmsh");
        file_name    = prm.get("File name");
        scale        = get_positive(prm, "Geometry/Gmsh", "Scale to meters");
        material_map = parse_id_map(prm.get("Material map"), "Geometry/Gmsh/Material map");
        boundary_map = parse_id_map(prm.get("Boundary map"), "Geometry/Gmsh/Boundary map");
        prm.leave_subsection();
        if (file_name.empty())
          throw InputError("no Gmsh file given", "set Geometry/Gmsh/File name", "", 0,
                           "Geometry/Gmsh/File name");
      }

      void
      create_coarse_mesh(dealii::Triangulation<dim> &tria) const override
      {
        const std::string path = "Geometry/Gmsh/File name";
        std::ifstream     in(file_name);
        if (!in)
          throw InputError("cannot open the mesh file '" + file_name + "'",
                           "check the name and the working directory", "", 0, path);
        dealii::GridIn<dim> grid_in;
        grid_in.attach_triangulation(tria);
        try
          {
            grid_in.read_msh(in);
          }
        catch (const std::exception &e)
          {
            std::string        first_line = e.what();
            std::istringstream lines(first_line);
            std::string        line;
            first_line.clear();
            while (std::getline(lines, line))
              if (line.find("Additional information") != std::string::npos)
                {
                  std::getline(lines, first_line);
                  break;
                }
            throw InputError("cannot read the mesh file '" + file_name + "'" +
                               (first_line.empty() ? "" : ": " + first_line),
                             "an ASCII Gmsh file (format 2.2 or 4.1) of "
                             "dimension " +
                               std::to_string(dim) + " is expected",
                             "", 0, path);
          }
        if (scale != 1.)
          dealii::GridTools::scale(scale, tria);

        for (const auto &cell : tria.active_cell_iterators())
          {
            const auto m = material_map.find(cell->material_id());
            if (m != material_map.end())
              cell->set_material_id(m->second);
            if (cell->material_id() < material_id::active_material ||
                cell->material_id() > material_id::carbon)
              throw InputError("mesh file '" + file_name + "' has a cell with material id " +
                                 std::to_string(cell->material_id()),
                               "physical groups must be 1-5 or be remapped "
                               "with Geometry/Gmsh/Material map",
                               "", 0, path);
            for (const unsigned int f : cell->face_indices())
              if (cell->face(f)->at_boundary())
                {
                  const auto b = boundary_map.find(cell->face(f)->boundary_id());
                  if (b != boundary_map.end())
                    cell->face(f)->set_boundary_id(b->second);
                }
          }
      }

    private:
      std::string                          file_name;
      double                               scale = 1.;
      std::map<unsigned int, unsigned int> material_map, boundary_map;
    };
  } // namespace
} // namespace ssbcell

SSBCELL_REGISTER_MODEL_ALL_DIMS(ssbcell::MeshGenerator,
                                ssbcell::GmshImport,
                                "gmsh",
                                "a Gmsh .msh file whose physical groups give "
                                "material and boundary ids; subsection 'Gmsh'.")
