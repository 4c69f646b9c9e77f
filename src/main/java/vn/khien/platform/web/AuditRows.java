package vn.khien.platform.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import vn.khien.platform.Accounts;
import vn.khien.platform.AuditEntry;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.SystemPrincipal;

/**
 * Audit entries as the audit page shows them: codes in words, people by name, states as a
 * table. The names of a page's accounts are read in one query.
 */
@Component
class AuditRows {

	/**
	 * The actor of a failed or throttled sign-in is whatever was typed, so it is shown as
	 * typed: "system:…" there is not the system.
	 */
	static final Set<String> TYPED_ACTOR = Set.of("LOGIN_FAILURE", "LOGIN_THROTTLED");

	static final String USER = "user";

	/**
	 * Who acted, as recorded ({@code code}) and in words; {@code userId} is their account
	 * when one has that username.
	 */
	record Actor(String code, String name, @Nullable Long userId) {
	}

	/**
	 * {@code entityName} and {@code entityUserId} are set when the entity is an account
	 * that exists.
	 */
	record Row(AuditEntry entry, String action, boolean knownAction, String entityType, @Nullable String entityName,
			@Nullable Long entityUserId, Actor actor, AuditDetails details) {
	}

	private final AuditVocabulary vocabulary;

	private final Accounts accounts;

	private final MessageSource messages;

	private final JsonMapper json;

	AuditRows(AuditVocabulary vocabulary, Accounts accounts, MessageSource messages, JsonMapper json) {
		this.vocabulary = vocabulary;
		this.accounts = accounts;
		this.messages = messages;
		this.json = json;
	}

	List<Row> of(List<AuditEntry> entries, Locale locale) {
		var usernames = new HashSet<String>();
		var userIds = new HashSet<Long>();
		for (AuditEntry e : entries) {
			usernames.add(e.actor());
			Long id = userId(e);
			if (id != null) {
				userIds.add(id);
			}
		}
		Map<String, Accounts.Name> byUsername = new HashMap<>();
		Map<Long, Accounts.Name> byId = new HashMap<>();
		for (Accounts.Name name : accounts.names(usernames, userIds)) {
			byUsername.put(name.username(), name);
			byId.put(name.id(), name);
		}
		String yes = messages.getMessage("audit.value.true", null, locale);
		String no = messages.getMessage("audit.value.false", null, locale);
		return entries.stream().map(e -> {
			Long id = userId(e);
			Accounts.Name entityUser = id == null ? null : byId.get(id);
			return new Row(e, vocabulary.action(e.action(), locale), vocabulary.knows(e.action()),
					vocabulary.entity(e.entityType(), locale), entityUser == null ? null : entityUser.displayName(),
					entityUser == null ? null : entityUser.id(), actor(e, byUsername, locale),
					AuditDetails.of(json, e.beforeState(), e.afterState(), yesNo -> yesNo ? yes : no));
		}).toList();
	}

	private Actor actor(AuditEntry e, Map<String, Accounts.Name> byUsername, Locale locale) {
		String code = e.actor();
		Accounts.Name account = byUsername.get(code);
		if (account != null) {
			return new Actor(code, account.displayName(), account.id());
		}
		if (TYPED_ACTOR.contains(e.action())) {
			return new Actor(code, code, null);
		}
		if (code.startsWith(SystemPrincipal.AUDIT_PREFIX)) {
			String work = code.substring(SystemPrincipal.AUDIT_PREFIX.length());
			String label = messages.getMessage("audit.system." + work, null, work, locale);
			return new Actor(code, messages.getMessage("audit.actor.system", new Object[] { label }, locale), null);
		}
		if (code.equals(CurrentUser.ANONYMOUS)) {
			return new Actor(code, messages.getMessage("audit.actor.anonymous", null, locale), null);
		}
		return new Actor(code, code, null);
	}

	private static @Nullable Long userId(AuditEntry e) {
		if (!USER.equals(e.entityType()) || e.entityId() == null || !e.entityId().matches("\\d{1,18}")) {
			return null;
		}
		return Long.valueOf(e.entityId());
	}

}
