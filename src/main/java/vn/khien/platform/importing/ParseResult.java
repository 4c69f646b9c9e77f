package vn.khien.platform.importing;

import java.util.List;

/**
 * Outcome of a "collect" parse: how many records were handed to the consumer, and the row
 * problems found. The type parameter only ties a result to the kind of record at call
 * sites.
 *
 * @param parsed records that passed validation and were given to the consumer
 * @param problems the first {@link ImportProblems#MAX_KEPT} problems, in file order
 * @param problemCount all problems found, including those not kept
 */
public record ParseResult<T>(int parsed, List<ImportProblem> problems, int problemCount) {

	public ParseResult {
		problems = List.copyOf(problems);
	}

	public boolean hasProblems() {
		return problemCount > 0;
	}

	/** True when more problems were found than kept. */
	public boolean truncated() {
		return problemCount > problems.size();
	}
}
