package vn.khien.incident;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the incident forms are dated ({@code khien.incidents.documents.*}).
 *
 * @param place the place before the date (Quảng Nam, ngày ...); unset: dots, to write by
 * hand
 */
@ConfigurationProperties("khien.incidents.documents")
public record IncidentDocumentsSettings(@Nullable String place) {

	/** The place, or {@code null} when it is to be written by hand. */
	public @Nullable String placeOrNull() {
		return place == null || place.isBlank() ? null : place.strip();
	}

}
