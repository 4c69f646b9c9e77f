package vn.khien.registry.importing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.khien.platform.importing.ImportProblem;

/**
 * Orders rows parent-before-child (stable otherwise) and finds parent cycles among file
 * rows.
 */
final class ParentOrder {

	record Result(List<AgencyRow> rows, List<ImportProblem> cycles) {
	}

	private ParentOrder() {
	}

	/**
	 * Linear in the rows: each is walked once. {@code column} is the parent column's
	 * header, for the problems.
	 */
	static Result of(List<AgencyRow> rows, String column) {
		// Duplicate codes are reported elsewhere; the first occurrence is the one
		// children attach to.
		Map<String, Integer> indexByCode = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			String code = rows.get(i).code();
			if (code != null) {
				indexByCode.putIfAbsent(code, i);
			}
		}
		int[] parent = new int[rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			AgencyRow row = rows.get(i);
			Integer p = row.parentCode() == null ? null : indexByCode.get(row.parentCode());
			// A self-parent is reported as import.row.selfParent, not as a cycle.
			parent[i] = p == null || p == i || row.parentCode().equals(row.code()) ? -1 : p;
		}
		final int fresh = 0;
		final int onPath = 1;
		final int done = 2;
		int[] state = new int[rows.size()];
		List<AgencyRow> ordered = new ArrayList<>(rows.size());
		List<ImportProblem> cycles = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			// Iterative walk up the parent chain: a crafted deep chain must not overflow
			// the stack.
			Deque<Integer> path = new ArrayDeque<>();
			int j = i;
			while (j >= 0 && state[j] == fresh) {
				state[j] = onPath;
				path.push(j);
				j = parent[j];
			}
			if (j >= 0 && state[j] == onPath) {
				cycles.add(cycleProblem(rows, path, j, column));
			}
			while (!path.isEmpty()) {
				int k = path.pop();
				state[k] = done;
				ordered.add(rows.get(k));
			}
		}
		cycles.sort((a, b) -> Integer.compare(a.line(), b.line()));
		return new Result(ordered, cycles);
	}

	// path holds the walk with the most recent node on top; the cycle is everything from
	// its top down to start.
	private static ImportProblem cycleProblem(List<AgencyRow> rows, Deque<Integer> path, int start, String column) {
		List<Integer> members = new ArrayList<>();
		for (int k : path) {
			members.add(k);
			if (k == start) {
				break;
			}
		}
		// members run child-to-parent reversed (top of stack first); report from the
		// earliest line, following parents.
		List<Integer> childToParent = new ArrayList<>(members);
		Collections.reverse(childToParent);
		int first = 0;
		for (int m = 1; m < childToParent.size(); m++) {
			if (rows.get(childToParent.get(m)).line() < rows.get(childToParent.get(first)).line()) {
				first = m;
			}
		}
		List<String> codes = new ArrayList<>();
		for (int m = 0; m <= childToParent.size(); m++) {
			codes.add(rows.get(childToParent.get((first + m) % childToParent.size())).code());
		}
		int line = rows.get(childToParent.get(first)).line();
		return ImportProblem.atLine(line, ImportKeys.ROW_CYCLE, column, String.join(" → ", codes));
	}

}
