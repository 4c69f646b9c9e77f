package vn.khien.inspection;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.khien.vulnerability.Severity;

/**
 * What a round found at its agency.
 *
 * @param systemId the information system concerned, one of the agency's; null for the
 * agency as a whole
 * @param vulnerabilityFindingIds findings of the vulnerability module it refers to (for a
 * vulnerability)
 */
public record InspectionFinding(long id, long roundId, long agencyId, FindingKind kind, String title,
		@Nullable String description, Severity severity, @Nullable Long systemId, List<Long> vulnerabilityFindingIds,
		String createdBy, Instant createdAt) {

	public InspectionFinding {
		vulnerabilityFindingIds = List.copyOf(vulnerabilityFindingIds);
	}

}
