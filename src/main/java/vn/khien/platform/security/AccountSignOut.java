package vn.khien.platform.security;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import vn.khien.platform.AccountAccessChanged;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;

/**
 * Ends an account's web sessions and revokes its tokens when its access changes, in the
 * transaction of the change (the session repository joins it). A user changing their own
 * password keeps the session they did it from; every other one ends.
 */
@Component
class AccountSignOut {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final ApiTokens tokens;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	AccountSignOut(FindByIndexNameSessionRepository<? extends Session> sessions, ApiTokens tokens,
			CurrentUser currentUser, AuditLog audit) {
		this.sessions = sessions;
		this.tokens = tokens;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	@EventListener
	void on(AccountAccessChanged changed) {
		String keep = ownCurrentSession(changed.userId());
		Set<String> ids = sessions.findByPrincipalName(changed.username()).keySet();
		int ended = 0;
		for (String id : ids) {
			if (!id.equals(keep)) {
				sessions.deleteById(id);
				ended++;
			}
		}
		int revoked = tokens.revokeAll(changed.userId());
		if (ended > 0 || revoked > 0) {
			audit.record("SIGN_OUT_ALL", "user", changed.userId(), null,
					Map.of("reason", changed.reason(), "sessionsEnded", ended, "tokensRevoked", revoked));
		}
	}

	/**
	 * The id of the request's session when the account changes itself (own password),
	 * else null.
	 */
	private @Nullable String ownCurrentSession(long userId) {
		boolean self = currentUser.find().map(u -> u.id() == userId).orElse(false);
		if (!self || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs)) {
			return null;
		}
		var session = attrs.getRequest().getSession(false);
		return session == null ? null : session.getId();
	}

}
