package vn.khien.registry.importing;

import java.util.List;

/** Cells of a file before any interpretation: either lines (header first) or file-level problems. */
record RawTable(List<RawLine> lines, List<RowProblem> problems) {

	record RawLine(int line, List<String> cells) {

		String cell(int index) {
			return index < cells.size() ? cells.get(index) : "";
		}

		boolean isBlank() {
			return cells.stream().allMatch(String::isBlank);
		}
	}

	static RawTable of(List<RawLine> lines) {
		return new RawTable(lines, List.of());
	}

	static RawTable failed(RowProblem problem) {
		return new RawTable(List.of(), List.of(problem));
	}
}
