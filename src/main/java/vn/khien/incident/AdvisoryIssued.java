package vn.khien.incident;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/** The team sent an advisory to these agencies and providers. */
public record AdvisoryIssued(long advisoryId, String title, Tlp tlp, @Nullable Long incidentId, Set<Long> agencyIds,
		Set<Long> organisationIds) {
}
