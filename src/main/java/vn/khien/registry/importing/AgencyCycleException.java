package vn.khien.registry.importing;

import java.util.List;

/** Thrown by {@link AgencyFileReader#inParentOrder} when file rows form a parent cycle. */
public class AgencyCycleException extends IllegalArgumentException {

	private final transient List<RowProblem> problems;

	public AgencyCycleException(List<RowProblem> problems) {
		super("Parent cycle among import rows: " + problems);
		this.problems = List.copyOf(problems);
	}

	public List<RowProblem> problems() {
		return problems;
	}
}
