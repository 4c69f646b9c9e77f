package vn.khien.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An incident: a report in the queue, or the case made of it, with its classification,
 * the flags the pack’s serious-incident criteria read, and (when read one by one) its
 * deadlines, tasks, observables, files, linked hosts and timeline. Observables marked
 * TLP:RED are left out for a reader who is not a participant ({@code hiddenObservables}
 * counts them).
 */
public record Incident(long id, @Nullable Long agencyId, @Nullable Long systemId, IncidentSource source,
		IncidentStatus status, String title, String description, OffsetDateTime discoveredAt, @Nullable String packId,
		IncidentSeverity severity, Tlp tlp, @Nullable Taxonomy taxonomy, @Nullable String reportType,
		@Nullable Impact impact, @Nullable Integer securityLevel, boolean nationallyImportant, boolean beyondCapability,
		boolean nationalSecurity, boolean serious, @Nullable Handling handling, @Nullable Long estimatedDamage,
		@Nullable DetectedBy detectedBy, InitialReport initialReport, @Nullable String contact,
		@Nullable String externalRef, @Nullable Long leadAccountId, @Nullable Long mergedIntoId,
		@Nullable String rootCause, @Nullable String actionsTaken, @Nullable String lessonsLearned,
		@Nullable Instant responseEndedAt, @Nullable Instant closedAt, String createdBy, Instant createdAt,
		Instant updatedAt, List<Deadline> deadlines, List<Task> tasks, List<Observable> observables,
		int hiddenObservables, List<Evidence> evidence, List<Long> assets, List<TimelineEntry> timeline,
		List<Long> merged) {

	/**
	 * A reporting deadline of the pack in force on the discovery date; {@code due} is
	 * null until the moment it runs from is known.
	 */
	public record Deadline(String kind, String title, @Nullable String recipient, @Nullable String citation,
			@Nullable OffsetDateTime due, boolean met, @Nullable Instant metAt, boolean overdue) {
	}

	public record Task(long id, IncidentPhase phase, int position, String title, @Nullable String description,
			@Nullable Long responderId, @Nullable String responderName, TaskStatus status, @Nullable LocalDate due,
			Instant createdAt, @Nullable Instant doneAt, List<TaskLog> log) {
	}

	public record TaskLog(Instant at, String actor, String text) {
	}

	public record Observable(long id, ObservableKind kind, String value, Tlp tlp, @Nullable String note, int sightings,
			Instant firstSeen, Instant lastSeen, String addedBy) {
	}

	public record Evidence(long id, long fileId, String name, String sha256, long size, @Nullable String contentType,
			String addedBy, Instant addedAt) {
	}

	/**
	 * The incident without the reporter’s contact, for readers outside the response team.
	 */
	public Incident withoutContact() {
		return new Incident(id, agencyId, systemId, source, status, title, description, discoveredAt, packId, severity,
				tlp, taxonomy, reportType, impact, securityLevel, nationallyImportant, beyondCapability,
				nationalSecurity, serious, handling, estimatedDamage, detectedBy, initialReport, null, externalRef,
				leadAccountId, mergedIntoId, rootCause, actionsTaken, lessonsLearned, responseEndedAt, closedAt,
				createdBy, createdAt, updatedAt, deadlines, tasks, observables, hiddenObservables, evidence, assets,
				timeline, merged);
	}

	public record TimelineEntry(Instant at, String actor, String kind, @Nullable String from, @Nullable String to,
			@Nullable String text) {
	}
}
