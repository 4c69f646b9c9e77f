/**
 * The province's registry: agencies and their hierarchy, their heads, focal points,
 * external organisations, the cybersecurity subcommittee and dedicated security staff.
 */
@org.jspecify.annotations.NullMarked
package vn.khien.registry;
