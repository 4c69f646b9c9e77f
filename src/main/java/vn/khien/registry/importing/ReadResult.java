package vn.khien.registry.importing;

import java.util.List;

import vn.khien.platform.importing.Header;
import vn.khien.platform.importing.ImportProblem;

/**
 * The rows of a usable file: in file order, in parent order (each after its parent when
 * the parent is a row of the file, file order otherwise), and every row problem in line
 * order. Rows with problems are kept.
 */
public record ReadResult(List<AgencyRow> rows, List<AgencyRow> ordered, List<ImportProblem> problems, Header header) {

	public ReadResult {
		rows = List.copyOf(rows);
		ordered = List.copyOf(ordered);
		problems = List.copyOf(problems);
	}

	public boolean hasProblems() {
		return !problems.isEmpty();
	}

	/** The column's header as the file writes it, for problems that name it. */
	String label(AgencyColumn column) {
		return header.label(column.key());
	}
}
