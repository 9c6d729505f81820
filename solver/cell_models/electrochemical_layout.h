#pragma once
// The finite-element layout of the electrochemical cell model: the
// components of its FESystem, the finite element (hp index) of each region,
// and the blocks of its linear systems. Fields live on their regions
// (FE_Q there, FE_Nothing elsewhere, as in deal.II's step-46).

#include <meshes/ids.h>

namespace ssbcell::electrochemistry
{
  // Components of the FESystem.
  namespace component
  {
    enum Name : unsigned int
    {
      concentration         = 0, // c, Li in the active material [mol/m^3]
      electrolyte_potential = 1, // phi_e in coating and electrolyte [V]
      salt                  = 2, // c_e of a binary electrolyte [mol/m^3]
      coating_potential     = 3, // phi_e of a coating behind an ion-transfer resistance [V]
      solid_potential       = 4, // phi_s where electronic conduction is resolved [V]
      n_components          = 5
    };
  } // namespace component

  // The finite elements of the hp collection, one per kind of region.
  namespace fe_index
  {
    enum Name : unsigned int
    {
      active_material    = 0, // c (and phi_s if resolved)
      ion_conductor      = 1, // phi_e: coating, single-ion electrolyte
      binary_electrolyte = 2, // phi_e and c_e
      no_field           = 3, // voids; carbon with an ideal electronic network
      separated_coating  = 4, // its own phi_e (ion-transfer resistance at the electrolyte)
      carbon             = 5, // phi_s (resolved electronic conduction)
      n_fe_indices       = 6
    };
  } // namespace fe_index

  // The blocks of the linear systems (fieldsplit preconditioners): the
  // mass-dominated diffusion of c and the transport of the electrolyte (its
  // potentials and concentration, and phi_s).
  namespace block
  {
    enum Name : unsigned int
    {
      diffusion = 0,
      transport = 1,
      n_blocks  = 2
    };
  } // namespace block

  // True for the finite elements that carry an electrolyte potential.
  inline bool
  conducts_ions(unsigned int fe)
  {
    return fe == fe_index::ion_conductor || fe == fe_index::binary_electrolyte ||
           fe == fe_index::separated_coating;
  }

  // The component of the Li+ potential in a cell of finite element `fe`.
  inline unsigned int
  potential_component(unsigned int fe)
  {
    return fe == fe_index::separated_coating ? component::coating_potential :
                                               component::electrolyte_potential;
  }

  // True for the finite elements that carry phi_s (resolved conduction).
  inline bool
  conducts_electrons(unsigned int fe, bool resolved)
  {
    return resolved && (fe == fe_index::active_material || fe == fe_index::carbon);
  }
} // namespace ssbcell::electrochemistry
