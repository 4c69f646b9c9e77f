package vn.khien.incident.exchange;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a case shares: only what the caller puts here leaves Khiên, so a field the sharing
 * level does not allow (the agency, the system) is passed as null.
 *
 * @param taxonomyClass ENISA RSIT class code, e.g. {@code fraud}
 * @param taxonomyType RSIT type code, e.g. {@code phishing}
 * @param severity {@code critical}, {@code high}, {@code medium} or {@code low}
 * @param tlp TLP 2.0 label of the case: RED, AMBER+STRICT, AMBER, GREEN or CLEAR
 * @param producer name of the province's response team, the author of every object
 */
public record SharedIncident(long id, String title, String description, Instant created, Instant modified,
		@Nullable Instant discoveredAt, @Nullable String taxonomyClass, @Nullable String taxonomyType, String severity,
		String tlp, String producer, @Nullable String agencyName, @Nullable String systemName,
		List<SharedObservable> observables) {

	public SharedIncident {
		observables = List.copyOf(observables);
	}

}
