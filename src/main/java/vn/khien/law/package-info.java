/**
 * The law as data: rule packs, versioned files that hold what a legal regime asks of
 * information systems (level criteria, who appraises and approves, dossier parts,
 * protection requirements, periodic obligations, incident deadlines), each value with its
 * source. The other modules ask for the pack in force on a date instead of holding any
 * rule themselves (docs/rule-packs.md).
 */
@org.jspecify.annotations.NullMarked
package vn.khien.law;
