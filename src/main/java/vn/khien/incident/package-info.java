/**
 * Incidents: reports from the public, agencies, providers and tools in one queue; response
 * cases with their phases, tasks, observables, timeline and evidence; the reporting
 * deadlines of the rule pack in force; coordination with agencies and providers; and the
 * forms and statistics the national network asks for (R6, R8.3).
 */
@org.jspecify.annotations.NullMarked
package vn.khien.incident;
