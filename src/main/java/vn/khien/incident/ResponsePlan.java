package vn.khien.incident;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The response plan of one information system (R6.3), as one of its versions reads:
 * {@code version} and {@code status} are that version's, {@code latestVersion} and
 * {@code approvedVersion} the plan's. It is stale when its system changed after its last
 * review (the last approval or re-review). {@code scenarios} and {@code versions} are
 * filled on the detail only.
 */
public record ResponsePlan(long id, long agencyId, long systemId, String systemCode, String systemName, int version,
		ResponsePlanStatus status, String title, @Nullable String summary, int latestVersion,
		@Nullable Integer approvedVersion, @Nullable Instant reviewedAt, @Nullable String reviewedBy, boolean stale,
		@Nullable Instant systemUpdatedAt, String updatedBy, Instant updatedAt, List<ResponseScenario> scenarios,
		List<Version> versions) {

	/** Whether this is the version an incident's case takes its playbooks from. */
	public boolean current() {
		return approvedVersion != null && approvedVersion == version;
	}

	/** One version of the plan, for its history. */
	public record Version(int version, ResponsePlanStatus status, String updatedBy, Instant updatedAt,
			@Nullable String approvedBy, @Nullable Instant approvedAt) {
	}

}
