package vn.khien.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** User accounts: who may sign in, with which roles, for which agency or organisation. */
@Component
public class Accounts {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	Accounts(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.audit = audit;
		this.events = events;
	}

	public record NewAccount(String username, String displayName, @Nullable String email, String password,
			Set<Role> roles, @Nullable Long agencyId, @Nullable Long organisationId) {
	}

	/** An account as shown to administrators; never carries secrets. */
	public record Account(long id, String username, String displayName, @Nullable String email, Set<Role> roles,
			@Nullable Long agencyId, @Nullable Long organisationId, boolean enabled, boolean totpEnabled,
			@Nullable Instant lockedUntil, @Nullable Instant lastLoginAt) {
	}

	/** Who an account is, for lists that name people (the audit trail). */
	public record Name(long id, String username, String displayName) {
	}

	/**
	 * A random password for accounts created on first start; shown once, never logged.
	 */
	public static String generatePassword() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
		var random = new java.security.SecureRandom();
		var sb = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return sb.toString();
	}

	@Transactional
	public long create(NewAccount account) {
		if (account.roles().contains(Role.AGENCY_OFFICER) && account.agencyId() == null) {
			throw new InvalidInputException("agencyId", "user.agency.required");
		}
		if (exists(account.username())) {
			throw InvalidInputException.conflict("username", "user.username.taken", account.username());
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO app_user (username, display_name, display_name_key, email, password_hash, agency_id,
				  organisation_id, created_at)
				VALUES (:username, :displayName, :nameKey, :email, :hash, :agencyId, :organisationId, :now)""")
			.param("username", account.username())
			.param("displayName", account.displayName())
			.param("nameKey", VietnameseText.sortKey(account.displayName()))
			.param("email", account.email())
			.param("hash", passwords.encode(account.password()))
			.param("agencyId", account.agencyId())
			.param("organisationId", account.organisationId())
			.param("now", Timestamp.from(Instant.now()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		writeRoles(id, account.roles());
		var after = new java.util.LinkedHashMap<String, Object>();
		after.put("username", account.username());
		after.put("displayName", account.displayName());
		after.put("roles", account.roles());
		after.put("agencyId", account.agencyId());
		after.put("organisationId", account.organisationId());
		audit.record("CREATE", "user", id, null, after);
		return id;
	}

	public boolean exists(String username) {
		return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single() > 0;
	}

	@Transactional
	public void setRoles(long userId, Set<Role> roles) {
		Set<Role> before = rolesOf(userId);
		writeRoles(userId, roles);
		audit.record("PERMISSION_CHANGE", "user", userId, Map.of("roles", before), Map.of("roles", roles));
		if (!before.equals(roles)) {
			accessChanged(userId, "roles");
		}
	}

	private void writeRoles(long userId, Set<Role> roles) {
		jdbc.sql("DELETE FROM user_role WHERE user_id = :id").param("id", userId).update();
		for (Role role : roles) {
			jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, :role)")
				.param("id", userId)
				.param("role", role.name())
				.update();
		}
	}

	public Set<Role> rolesOf(long userId) {
		List<String> names = jdbc.sql("SELECT role FROM user_role WHERE user_id = :id ORDER BY role")
			.param("id", userId)
			.query(String.class)
			.list();
		return names.stream().map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	public Optional<Account> find(long id) {
		return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::account).optional();
	}

	public Optional<Account> findByUsername(String username) {
		return jdbc.sql(SELECT + " WHERE username = :u").param("u", username).query(this::account).optional();
	}

	/**
	 * The names of the accounts with these usernames or ids, in one query; those that do
	 * not exist are left out.
	 */
	public List<Name> names(Set<String> usernames, Set<Long> ids) {
		var where = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		if (!usernames.isEmpty()) {
			where.add("username IN (:usernames)");
			params.put("usernames", usernames);
		}
		if (!ids.isEmpty()) {
			where.add("id IN (:ids)");
			params.put("ids", ids);
		}
		if (where.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id, username, display_name FROM app_user WHERE " + String.join(" OR ", where))
			.params(params)
			.query(RecordRows.of(Name.class))
			.list();
	}

	public PageResult<Account> list(PageQuery query, @Nullable String q) {
		String where = q == null || q.isBlank() ? "1=1" : "(LOWER(username) LIKE :q OR LOWER(display_name) LIKE :q)";
		String like = q == null ? "" : "%" + q.toLowerCase().trim() + "%";
		long total = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE " + where)
			.param("q", like)
			.query(Long.class)
			.single();
		String order = query.orderBy(Map.of("username", "username", "name", "display_name_key"), "username ASC");
		List<Account> items = jdbc
			.sql(SELECT + " WHERE " + where + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
			.param("q", like)
			.param("limit", query.size())
			.param("offset", query.offset())
			.query(this::account)
			.list();
		return new PageResult<>(items, query.page(), query.size(), total);
	}

	/**
	 * Links a user of an external organisation (role ORGANISATION) to that organisation.
	 */
	@Transactional
	public void setOrganisation(long userId, @Nullable Long organisationId) {
		Account before = find(userId).orElseThrow(() -> new NotFoundException("user", userId));
		jdbc.sql("UPDATE app_user SET organisation_id = :org WHERE id = :id")
			.param("org", organisationId)
			.param("id", userId)
			.update();
		audit.record("UPDATE", "user", userId, Map.of("organisationId", String.valueOf(before.organisationId())),
				Map.of("organisationId", String.valueOf(organisationId)));
		if (!java.util.Objects.equals(before.organisationId(), organisationId)) {
			accessChanged(userId, "organisation");
		}
	}

	/**
	 * Moves accounts of agencies that were merged into their successor; each move is
	 * audited.
	 */
	@Transactional
	public int reassignAgency(long fromAgencyId, long toAgencyId) {
		record Moved(long id, String username) {
		}
		List<Moved> moved = jdbc.sql("SELECT id, username FROM app_user WHERE agency_id = :from ORDER BY id")
			.param("from", fromAgencyId)
			.query(RecordRows.of(Moved.class))
			.list();
		jdbc.sql("UPDATE app_user SET agency_id = :to WHERE agency_id = :from")
			.param("to", toAgencyId)
			.param("from", fromAgencyId)
			.update();
		for (Moved m : moved) {
			audit.record("AGENCY_MOVE", "user", m.id(), Map.of("agencyId", fromAgencyId),
					Map.of("agencyId", toAgencyId));
			accessChanged(m.id(), "agency");
		}
		return moved.size();
	}

	/**
	 * The details an administrator may edit; roles, password and second factor have their
	 * own calls.
	 */
	public record Details(String displayName, @Nullable String email, @Nullable Long agencyId,
			@Nullable Long organisationId) {
	}

	@Transactional
	public void update(long userId, Details details) {
		Account before = find(userId).orElseThrow(() -> new NotFoundException("user", userId));
		jdbc.sql("""
				UPDATE app_user SET display_name = :displayName, display_name_key = :nameKey, email = :email,
				  agency_id = :agencyId, organisation_id = :organisationId WHERE id = :id""")
			.param("displayName", details.displayName())
			.param("nameKey", VietnameseText.sortKey(details.displayName()))
			.param("email", details.email())
			.param("agencyId", details.agencyId())
			.param("organisationId", details.organisationId())
			.param("id", userId)
			.update();
		audit.record("UPDATE", "user", userId, detailsOf(before), details);
		if (!java.util.Objects.equals(before.agencyId(), details.agencyId())
				|| !java.util.Objects.equals(before.organisationId(), details.organisationId())) {
			accessChanged(userId, "agency");
		}
	}

	private static Details detailsOf(Account a) {
		return new Details(a.displayName(), a.email(), a.agencyId(), a.organisationId());
	}

	/** Lifts a lock-out before it expires, for a user who called the help desk. */
	@Transactional
	public void unlock(long userId) {
		jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE id = :id")
			.param("id", userId)
			.update();
		audit.record("UNLOCK", "user", userId, null, null);
	}

	@Transactional
	public void setEnabled(long userId, boolean enabled) {
		jdbc.sql("UPDATE app_user SET enabled = :e, failed_attempts = 0, locked_until = NULL WHERE id = :id")
			.param("e", enabled)
			.param("id", userId)
			.update();
		audit.record(enabled ? "ENABLE" : "DISABLE", "user", userId, null, Map.of("enabled", enabled));
		if (!enabled) {
			accessChanged(userId, "disabled");
		}
	}

	@Transactional
	public void changePassword(long userId, String newPassword) {
		jdbc.sql("UPDATE app_user SET password_hash = :h WHERE id = :id")
			.param("h", passwords.encode(newPassword))
			.param("id", userId)
			.update();
		audit.record("PASSWORD_CHANGE", "user", userId, null, null);
		accessChanged(userId, "password");
	}

	/**
	 * Remembers the language the user chose in the app, for what is written to them while
	 * they are away ({@link Notifications}); a preference, not audited.
	 */
	public void setLanguage(long userId, java.util.Locale language) {
		jdbc.sql("UPDATE app_user SET language = :language WHERE id = :id")
			.param("language", Notifications.language(language.getLanguage()).getLanguage())
			.param("id", userId)
			.update();
	}

	/** Ends the account's sessions and tokens (listeners run in this transaction). */
	void accessChanged(long userId, String reason) {
		String username = jdbc.sql("SELECT username FROM app_user WHERE id = :id")
			.param("id", userId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("user", userId));
		events.publishEvent(new AccountAccessChanged(userId, username, reason));
	}

	private static final String SELECT = """
			SELECT id, username, display_name, email, agency_id, organisation_id, enabled, totp_enabled, locked_until,
			  last_login_at FROM app_user""";

	private Account account(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		long id = rs.getLong("id");
		Timestamp locked = rs.getTimestamp("locked_until");
		Timestamp last = rs.getTimestamp("last_login_at");
		return new Account(id, rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
				rolesOf(id), rs.getObject("agency_id", Long.class), rs.getObject("organisation_id", Long.class),
				rs.getBoolean("enabled"), rs.getBoolean("totp_enabled"), locked == null ? null : locked.toInstant(),
				last == null ? null : last.toInstant());
	}

}
