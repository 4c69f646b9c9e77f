package vn.khien.compliance;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import vn.khien.law.RulePack.Authority;
import vn.khien.platform.Role;

/**
 * The module's settings ({@code khien.compliance.*}).
 *
 * @param authorities which Khiên roles act for each authority a rule pack names: who
 * takes up, appraises and approves a dossier at a level. The defaults: the province's
 * dedicated unit is its operators; the owner (the People's Committee) its leadership; the
 * Ministry of Public Security's appraisal is recorded by the provincial police, the
 * former Ministry of Information and Communications' by the operators; the Prime
 * Minister's list by the leadership. A province sets its own.
 * @param maxUploadBytes largest file attached to a dossier
 */
@ConfigurationProperties("khien.compliance")
public record ComplianceSettings(@Nullable Map<Authority, List<Role>> authorities, @Nullable Long maxUploadBytes) {

	public ComplianceSettings {
		Map<Authority, List<Role>> roles = new EnumMap<>(Authority.class);
		roles.put(Authority.DEDICATED_UNIT, List.of(Role.PROVINCE_OPERATOR));
		roles.put(Authority.OWNER, List.of(Role.LEADERSHIP));
		roles.put(Authority.MINISTRY_ICT, List.of(Role.PROVINCE_OPERATOR));
		roles.put(Authority.MINISTRY_PUBLIC_SECURITY, List.of(Role.POLICE));
		roles.put(Authority.PRIME_MINISTER, List.of(Role.LEADERSHIP));
		if (authorities != null) {
			roles.putAll(authorities);
		}
		authorities = Map.copyOf(roles);
		maxUploadBytes = maxUploadBytes == null || maxUploadBytes <= 0 ? 50L * 1024 * 1024 : maxUploadBytes;
	}

	public List<Role> rolesOf(Authority authority) {
		return authorities.getOrDefault(authority, List.of());
	}

}
