package vn.khien.platform.security;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AuditLog;
import vn.khien.platform.Role;

/**
 * Per-role rules set by an administrator; for now whether the role must use a second
 * factor.
 */
@Component
public class RolePolicies {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	RolePolicies(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public Map<Role, Boolean> totpRequired() {
		var result = new EnumMap<Role, Boolean>(Role.class);
		for (Role role : Role.values()) {
			result.put(role, false);
		}
		jdbc.sql("SELECT role, totp_required FROM role_policy").query(rs -> {
			try {
				result.put(Role.valueOf(rs.getString("role")), rs.getBoolean("totp_required"));
			}
			catch (IllegalArgumentException ex) {
				// NB: a role removed from the code may linger in the table; it grants
				// nothing
			}
		});
		return result;
	}

	@Transactional
	public void setTotpRequired(Role role, boolean required) {
		boolean before = totpRequired().get(role);
		if (before == required) {
			return;
		}
		int n = jdbc.sql("UPDATE role_policy SET totp_required = :r WHERE role = :role")
			.param("r", required)
			.param("role", role.name())
			.update();
		if (n == 0) {
			jdbc.sql("INSERT INTO role_policy (role, totp_required) VALUES (:role, :r)")
				.param("r", required)
				.param("role", role.name())
				.update();
		}
		audit.record("PERMISSION_CHANGE", "role_policy", role.name(), Map.of("totpRequired", before),
				Map.of("totpRequired", required));
	}

}
