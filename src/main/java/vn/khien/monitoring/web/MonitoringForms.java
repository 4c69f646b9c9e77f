package vn.khien.monitoring.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.InvalidInputException;

/** What the SOC's API and pages read from their parameters. */
final class MonitoringForms {

	/**
	 * Who reads alerts and events: the province-wide roles, the response team and
	 * agencies (their own).
	 */
	static final String READERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE', 'LEADERSHIP', 'AGENCY_OFFICER', 'RESPONDER')";

	/**
	 * Who works the alert queue: the analysts, the response team, and agencies on their
	 * own alerts.
	 */
	static final String ANALYSTS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE', 'AGENCY_OFFICER', 'RESPONDER')";

	/** Who manages sources and the province's rules. */
	static final String OPERATORS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')";

	/**
	 * Who loads rules: the operators; an agency's officers only filters for their agency.
	 */
	static final String RULE_LOADERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'AGENCY_OFFICER')";

	private MonitoringForms() {
	}

	static @Nullable <T> T word(@Nullable String value, String field, Function<String, Optional<T>> of) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return of.apply(value)
			.orElseThrow(() -> new InvalidInputException(field, "monitoring.word.unknown", field, value));
	}

	/** An ISO-8601 moment with its offset (or Z). */
	static @Nullable Instant moment(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			OffsetDateTime at = OffsetDateTime.parse(value.strip());
			if (at.getYear() < 2000 || at.getYear() > 2100) {
				throw new InvalidInputException(field, "monitoring.moment.bad", value);
			}
			return at.toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "monitoring.moment.bad", value);
		}
	}

	static Instant required(@Nullable Instant value, String field) {
		if (value == null) {
			throw new InvalidInputException(field, "monitoring.moment.required");
		}
		return value;
	}

}
