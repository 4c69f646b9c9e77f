/**
 * A response case written out for sharing: as a STIX 2.1 bundle for the national network
 * and as a MISP event, from plain records the incident module fills.
 */
@org.jspecify.annotations.NullMarked
package vn.khien.incident.exchange;
