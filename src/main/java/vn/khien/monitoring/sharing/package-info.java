/**
 * Sharing the SOC's alerts with national bodies: each alert as STIX 2.1 objects (a
 * sighting of an indicator, the cyber-observables its events named) under its TLP 2.0
 * marking, served read-only over TAXII 2.1 to the clients the operators make, and as a
 * MISP event (docs/taxii.md).
 */
@org.jspecify.annotations.NullMarked
package vn.khien.monitoring.sharing;
