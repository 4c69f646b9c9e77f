package vn.khien.incident.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import vn.khien.incident.DetectedBy;
import vn.khien.incident.Handling;
import vn.khien.incident.Impact;
import vn.khien.incident.IncidentPhase;
import vn.khien.incident.IncidentResponse;
import vn.khien.incident.IncidentSeverity;
import vn.khien.incident.IncidentStatus;
import vn.khien.incident.Incidents;
import vn.khien.incident.InitialReport;
import vn.khien.incident.ObservableKind;
import vn.khien.incident.TaskStatus;
import vn.khien.incident.Taxonomy;
import vn.khien.incident.Tlp;
import vn.khien.platform.InvalidInputException;

/**
 * The bodies the incident API and pages take, as words and numbers, turned into the
 * module’s values with a 400 naming the field for each word that is not one.
 */
final class IncidentForms {

	private IncidentForms() {
	}

	/** An agency’s report: the initial report form (Biểu mẫu 03) flat. */
	record ReportForm(@Nullable String title, @Nullable String description, @Nullable String discoveredAt,
			@Nullable Long agencyId, @Nullable Long systemId, @Nullable String detectedBy, @Nullable String severity,
			@Nullable String tlp, @Nullable String taxonomy, @Nullable String impact,
			@Nullable Boolean beyondCapability, @Nullable Boolean nationalSecurity, @Nullable String reporterName,
			@Nullable String reporterPosition, @Nullable String reporterPhone, @Nullable String reporterEmail,
			@Nullable String operatorUnit, @Nullable String ownerName, @Nullable String systemName,
			@Nullable String addresses, @Nullable String providers, @Nullable Boolean handled,
			@Nullable String notified, @Nullable String os, @Nullable String services,
			@Nullable String securityMeasures, @Nullable String publicIps, @Nullable String domains,
			@Nullable String purpose, @Nullable String confidentiality, @Nullable String supportRequested) {

		Incidents.AgencyReport toReport() {
			if (agencyId == null) {
				throw new InvalidInputException("agencyId", "incident.field.required", "agencyId");
			}
			InitialReport form = new InitialReport(clip(reporterName), clip(reporterPosition), clip(reporterPhone),
					clip(reporterEmail), clip(operatorUnit), clip(ownerName), clip(systemName), clip(addresses),
					clip(providers), handled, clip(notified), clip(os), clip(services), clip(securityMeasures),
					clip(publicIps), clip(domains), clip(purpose), clip(confidentiality), clip(supportRequested));
			return new Incidents.AgencyReport(required(title, "title"), required(description, "description"),
					moment(discoveredAt, "discoveredAt"), agencyId, systemId,
					word(detectedBy, "detectedBy", DetectedBy::of), word(severity, "severity", IncidentSeverity::of),
					word(tlp, "tlp", Tlp::of), word(taxonomy, "taxonomy", Taxonomy::of),
					word(impact, "impact", Impact::of), Boolean.TRUE.equals(beyondCapability),
					Boolean.TRUE.equals(nationalSecurity), form);
		}

	}

	record ObservableForm(@Nullable String kind, @Nullable String value, @Nullable String tlp, @Nullable String note) {

		Incidents.ObservableInput toInput() {
			ObservableKind k = word(kind, "kind", ObservableKind::of);
			if (k == null) {
				throw new InvalidInputException("kind", "incident.field.required", "kind");
			}
			return new Incidents.ObservableInput(k, required(value, "value"), word(tlp, "tlp", Tlp::of), note);
		}

	}

	/** A provider’s or tool’s report. */
	record SenderForm(@Nullable String externalRef, @Nullable String title, @Nullable String description,
			@Nullable String discoveredAt, @Nullable Long agencyId, @Nullable String severity,
			@Nullable String taxonomy, @Nullable List<ObservableForm> observables) {

		Incidents.SenderReport toReport(String original) {
			List<Incidents.ObservableInput> inputs = observables == null ? List.of()
					: observables.stream().map(ObservableForm::toInput).toList();
			if (inputs.size() > 500) {
				throw new InvalidInputException("observables", "incident.observables.tooMany", 500);
			}
			return new Incidents.SenderReport(required(externalRef, "externalRef"), required(title, "title"),
					required(description, "description"), moment(discoveredAt, "discoveredAt"), agencyId,
					word(severity, "severity", IncidentSeverity::of), word(taxonomy, "taxonomy", Taxonomy::of), inputs,
					original);
		}

	}

	record MoveForm(@Nullable String to, @Nullable String note, @Nullable String rootCause,
			@Nullable String actionsTaken, @Nullable String lessonsLearned, @Nullable String handling,
			@Nullable Long estimatedDamage) {

		IncidentResponse.Move toMove() {
			IncidentStatus status = word(to, "to", IncidentStatus::of);
			if (status == null) {
				throw new InvalidInputException("to", "incident.field.required", "to");
			}
			return new IncidentResponse.Move(status, note, rootCause, actionsTaken, lessonsLearned,
					word(handling, "handling", Handling::of), estimatedDamage);
		}

	}

	record TriageForm(@Nullable Long agencyId, @Nullable Long systemId, @Nullable String severity, @Nullable String tlp,
			@Nullable String taxonomy, @Nullable String reportType, @Nullable String impact,
			@Nullable Boolean beyondCapability, @Nullable Boolean nationalSecurity,
			@Nullable Boolean nationallyImportant, @Nullable Long leadAccountId, @Nullable String handling,
			@Nullable Long estimatedDamage) {

		IncidentResponse.Triage toTriage() {
			return new IncidentResponse.Triage(agencyId, systemId, word(severity, "severity", IncidentSeverity::of),
					word(tlp, "tlp", Tlp::of), word(taxonomy, "taxonomy", Taxonomy::of), blankToNull(reportType),
					word(impact, "impact", Impact::of), beyondCapability, nationalSecurity, nationallyImportant,
					leadAccountId, word(handling, "handling", Handling::of), estimatedDamage);
		}

	}

	record TaskForm(@Nullable String phase, @Nullable String title, @Nullable String description,
			@Nullable Long responderId, @Nullable String due) {

		IncidentResponse.TaskInput toInput() {
			IncidentPhase p = word(phase, "phase", IncidentPhase::of);
			return new IncidentResponse.TaskInput(p == null ? IncidentPhase.DETECTION : p, required(title, "title"),
					description, responderId, day(due, "due"));
		}

	}

	record TaskChangeForm(@Nullable String status, @Nullable Long responderId, @Nullable String log) {

		IncidentResponse.TaskChange toChange() {
			return new IncidentResponse.TaskChange(word(status, "status", TaskStatus::of), responderId, log);
		}

	}

	static String required(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "incident.field.required", field);
		}
		return value;
	}

	static @Nullable <T> T word(@Nullable String value, String field, Function<String, Optional<T>> of) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return of.apply(value)
			.orElseThrow(() -> new InvalidInputException(field, "incident.word.unknown", field, value));
	}

	/** An ISO-8601 moment with its offset; a 400 without one. */
	static OffsetDateTime moment(@Nullable String value, String field) {
		String text = required(value, field);
		OffsetDateTime at;
		try {
			at = OffsetDateTime.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "incident.moment.bad", text);
		}
		if (at.getYear() < 2000 || at.getYear() > 2100) {
			throw new InvalidInputException(field, "incident.moment.range", text);
		}
		return at;
	}

	static @Nullable OffsetDateTime optionalMoment(@Nullable String value, String field) {
		return value == null || value.isBlank() ? null : moment(value, field);
	}

	static @Nullable Instant optionalInstant(@Nullable String value, String field) {
		OffsetDateTime at = optionalMoment(value, field);
		return at == null ? null : at.toInstant();
	}

	static @Nullable LocalDate day(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		LocalDate day;
		try {
			day = LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "incident.day.bad", value);
		}
		if (day.getYear() < 2000 || day.getYear() > 2100) {
			throw new InvalidInputException(field, "incident.moment.range", value);
		}
		return day;
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static @Nullable String clip(@Nullable String value) {
		String v = blankToNull(value);
		if (v != null && v.length() > 4000) {
			throw new InvalidInputException("form", "incident.text.tooLong", 4000);
		}
		return v;
	}

}
