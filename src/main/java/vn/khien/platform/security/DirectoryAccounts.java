package vn.khien.platform.security;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khien.platform.Accounts;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.AuditLog;
import vn.khien.platform.KhienUser;
import vn.khien.platform.Role;
import vn.khien.platform.SystemPrincipal;

/**
 * The Khiên account of a person the directory vouched for. The directory is the source of
 * truth for roles and agency: they are set again at every sign-in from the mapping, and a
 * person the mapping does not place gets no access at all, never a default. The account
 * is found by the directory's own identifier, never by name, so a directory entry can
 * never take over a local account of the same name.
 */
@Component
class DirectoryAccounts {

	/** Where an account comes from. */
	enum Source {

		LOCAL, OIDC, LDAP

	}

	/** What the directory said about a person. */
	record Identity(Source source, String externalId, String username, @Nullable String displayName,
			@Nullable String email, Set<String> groups, @Nullable String agencyCode) {
	}

	/**
	 * The directory knows the person, but Khiên may not let them in; {@code reason} says
	 * why, for the page.
	 */
	static final class NotPlaced extends AuthenticationException {

		private final String reason;

		NotPlaced(String reason) {
			super("directory user not placed: " + reason);
			this.reason = reason;
		}

		String reason() {
			return reason;
		}

	}

	// NB: sign-in runs before anyone is signed in; provisioning reads agency codes and
	// writes one account
	static final SystemPrincipal SIGN_IN = SystemPrincipal.of("directory-sign-in");

	private final DirectorySettings settings;

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final AgencyDirectory agencies;

	private final SignInRecords records;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	DirectoryAccounts(DirectorySettings settings, JdbcClient jdbc, Accounts accounts, AgencyDirectory agencies,
			SignInRecords records, AuditLog audit, PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.settings = settings;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.agencies = agencies;
		this.records = records;
		this.audit = audit;
	}

	/** The roles the mapping gives these groups; empty when none. */
	Set<Role> roles(Set<String> groups) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		settings.mapping().roles().forEach((role, granting) -> {
			if (granting.stream().anyMatch(g -> groups.stream().anyMatch(g::equalsIgnoreCase))) {
				roles.add(role);
			}
		});
		return roles;
	}

	/** The agency code from the claim or attribute, else from an agency group. */
	@Nullable String agencyCode(@Nullable String claimed, Set<String> groups) {
		if (claimed != null && !claimed.isBlank()) {
			return claimed.trim();
		}
		String prefix = settings.mapping().agencyGroupPrefix();
		return prefix.isBlank() ? null
				: groups.stream()
					.filter(g -> g.regionMatches(true, 0, prefix, 0, prefix.length()) && g.length() > prefix.length())
					.map(g -> g.substring(prefix.length()))
					.sorted()
					.findFirst()
					.orElse(null);
	}

	/**
	 * Creates or updates the account and answers who signed in; refuses with
	 * {@link NotPlaced}, the refusal audited (outside the account's transaction, so that
	 * it stays).
	 */
	KhienUser signIn(Identity identity) {
		return SIGN_IN.call(() -> {
			Placement placement = placement(identity);
			return transactions.execute(status -> place(identity, placement));
		});
	}

	private record Placement(Set<Role> roles, @Nullable Long agencyId) {
	}

	private Placement placement(Identity identity) {
		Set<Role> roles = roles(identity.groups());
		if (roles.isEmpty()) {
			refuse(identity, "noRole");
		}
		String code = agencyCode(identity.agencyCode(), identity.groups());
		Long agencyId = code == null ? null : agencies.idOfCode(code).orElse(null);
		if (code != null && agencyId == null) {
			refuse(identity, "unknownAgency");
		}
		if (roles.contains(Role.AGENCY_OFFICER) && agencyId == null) {
			refuse(identity, "noAgency");
		}
		String username = identity.username().trim();
		if (username.isEmpty() || username.length() > 100) {
			refuse(identity, "badName");
		}
		Optional<Long> linked = linked(identity);
		if (linked.isEmpty() && accounts.exists(username)) {
			refuse(identity, "nameTaken");
		}
		if (linked.isPresent() && !accounts.find(linked.get()).map(Accounts.Account::enabled).orElse(false)) {
			audit.recordAs(username, "LOGIN_FAILURE", "user", linked.get(),
					Map.of("reason", "disabled", "source", identity.source().name()));
			throw new DisabledException("disabled");
		}
		return new Placement(roles, agencyId);
	}

	private Optional<Long> linked(Identity identity) {
		return jdbc.sql("SELECT id FROM app_user WHERE auth_source = :s AND external_id = :e")
			.param("s", identity.source().name())
			.param("e", identity.externalId())
			.query(Long.class)
			.optional();
	}

	private KhienUser place(Identity identity, Placement placement) {
		Set<Role> roles = placement.roles();
		Long agencyId = placement.agencyId();
		String username = identity.username().trim();
		Optional<Long> linked = linked(identity);
		long id;
		if (linked.isPresent()) {
			id = linked.get();
			var account = accounts.find(id).orElseThrow();
			String name = displayName(identity);
			if (!Objects.equals(account.displayName(), name) || !Objects.equals(account.email(), identity.email())
					|| !Objects.equals(account.agencyId(), agencyId)) {
				accounts.update(id, new Accounts.Details(name, identity.email(), agencyId, account.organisationId()));
			}
			if (!account.roles().equals(roles)) {
				accounts.setRoles(id, roles);
			}
		}
		else {
			id = accounts.create(new Accounts.NewAccount(username, displayName(identity), identity.email(),
					Accounts.generatePassword() + Accounts.generatePassword(), roles, agencyId, null));
			jdbc.sql("UPDATE app_user SET auth_source = :s, external_id = :e WHERE id = :id")
				.param("s", identity.source().name())
				.param("e", identity.externalId())
				.param("id", id)
				.update();
		}
		records.recordSuccess(id);
		KhienUser user = records.principal(id);
		audit.recordAs(user.username(), "LOGIN", "user", id,
				Map.of("result", "success", "source", identity.source().name()));
		return user;
	}

	private static String displayName(Identity identity) {
		String name = identity.displayName();
		return name == null || name.isBlank() ? identity.username()
				: name.length() > 255 ? name.substring(0, 255) : name;
	}

	private void refuse(Identity identity, String reason) {
		String who = identity.username().length() > 100 ? identity.username().substring(0, 100) : identity.username();
		audit.recordAs(who, "LOGIN_FAILURE", "user", null, Map.of("reason", "directory: " + reason, "source",
				identity.source().name(), "groups", identity.groups().stream().sorted().toList()));
		throw new NotPlaced(reason);
	}

}
