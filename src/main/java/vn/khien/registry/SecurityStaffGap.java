package vn.khien.registry;

/** An agency's security headcount: how many it needs, how many it has. */
public record SecurityStaffGap(long agencyId, String code, String name, int needed, int actual) {

	public int gap() {
		return Math.max(0, needed - actual);
	}
}
