/**
 * Compliance: the security level of each information system proposed under the rule pack
 * in force, its dossier appraised and approved, its protection assessed against the
 * requirements of its level, and the province's standing on all of it (R3).
 */
@org.jspecify.annotations.NullMarked
package vn.khien.compliance;
