package vn.khien.readiness.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.InvalidInputException;
import vn.khien.readiness.BudgetProposal;
import vn.khien.readiness.TrainingAttendee;
import vn.khien.readiness.TrainingEvent;
import vn.khien.readiness.TrainingPerson;
import vn.khien.readiness.TrainingReach;
import vn.khien.readiness.TrainingWorkforce;

/** What the training and budget API reads and answers. */
final class TrainingPayloads {

	private TrainingPayloads() {
	}

	record TrainingForm(@Nullable Long agencyId, @Nullable String kind, @Nullable String topic,
			@Nullable String audience, @Nullable LocalDate heldFrom, @Nullable LocalDate heldTo,
			@Nullable String place) {
	}

	record AttendeeForm(@Nullable String agency, @Nullable Long agencyId, @Nullable String fullName,
			@Nullable String position, @Nullable String email, @Nullable Long staffId, @Nullable LocalDate attendedOn) {

		@Nullable String agencyRef() {
			return agency != null ? agency : agencyId == null ? null : agencyId.toString();
		}
	}

	record WorkforceForm(@Nullable Integer officials, @Nullable Integer workers) {
	}

	record ProposalForm(@Nullable Long agencyId, @Nullable Integer year, @Nullable String title,
			@Nullable String description, @Nullable Long amountVnd) {
	}

	record NoteForm(@Nullable String note) {
	}

	record TrainingView(long id, long agencyId, @Nullable String agency, String kind, String topic,
			@Nullable String audience, LocalDate heldFrom, LocalDate heldTo, @Nullable String place, String createdBy,
			long attendees) {

		static TrainingView from(TrainingEvent e, Map<Long, String> labels) {
			return new TrainingView(e.id(), e.agencyId(), labels.get(e.agencyId()), e.kind().code(), e.topic(),
					e.audience(), e.heldFrom(), e.heldTo(), e.place(), e.createdBy(), e.attendees());
		}
	}

	record AttendeeView(long id, long trainingId, String topic, String kind, long agencyId, @Nullable String agency,
			String person, String fullName, @Nullable String position, @Nullable String email, @Nullable Long staffId,
			LocalDate attendedOn, String source) {

		static AttendeeView from(TrainingAttendee a, Map<Long, String> labels) {
			return new AttendeeView(a.id(), a.eventId(), a.eventTopic(), a.eventKind().code(), a.agencyId(),
					labels.get(a.agencyId()), a.personKey(), a.fullName(), a.position(), a.email(), a.staffId(),
					a.attendedOn(), a.source().toLowerCase(java.util.Locale.ROOT));
		}
	}

	record PersonView(String person, String fullName, long agencyId, @Nullable String agency, @Nullable Long staffId,
			long events, LocalDate lastAttendedOn) {

		static PersonView from(TrainingPerson p, Map<Long, String> labels) {
			return new PersonView(p.personKey(), p.fullName(), p.agencyId(), labels.get(p.agencyId()), p.staffId(),
					p.events(), p.lastAttendedOn());
		}
	}

	record ReachView(long agencyId, @Nullable String agency, long reached, long headcount, @Nullable Double share) {

		static ReachView from(TrainingReach r, Map<Long, String> labels) {
			return new ReachView(r.agencyId(), labels.get(r.agencyId()), r.reached(), r.headcount(), r.share());
		}
	}

	record WorkforceView(long agencyId, int officials, int workers, int headcount) {

		static WorkforceView from(TrainingWorkforce w) {
			return new WorkforceView(w.agencyId(), w.officials(), w.workers(), w.headcount());
		}
	}

	record ProposalView(long id, long agencyId, @Nullable String agency, int year, String title,
			@Nullable String description, long amountVnd, String status, String createdBy, java.time.Instant createdAt,
			String statusBy, java.time.Instant statusAt, @Nullable String statusNote) {

		static ProposalView from(BudgetProposal p, Map<Long, String> labels) {
			return new ProposalView(p.id(), p.agencyId(), labels.get(p.agencyId()), p.year(), p.title(),
					p.description(), p.amountVnd(), p.status().code(), p.createdBy(), p.createdAt(), p.statusBy(),
					p.statusAt(), p.statusNote());
		}
	}

	static @Nullable LocalDate date(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "training.date.invalid", value);
		}
	}

	static @Nullable Long id(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "training.number.invalid", value);
		}
	}

	static @Nullable Integer number(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "training.number.invalid", value);
		}
	}

	/** The period of reach: this calendar year so far unless told. */
	static LocalDate[] period(@Nullable String from, @Nullable String to) {
		LocalDate today = LocalDate.now(vn.khien.platform.Formats.ZONE);
		LocalDate f = date("from", from);
		LocalDate t = date("to", to);
		LocalDate start = f == null ? today.withDayOfYear(1) : f;
		LocalDate end = t == null ? today : t;
		if (end.isBefore(start)) {
			throw new InvalidInputException("to", "training.dates.reversed", start, end);
		}
		return new LocalDate[] { start, end };
	}

}
