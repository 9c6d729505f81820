#pragma once
// One registry pattern for every model chosen by name in a parameter file.
//
// A model file registers itself with one line, e.g.
//   SSBCELL_REGISTER_MODEL(DiffusivityModel, ConstantDiffusivity, "constant",
//                          "D = the reference diffusivity, independent of theta.");
// The owner of the selection declares `Model = <name>` with the pattern
// returned by names_pattern(), lets every registered model declare its own
// parameters, and creates the chosen one by name.

#include <deal.II/base/parameter_handler.h>

#include <physics/input_error.h>

#include <functional>
#include <map>
#include <memory>
#include <string>

namespace ssbcell
{
  // Args: what a factory needs to build the model (none for most models;
  // the cell models get the mesh and the materials).
  template <typename Interface, typename... Args>
  class Registry
  {
  public:
    using Factory  = std::function<std::unique_ptr<Interface>(Args...)>;
    using Declarer = std::function<void(dealii::ParameterHandler &)>;

    struct Entry
    {
      std::string description;
      Factory     create;
      Declarer    declare_parameters;
    };

    static Registry &
    instance()
    {
      static Registry registry;
      return registry;
    }

    bool
    add(const std::string &name,
        const std::string &description,
        Factory            factory,
        Declarer           declarer)
    {
      entries_[name] = Entry{description, std::move(factory), std::move(declarer)};
      return true;
    }

    std::unique_ptr<Interface>
    create(const std::string &name, Args... args) const
    {
      const auto it = entries_.find(name);
      if (it == entries_.end())
        throw InputError("unknown model '" + name + "'", "choose one of " + names_pattern());
      return it->second.create(args...);
    }

    // "a|b|c", for dealii::Patterns::Selection.
    std::string
    names_pattern() const
    {
      std::string names;
      for (const auto &[name, entry] : entries_)
        names += (names.empty() ? "" : "|") + name;
      return names;
    }

    // A paragraph listing the models, for the documentation of the selection.
    std::string
    documentation() const
    {
      std::string doc;
      for (const auto &[name, entry] : entries_)
        doc += "'" + name + "': " + entry.description + " ";
      return doc;
    }

    // Lets every registered model declare its parameters (at the current
    // subsection of prm).
    void
    declare_all_parameters(dealii::ParameterHandler &prm) const
    {
      for (const auto &[name, entry] : entries_)
        if (entry.declare_parameters)
          entry.declare_parameters(prm);
    }

    const std::map<std::string, Entry> &
    entries() const
    {
      return entries_;
    }

  private:
    std::map<std::string, Entry> entries_;
  };

  namespace internal
  {
    // Detects an optional `static void declare_parameters(ParameterHandler&)`.
    template <typename T, typename = void>
    struct HasDeclare : std::false_type
    {
    };
    template <typename T>
    struct HasDeclare<
      T,
      std::void_t<decltype(T::declare_parameters(std::declval<dealii::ParameterHandler &>()))>>
      : std::true_type
    {
    };

    template <typename Interface, typename Model>
    bool
    register_model(const std::string &name, const std::string &description)
    {
      typename Registry<Interface>::Declarer declarer;
      if constexpr (HasDeclare<Model>::value)
        declarer = [](dealii::ParameterHandler &prm) { Model::declare_parameters(prm); };
      return Registry<Interface>::instance().add(
        name, description, []() { return std::make_unique<Model>(); }, declarer);
    }
  } // namespace internal
} // namespace ssbcell

#define SSBCELL_CONCAT_IMPL(a, b) a##b
#define SSBCELL_CONCAT(a, b) SSBCELL_CONCAT_IMPL(a, b)

// Registers a model that is not templated on the dimension.
#define SSBCELL_REGISTER_MODEL(Interface, Model, name, description)             \
  namespace                                                                     \
  {                                                                             \
    const bool SSBCELL_CONCAT(ssbcell_registered_, __LINE__) =                  \
      ::ssbcell::internal::register_model<Interface, Model>(name, description); \
  }

// Registers Model<1>, Model<2>, Model<3> as Interface<1>, <2>, <3>.
#define SSBCELL_REGISTER_MODEL_ALL_DIMS(Interface, Model, name, description)          \
  namespace                                                                           \
  {                                                                                   \
    const bool SSBCELL_CONCAT(ssbcell_registered_1d_, __LINE__) =                     \
      ::ssbcell::internal::register_model<Interface<1>, Model<1>>(name, description); \
    const bool SSBCELL_CONCAT(ssbcell_registered_2d_, __LINE__) =                     \
      ::ssbcell::internal::register_model<Interface<2>, Model<2>>(name, description); \
    const bool SSBCELL_CONCAT(ssbcell_registered_3d_, __LINE__) =                     \
      ::ssbcell::internal::register_model<Interface<3>, Model<3>>(name, description); \
  }
