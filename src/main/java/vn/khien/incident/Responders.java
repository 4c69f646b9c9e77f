package vn.khien.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.Accounts;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.platform.VietnameseText;

/**
 * The response team's roster (R8.3): members seconded from agencies, kept by the team.
 * Whoever reads incidents reads the members seconded from the agencies in their scope;
 * the province-wide roles read the whole roster, in Vietnamese order of names.
 */
@Service
public class Responders {

	public static final int NAME_MAX = 200;

	public static final int SKILLS_MAX = 1000;

	private static final int COUNT_CAP = 10_000;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,253}\\.[^@\\s]{2,63}$");

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]{3,30}$");

	private static final String COLUMNS = """
			r.id, r.agency_id, r.account_id, r.name, r.email, r.phone, r.skills, r.availability, r.active,
			r.created_at, r.updated_at""";

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyDirectory agencies;

	private final Accounts accounts;

	private final Incidents incidents;

	private final AuditLog audit;

	Responders(JdbcClient jdbc, CurrentUser currentUser, AgencyDirectory agencies, Accounts accounts,
			Incidents incidents, AuditLog audit) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.agencies = agencies;
		this.accounts = accounts;
		this.incidents = incidents;
		this.audit = audit;
	}

	/**
	 * @param agencyId only members seconded from this agency
	 * @param active true: only active members (false: only those who left)
	 */
	public record Filter(@Nullable Availability availability, @Nullable Long agencyId, @Nullable Boolean active) {

		public static Filter none() {
			return new Filter(null, null, null);
		}

	}

	/** Members in the caller's scope, by name. */
	public PageResult<Responder> list(Filter filter, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		StringBuilder where = new StringBuilder(scope.filter("r.agency_id"));
		Map<String, Object> params = new HashMap<>();
		if (filter.availability() != null) {
			where.append(" AND r.availability = :availability");
			params.put("availability", filter.availability().name());
		}
		if (filter.agencyId() != null) {
			where.append(" AND r.agency_id = :agency");
			params.put("agency", filter.agencyId());
		}
		if (filter.active() != null) {
			where.append(" AND r.active = :active");
			params.put("active", filter.active());
		}
		String order = page.orderBy(Map.of("name", "r.sort_key", "availability", "r.availability", "id", "r.id"),
				"r.sort_key ASC");
		var items = scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM responder r WHERE " + where + " ORDER BY " + order
					+ ", r.id LIMIT :limit OFFSET :offset")
				.params(params))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Responders::map)
			.list();
		long total = scope
			.bind(jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM responder r WHERE " + where + " LIMIT "
					+ (COUNT_CAP + 1) + ") c")
				.params(params))
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), Math.min(total, COUNT_CAP), total > COUNT_CAP, null);
	}

	/** The member, or 404 outside the caller's scope. */
	public Responder get(long id) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc
				.sql("SELECT " + COLUMNS + " FROM responder r WHERE r.id = :id AND " + scope.filter("r.agency_id"))
				.param("id", id))
			.query(Responders::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("responder", id));
	}

	/**
	 * Whether the caller keeps the roster: the response team, and background work allowed
	 * to write the province.
	 */
	public boolean mayEdit() {
		return incidents.onTeam() || currentUser.mayEditProvince();
	}

	@Transactional
	public Responder create(Responder.Details details) {
		requireTeam();
		Checked c = check(details, null);
		Instant now = Instant.now();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO responder (agency_id, account_id, name, name_key, sort_key, email, phone, skills,
				  availability, active, created_at, updated_at)
				VALUES (:agency, :account, :name, :nameKey, :sortKey, :email, :phone, :skills, :availability, :active,
				  :now, :now)""").params(c.values()).param("now", Timestamp.from(now)).update(keys, "id");
		Responder created = get(keys.getKeyAs(Number.class).longValue());
		audit.record("RESPONDER_CREATED", "responder", created.id(), null, created);
		return created;
	}

	@Transactional
	public Responder update(long id, Responder.Details details) {
		Responder before = get(id);
		requireTeam();
		Checked c = check(details, id);
		jdbc.sql("""
				UPDATE responder SET agency_id = :agency, account_id = :account, name = :name, name_key = :nameKey,
				  sort_key = :sortKey, email = :email, phone = :phone, skills = :skills, availability = :availability,
				  active = :active, updated_at = :now WHERE id = :id""")
			.params(c.values())
			.param("now", Timestamp.from(Instant.now()))
			.param("id", id)
			.update();
		Responder after = get(id);
		audit.record("RESPONDER_UPDATED", "responder", id, before, after);
		return after;
	}

	private void requireTeam() {
		if (!mayEdit()) {
			throw InvalidInputException.withStatus(403, "responder.team.only");
		}
	}

	private record Checked(Map<String, Object> values) {
	}

	private Checked check(Responder.Details d, @Nullable Long self) {
		if (d.agencyId() == null) {
			throw new InvalidInputException("agencyId", "responder.field.required", "agencyId");
		}
		if (agencies.label(d.agencyId()).isEmpty()) {
			throw new InvalidInputException("agencyId", "responder.agency.unknown", d.agencyId());
		}
		String name = d.name() == null ? "" : d.name().strip();
		if (name.isEmpty() || name.length() > NAME_MAX) {
			throw new InvalidInputException("name", "responder.name.required", NAME_MAX);
		}
		String email = blankToNull(d.email());
		if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
			throw new InvalidInputException("email", "responder.email.bad", clip(email, 80));
		}
		String phone = blankToNull(d.phone());
		if (phone != null && (phone.length() > 50 || !PHONE.matcher(phone).matches())) {
			throw new InvalidInputException("phone", "responder.phone.bad", clip(phone, 80));
		}
		String skills = blankToNull(d.skills());
		if (skills != null && skills.length() > SKILLS_MAX) {
			throw new InvalidInputException("skills", "responder.skills.tooLong", SKILLS_MAX);
		}
		if (d.accountId() != null) {
			if (accounts.find(d.accountId()).isEmpty()) {
				throw new InvalidInputException("accountId", "responder.account.unknown", d.accountId());
			}
			boolean taken = jdbc.sql("SELECT COUNT(*) FROM responder WHERE account_id = :a AND id <> :self")
				.param("a", d.accountId())
				.param("self", self == null ? -1L : self)
				.query(Long.class)
				.single() > 0;
			if (taken) {
				throw InvalidInputException.conflict("accountId", "responder.account.taken", d.accountId());
			}
		}
		Map<String, Object> values = new HashMap<>();
		values.put("agency", d.agencyId());
		values.put("account", d.accountId());
		values.put("name", name);
		values.put("nameKey", clip(VietnameseText.fold(name), NAME_MAX));
		values.put("sortKey", VietnameseText.sortKey(name));
		values.put("email", email);
		values.put("phone", phone);
		values.put("skills", skills);
		values.put("availability", (d.availability() == null ? Availability.AVAILABLE : d.availability()).name());
		values.put("active", d.active() == null || d.active());
		return new Checked(values);
	}

	static Responder map(ResultSet rs, int row) throws SQLException {
		return new Responder(rs.getLong("id"), rs.getLong("agency_id"), IncidentRows.nullableLong(rs, "account_id"),
				rs.getString("name"), rs.getString("email"), rs.getString("phone"), rs.getString("skills"),
				Availability.valueOf(rs.getString("availability")), rs.getBoolean("active"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String clip(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

}
