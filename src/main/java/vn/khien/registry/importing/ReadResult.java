package vn.khien.registry.importing;

import java.util.List;

/** Rows in file order plus every problem found; rows may be empty when the file is unusable. */
public record ReadResult(List<AgencyRow> rows, List<RowProblem> problems) {

	public ReadResult {
		rows = List.copyOf(rows);
		problems = List.copyOf(problems);
	}

	public boolean hasProblems() {
		return !problems.isEmpty();
	}
}
