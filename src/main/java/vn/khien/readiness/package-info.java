/**
 * Readiness: drills, training and awareness (R8). The year's drills and how each went,
 * the weaknesses they exposed followed as actions to verified completion, and each
 * system's drill obligation under the rule pack in force; the training events and
 * briefings, who attended, and each agency's reach.
 */
@org.jspecify.annotations.NullMarked
package vn.khien.readiness;
