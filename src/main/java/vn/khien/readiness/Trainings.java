package vn.khien.readiness;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.KhienUser;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.platform.Role;
import vn.khien.platform.VietnameseText;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.SecurityStaff;
import vn.khien.registry.SecurityStaffing;

/**
 * Training events, who attended them, each agency's officials and workers, and the reach
 * that follows, within the caller's scope. An agency officer sees the events their
 * agencies organised or attended and only the attendees of their agencies.
 */
@Component
public class Trainings {

	/** Counting stops here: the page says more than that. */
	public static final int COUNT_CAP = 10_000;

	static final String EVENT_COLUMNS = """
			e.id, e.agency_id, e.kind, e.topic, e.audience, e.held_from, e.held_to, e.place, e.created_by,
			e.created_at""";

	static final String ATTENDEE_COLUMNS = """
			a.id, a.event_id, e.topic, e.kind, a.agency_id, a.person_key, a.full_name, a.position, a.email,
			a.staff_id, a.attended_on, a.source""";

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyHierarchy hierarchy;

	private final Agencies agencies;

	private final SecurityStaffing staffing;

	private final AuditLog audit;

	Trainings(JdbcClient jdbc, CurrentUser currentUser, AgencyHierarchy hierarchy, Agencies agencies,
			SecurityStaffing staffing, AuditLog audit) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.hierarchy = hierarchy;
		this.agencies = agencies;
		this.staffing = staffing;
		this.audit = audit;
	}

	/**
	 * What a list of events asks for; {@code agencyId} is the organising agency and those
	 * below it; the dates select events held on any day between them.
	 */
	public record Filter(@Nullable Long agencyId, @Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable TrainingKind kind) {

		public static Filter none() {
			return new Filter(null, null, null, null);
		}
	}

	/** A new event; {@code heldTo} defaults to {@code heldFrom}. */
	public record NewTraining(@Nullable Long agencyId, @Nullable String kind, @Nullable String topic,
			@Nullable String audience, @Nullable LocalDate heldFrom, @Nullable LocalDate heldTo,
			@Nullable String place) {
	}

	/**
	 * A person to record as attending: their agency (an id or a code), their name (from
	 * the registry when {@code staffId} names registered security staff), the day
	 * (defaults to the event's first day).
	 */
	public record NewAttendee(@Nullable String agency, @Nullable String fullName, @Nullable String position,
			@Nullable String email, @Nullable Long staffId, @Nullable LocalDate attendedOn) {
	}

	/**
	 * What a list of attendances asks for: the attendee's agency and those below it, the
	 * days, a name or email ({@code q}), a registered staff member, a person's key.
	 */
	public record AttendeeFilter(@Nullable Long agencyId, @Nullable Long eventId, @Nullable LocalDate from,
			@Nullable LocalDate to, @Nullable String q, @Nullable Long staffId, @Nullable String personKey) {
	}

	/** An attendee checked against the event and the registry, ready to write. */
	record Checked(long agencyId, String personKey, String fullName, @Nullable String position, @Nullable String email,
			@Nullable Long staffId, LocalDate attendedOn) {
	}

	// --- who may do what

	/** Whether the caller manages every agency's training (operators and the police). */
	public boolean mayManage() {
		return currentUser.find()
			.map(u -> u.has(Role.ADMIN) || u.has(Role.PROVINCE_OPERATOR) || u.has(Role.POLICE))
			.orElse(false) || currentUser.mayEditProvince();
	}

	/** Whether the caller may record training of this agency. */
	public boolean mayWrite(long agencyId) {
		Optional<KhienUser> user = currentUser.find();
		if (user.isPresent() && user.get().has(Role.POLICE)) {
			return true;
		}
		return currentUser.mayEdit(agencyId);
	}

	/** Whether the caller may record anything at all (to show the forms). */
	public boolean mayRecord() {
		return mayManage() || currentUser.find().map(u -> u.has(Role.AGENCY_OFFICER)).orElse(false);
	}

	// --- events

	public TrainingEvent get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("training", id));
	}

	public Optional<TrainingEvent> find(long id) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql("SELECT " + EVENT_COLUMNS + ", " + attendeeCount(scope) + " FROM training_event e"
					+ " WHERE e.id = :id AND " + visible(scope))
				.param("id", id))
			.query(Trainings::event)
			.optional();
	}

	/** A page of events, the latest first; the total is capped. */
	public PageResult<TrainingEvent> list(Filter filter, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		Map<String, Object> params = new HashMap<>();
		List<String> where = new ArrayList<>();
		where.add(visible(scope));
		if (filter.agencyId() != null) {
			where.add("e.agency_id IN (:agencies)");
			params.put("agencies", List.copyOf(hierarchy.selfAndDescendants(filter.agencyId())));
		}
		if (filter.from() != null) {
			where.add("e.held_to >= :from");
			params.put("from", filter.from());
		}
		if (filter.to() != null) {
			where.add("e.held_from <= :to");
			params.put("to", filter.to());
		}
		if (filter.kind() != null) {
			where.add("e.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		String order = page.orderBy(Map.of("held", "e.held_from"), "e.held_from DESC");
		String dir = order.endsWith("ASC") ? " ASC" : " DESC";
		String condition = String.join(" AND ", where);
		List<TrainingEvent> items = scope
			.bind(jdbc.sql("SELECT " + EVENT_COLUMNS + ", " + attendeeCount(scope) + " FROM training_event e WHERE "
					+ condition + " ORDER BY " + order + ", e.id" + dir + " LIMIT :limit OFFSET :offset"))
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Trainings::event)
			.list();
		long counted = scope.bind(jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM training_event e WHERE " + condition
				+ " LIMIT " + (COUNT_CAP + 1) + ") c"))
			.params(params)
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), Math.min(counted, COUNT_CAP), counted > COUNT_CAP,
				null);
	}

	@Transactional
	public TrainingEvent create(NewTraining form) {
		if (form.agencyId() == null) {
			throw new InvalidInputException("agencyId", "training.field.required", "agencyId");
		}
		Agency agency = agencies.get(form.agencyId());
		if (!mayWrite(agency.id())) {
			throw InvalidInputException.withStatus(403, "training.forbidden");
		}
		TrainingKind kind = TrainingKind.of(form.kind(), "kind");
		String topic = text("topic", form.topic(), 300, true);
		if (form.heldFrom() == null) {
			throw new InvalidInputException("heldFrom", "training.field.required", "heldFrom");
		}
		LocalDate to = form.heldTo() == null ? form.heldFrom() : form.heldTo();
		if (to.isBefore(form.heldFrom())) {
			throw new InvalidInputException("heldTo", "training.dates.reversed", form.heldFrom(), to);
		}
		if (form.heldFrom().getYear() < 2000 || to.getYear() > 2100) {
			throw new InvalidInputException("heldFrom", "training.dates.outOfRange", form.heldFrom());
		}
		String audience = text("audience", form.audience(), 300, false);
		String place = text("place", form.place(), 300, false);
		Instant now = Instant.now();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO training_event (agency_id, kind, topic, audience, held_from, held_to, place, created_by,
				  created_at) VALUES (:agency, :kind, :topic, :audience, :from, :to, :place, :by, :at)""")
			.param("agency", agency.id())
			.param("kind", kind.name())
			.param("topic", topic)
			.param("audience", audience)
			.param("from", form.heldFrom())
			.param("to", to)
			.param("place", place)
			.param("by", currentUser.name())
			.param("at", Timestamp.from(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		TrainingEvent event = new TrainingEvent(id, agency.id(), kind, topic, audience, form.heldFrom(), to, place,
				currentUser.name(), now, 0);
		audit.record("TRAINING_CREATED", "training_event", id, null, event);
		return event;
	}

	// --- attendees

	/** Records one attendee by hand: refused as a whole when anything is wrong. */
	@Transactional
	public TrainingAttendee addAttendee(long eventId, NewAttendee form) {
		TrainingEvent event = get(eventId);
		Checked checked = check(event, form);
		if (recordedKeys(eventId, List.of(checked.personKey())).contains(checked.personKey())) {
			throw InvalidInputException.conflict("fullName", "training.attendee.duplicate", checked.fullName());
		}
		write(eventId, List.of(checked), "MANUAL");
		TrainingAttendee added = attendees(
				new AttendeeFilter(null, eventId, null, null, null, null, checked.personKey()),
				PageQuery.of(0, 1, null))
			.items()
			.get(0);
		audit.record("TRAINING_ATTENDEE_ADDED", "training_event", eventId, null, added);
		return added;
	}

	/**
	 * Checks an attendee against the event and the registry; an agency the caller may not
	 * record for is unknown to them.
	 */
	Checked check(TrainingEvent event, NewAttendee form) {
		if (form.agency() == null || form.agency().isBlank()) {
			throw new InvalidInputException("agency", "training.attendee.agencyRequired");
		}
		Agency agency;
		try {
			agency = agencies.resolve(form.agency());
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException("agency", "training.attendee.unknownAgency", form.agency());
		}
		if (!mayWrite(agency.id())) {
			throw new InvalidInputException("agency", "training.attendee.unknownAgency", form.agency());
		}
		String name = text("fullName", form.fullName(), 200, false);
		String key;
		if (form.staffId() != null) {
			SecurityStaff staff;
			try {
				staff = staffing.get(agency.id(), form.staffId());
			}
			catch (NotFoundException ex) {
				throw new InvalidInputException("staffId", "training.attendee.unknownPerson", form.staffId(),
						agency.code());
			}
			name = name == null ? staff.name() : name;
			key = "staff:" + staff.id();
		}
		else {
			key = null;
		}
		if (name == null) {
			throw new InvalidInputException("fullName", "training.attendee.nameRequired");
		}
		String email = text("email", form.email(), 254, false);
		if (email != null && !EMAIL.matcher(email).matches()) {
			throw new InvalidInputException("email", "training.attendee.emailInvalid", email);
		}
		if (key == null) {
			key = email != null ? "email:" + email.toLowerCase(Locale.ROOT)
					: "name:" + agency.id() + ":" + VietnameseText.fold(name).replaceAll("\\s+", " ");
		}
		LocalDate on = form.attendedOn() == null ? event.heldFrom() : form.attendedOn();
		if (on.isBefore(event.heldFrom()) || on.isAfter(event.heldTo())) {
			throw new InvalidInputException("attendedOn", "training.attendee.dateOutside", on, event.heldFrom(),
					event.heldTo());
		}
		return new Checked(agency.id(), cut(key, 400), name, text("position", form.position(), 200, false), email,
				form.staffId(), on);
	}

	/** Which of these people the event already has. */
	Set<String> recordedKeys(long eventId, Collection<String> keys) {
		Set<String> found = new HashSet<>();
		if (keys.isEmpty()) {
			return found;
		}
		List<String> all = new ArrayList<>(keys);
		for (int i = 0; i < all.size(); i += 1000) {
			jdbc.sql("SELECT person_key FROM training_attendee WHERE event_id = :event AND person_key IN (:keys)")
				.param("event", eventId)
				.param("keys", all.subList(i, Math.min(all.size(), i + 1000)))
				.query(String.class)
				.list()
				.forEach(found::add);
		}
		return found;
	}

	void write(long eventId, List<Checked> rows, String source) {
		Timestamp at = Timestamp.from(Instant.now());
		for (Checked c : rows) {
			jdbc.sql(
					"""
							INSERT INTO training_attendee (event_id, agency_id, person_key, full_name, position, email, staff_id,
							  attended_on, source, created_by, created_at)
							VALUES (:event, :agency, :key, :name, :position, :email, :staff, :on, :source, :by, :at)""")
				.param("event", eventId)
				.param("agency", c.agencyId())
				.param("key", c.personKey())
				.param("name", c.fullName())
				.param("position", c.position())
				.param("email", c.email())
				.param("staff", c.staffId())
				.param("on", c.attendedOn())
				.param("source", source)
				.param("by", currentUser.name())
				.param("at", at)
				.update();
		}
	}

	/** A page of attendances in the caller's scope, the latest first. */
	public PageResult<TrainingAttendee> attendees(AttendeeFilter filter, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		Map<String, Object> params = new HashMap<>();
		String condition = attendeeCondition(filter, scope, params);
		page.orderBy(Map.of(), "");
		List<TrainingAttendee> items = scope
			.bind(jdbc.sql("SELECT " + ATTENDEE_COLUMNS
					+ " FROM training_attendee a JOIN training_event e ON e.id = a.event_id WHERE " + condition
					+ " ORDER BY a.attended_on DESC, a.id DESC LIMIT :limit OFFSET :offset"))
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Trainings::attendee)
			.list();
		long counted = scope.bind(jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM training_attendee a WHERE " + condition
				+ " LIMIT " + (COUNT_CAP + 1) + ") c"))
			.params(params)
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), Math.min(counted, COUNT_CAP), counted > COUNT_CAP,
				null);
	}

	/**
	 * The distinct people of the attendances a filter selects, each once, by name; the
	 * total is the reach the figures count.
	 */
	public PageResult<TrainingPerson> people(AttendeeFilter filter, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		Map<String, Object> params = new HashMap<>();
		String condition = attendeeCondition(filter, scope, params);
		page.orderBy(Map.of(), "");
		List<TrainingPerson> items = scope
			.bind(jdbc.sql("""
					SELECT a.person_key, MIN(a.full_name) AS full_name, MIN(a.agency_id) AS agency_id,
					  MIN(a.staff_id) AS staff_id, COUNT(*) AS events, MAX(a.attended_on) AS last_on
					FROM training_attendee a WHERE\s""" + condition
					+ " GROUP BY a.person_key ORDER BY MIN(a.full_name), a.person_key LIMIT :limit OFFSET :offset"))
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new TrainingPerson(rs.getString("person_key"), rs.getString("full_name"),
					rs.getLong("agency_id"), rs.getObject("staff_id", Long.class), rs.getLong("events"),
					rs.getDate("last_on").toLocalDate()))
			.list();
		long total = scope
			.bind(jdbc.sql("SELECT COUNT(DISTINCT a.person_key) FROM training_attendee a WHERE " + condition))
			.params(params)
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	private String attendeeCondition(AttendeeFilter filter, AgencyScope scope, Map<String, Object> params) {
		List<String> where = new ArrayList<>();
		where.add(scope.filter("a.agency_id"));
		if (filter.agencyId() != null) {
			where.add("a.agency_id IN (:agencies)");
			params.put("agencies", List.copyOf(hierarchy.selfAndDescendants(filter.agencyId())));
		}
		if (filter.eventId() != null) {
			where.add("a.event_id = :event");
			params.put("event", filter.eventId());
		}
		if (filter.from() != null) {
			where.add("a.attended_on >= :from");
			params.put("from", filter.from());
		}
		if (filter.to() != null) {
			where.add("a.attended_on <= :to");
			params.put("to", filter.to());
		}
		if (filter.staffId() != null) {
			where.add("a.staff_id = :staff");
			params.put("staff", filter.staffId());
		}
		if (filter.personKey() != null) {
			where.add("a.person_key = :person");
			params.put("person", filter.personKey());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			where.add("(LOWER(a.full_name) LIKE :q OR LOWER(a.email) LIKE :q)");
			params.put("q", "%" + filter.q().strip().toLowerCase(Locale.ROOT).replace("%", "") + "%");
		}
		return String.join(" AND ", where);
	}

	// --- reach

	/**
	 * Distinct people reached between the dates over each agency's subtree (within the
	 * caller's scope), and the subtree's headcount.
	 */
	public Map<Long, TrainingReach> reachOf(Collection<Long> agencyIds, LocalDate from, LocalDate to) {
		AgencyScope scope = currentUser.scope();
		Map<Long, Set<Long>> subtrees = new LinkedHashMap<>();
		Set<Long> union = new HashSet<>();
		for (Long id : agencyIds) {
			Set<Long> subtree = new HashSet<>(hierarchy.selfAndDescendants(id));
			subtree.removeIf(a -> !scope.includes(a));
			subtrees.put(id, subtree);
			union.addAll(subtree);
		}
		Map<Long, Set<String>> people = new HashMap<>();
		Map<Long, Long> headcounts = new HashMap<>();
		List<Long> ids = new ArrayList<>(union);
		for (int i = 0; i < ids.size(); i += 1000) {
			List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
			jdbc.sql("SELECT DISTINCT agency_id, person_key FROM training_attendee WHERE agency_id IN (:ids)"
					+ " AND attended_on >= :from AND attended_on <= :to")
				.param("ids", chunk)
				.param("from", from)
				.param("to", to)
				.query((RowCallbackHandler) rs -> people.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
					.add(rs.getString(2)));
			jdbc.sql("SELECT agency_id, officials + workers FROM training_workforce WHERE agency_id IN (:ids)")
				.param("ids", chunk)
				.query((RowCallbackHandler) rs -> headcounts.put(rs.getLong(1), rs.getLong(2)));
		}
		Map<Long, TrainingReach> reach = new LinkedHashMap<>();
		subtrees.forEach((id, subtree) -> {
			Set<String> reached = new HashSet<>();
			long headcount = 0;
			for (Long a : subtree) {
				reached.addAll(people.getOrDefault(a, Set.of()));
				headcount += headcounts.getOrDefault(a, 0L);
			}
			reach.put(id, TrainingReach.of(id, reached.size(), headcount));
		});
		return reach;
	}

	/**
	 * Each agency's own reach in the period (not rolled up): the agencies of the subtree
	 * of {@code agencyId} (every one in scope when null) that have a headcount or
	 * attendees.
	 */
	public PageResult<TrainingReach> reach(@Nullable Long agencyId, LocalDate from, LocalDate to, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		Map<String, Object> params = new HashMap<>();
		String under = "1=1";
		if (agencyId != null) {
			under = "x.agency_id IN (:agencies)";
			params.put("agencies", List.copyOf(hierarchy.selfAndDescendants(agencyId)));
		}
		String agenciesOf = "SELECT x.agency_id FROM (SELECT agency_id FROM training_workforce"
				+ " UNION SELECT agency_id FROM training_attendee WHERE attended_on >= :from AND attended_on <= :to) x"
				+ " WHERE " + under + " AND " + scope.filter("x.agency_id");
		params.put("from", from);
		params.put("to", to);
		page.orderBy(Map.of(), "");
		List<Long> ids = scope
			.bind(jdbc.sql(agenciesOf + " ORDER BY x.agency_id LIMIT :limit OFFSET :offset").params(params))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Long.class)
			.list();
		long total = scope.bind(jdbc.sql("SELECT COUNT(*) FROM (" + agenciesOf + ") c").params(params))
			.query(Long.class)
			.single();
		Map<Long, Long> reached = new HashMap<>();
		Map<Long, Long> headcounts = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT agency_id, COUNT(DISTINCT person_key) FROM training_attendee WHERE agency_id IN (:ids)"
					+ " AND attended_on >= :from AND attended_on <= :to GROUP BY agency_id")
				.param("ids", ids)
				.param("from", from)
				.param("to", to)
				.query((RowCallbackHandler) rs -> reached.put(rs.getLong(1), rs.getLong(2)));
			jdbc.sql("SELECT agency_id, officials + workers FROM training_workforce WHERE agency_id IN (:ids)")
				.param("ids", ids)
				.query((RowCallbackHandler) rs -> headcounts.put(rs.getLong(1), rs.getLong(2)));
		}
		List<TrainingReach> items = ids.stream()
			.map(id -> TrainingReach.of(id, reached.getOrDefault(id, 0L), headcounts.getOrDefault(id, 0L)))
			.toList();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	// --- workforce

	/** The agency's officials and workers, zero when not set (404 out of scope). */
	public TrainingWorkforce workforce(long agencyId) {
		agencies.get(agencyId);
		return jdbc.sql("SELECT agency_id, officials, workers FROM training_workforce WHERE agency_id = :agency")
			.param("agency", agencyId)
			.query((rs, n) -> new TrainingWorkforce(rs.getLong(1), rs.getInt(2), rs.getInt(3)))
			.optional()
			.orElse(new TrainingWorkforce(agencyId, 0, 0));
	}

	@Transactional
	public TrainingWorkforce setWorkforce(long agencyId, @Nullable Integer officials, @Nullable Integer workers) {
		TrainingWorkforce before = workforce(agencyId);
		if (!mayWrite(agencyId)) {
			throw InvalidInputException.withStatus(403, "training.forbidden");
		}
		int o = count("officials", officials);
		int w = count("workers", workers);
		Timestamp at = Timestamp.from(Instant.now());
		int updated = jdbc
			.sql("UPDATE training_workforce SET officials = :o, workers = :w, updated_by = :by, updated_at = :at"
					+ " WHERE agency_id = :agency")
			.param("o", o)
			.param("w", w)
			.param("by", currentUser.name())
			.param("at", at)
			.param("agency", agencyId)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO training_workforce (agency_id, officials, workers, updated_by, updated_at)"
					+ " VALUES (:agency, :o, :w, :by, :at)")
				.param("o", o)
				.param("w", w)
				.param("by", currentUser.name())
				.param("at", at)
				.param("agency", agencyId)
				.update();
		}
		TrainingWorkforce after = new TrainingWorkforce(agencyId, o, w);
		audit.record("TRAINING_WORKFORCE_SET", "training_workforce", agencyId, before, after);
		return after;
	}

	private static int count(String field, @Nullable Integer value) {
		if (value == null) {
			throw new InvalidInputException(field, "training.field.required", field);
		}
		if (value < 0 || value > 1_000_000) {
			throw new InvalidInputException(field, "training.workforce.invalid", value);
		}
		return value;
	}

	// --- helpers

	/** Visible: organised by an agency in scope, or attended by someone of one. */
	static String visible(AgencyScope scope) {
		if (scope.unrestricted()) {
			return "1=1";
		}
		return "(" + scope.filter("e.agency_id") + " OR EXISTS (SELECT 1 FROM training_attendee v"
				+ " WHERE v.event_id = e.id AND " + scope.filter("v.agency_id") + "))";
	}

	private static String attendeeCount(AgencyScope scope) {
		return "(SELECT COUNT(*) FROM training_attendee c WHERE c.event_id = e.id AND " + scope.filter("c.agency_id")
				+ ") AS attendees";
	}

	static @Nullable String text(String field, @Nullable String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				throw new InvalidInputException(field, "training.field.required", field);
			}
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			throw new InvalidInputException(field, "training.field.tooLong", field, max);
		}
		return stripped;
	}

	static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

	static TrainingEvent event(ResultSet rs, int row) throws SQLException {
		return new TrainingEvent(rs.getLong("id"), rs.getLong("agency_id"), TrainingKind.valueOf(rs.getString("kind")),
				rs.getString("topic"), rs.getString("audience"), rs.getDate("held_from").toLocalDate(),
				rs.getDate("held_to").toLocalDate(), rs.getString("place"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getLong("attendees"));
	}

	static TrainingAttendee attendee(ResultSet rs, int row) throws SQLException {
		return new TrainingAttendee(rs.getLong("id"), rs.getLong("event_id"), rs.getString("topic"),
				TrainingKind.valueOf(rs.getString("kind")), rs.getLong("agency_id"), rs.getString("person_key"),
				rs.getString("full_name"), rs.getString("position"), rs.getString("email"),
				rs.getObject("staff_id", Long.class), rs.getDate("attended_on").toLocalDate(), rs.getString("source"));
	}

}
