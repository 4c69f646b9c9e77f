/**
 * Inspections: yearly and ad hoc plans of an inspecting body over the province's
 * agencies, rounds at each agency with their findings, and corrective actions reported
 * done by the agency and verified by the inspecting body (R5).
 */
@org.jspecify.annotations.NullMarked
package vn.khien.inspection;
