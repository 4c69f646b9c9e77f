package vn.khien.platform.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Receives per-record problems. In fail-fast mode it rethrows the first one; in collect
 * mode it keeps the first {@link #MAX_KEPT} and only counts the rest, so a file full of
 * bad rows cannot exhaust memory.
 */
public final class ImportProblems {

	public static final int MAX_KEPT = 1000;

	private final boolean failFast;

	private final List<ImportProblem> kept = new ArrayList<>();

	private int count;

	private ImportProblems(boolean failFast) {
		this.failFast = failFast;
	}

	public static ImportProblems failFast() {
		return new ImportProblems(true);
	}

	public static ImportProblems collecting() {
		return new ImportProblems(false);
	}

	public void report(ImportProblem problem) {
		if (failFast) {
			throw problem;
		}
		count++;
		if (kept.size() < MAX_KEPT) {
			kept.add(problem);
		}
	}

	public <T> ParseResult<T> result(int parsed) {
		return new ParseResult<>(parsed, kept, count);
	}

}
