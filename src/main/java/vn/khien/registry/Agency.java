package vn.khien.registry;

import org.jspecify.annotations.Nullable;

/** A state agency of the province: a department, a commune, a public service unit... */
public record Agency(long id, String code, String name, AgencyKind kind, @Nullable Long parentId,
		@Nullable String headName, @Nullable String headTitle, @Nullable String headPhone, @Nullable String headEmail,
		@Nullable String address, AgencyStatus status, @Nullable Long successorId) {

	/** How pickers and lists name it: "SYT — Sở Y tế". */
	public String label() {
		return code + " — " + name;
	}

}
