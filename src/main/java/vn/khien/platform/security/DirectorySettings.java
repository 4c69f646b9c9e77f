package vn.khien.platform.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.khien.platform.Role;

/**
 * Sign-in through the province's directory (README, "Directory sign-in"): an OpenID
 * Connect provider, an LDAP / Active Directory server, or both, each off unless enabled,
 * and how the directory's groups or claims place a person in Khiên. Local accounts keep
 * working beside them.
 */
@ConfigurationProperties("khien.directory")
public record DirectorySettings(@DefaultValue Oidc oidc, @DefaultValue Ldap ldap, @DefaultValue Mapping mapping) {

	/**
	 * An OIDC provider (Keycloak and the like). {@code issuerUri} is where its discovery
	 * document lives; it is read when someone first signs in, not at start-up, so a
	 * provider that is down does not stop Khiên.
	 */
	public record Oidc(@DefaultValue("false") boolean enabled, @Nullable String issuerUri, @Nullable String clientId,
			@Nullable String clientSecret, @DefaultValue("openid,profile,email") List<String> scopes,
			@DefaultValue("preferred_username") String usernameClaim, @DefaultValue("name") String nameClaim,
			@DefaultValue("groups") String groupsClaim, @DefaultValue("agency") String agencyClaim,
			@DefaultValue("Cổng đăng nhập tập trung") String label) {
	}

	/**
	 * An LDAP or Active Directory server. The user is found with {@code userSearchFilter}
	 * ({@code {0}} is the name typed, escaped) under {@code userSearchBase}, then bound
	 * with the password typed; groups are the {@code groupNameAttribute} of entries under
	 * {@code groupSearchBase} matching {@code groupSearchFilter} ({@code {0}} is the
	 * user's DN). For Active Directory: {@code (sAMAccountName={0})} and
	 * {@code (member={0})}.
	 */
	public record Ldap(@DefaultValue("false") boolean enabled, @Nullable String url, @DefaultValue("") String base,
			@Nullable String managerDn, @Nullable String managerPassword, @DefaultValue("") String userSearchBase,
			@DefaultValue("(uid={0})") String userSearchFilter, @DefaultValue("") String groupSearchBase,
			@DefaultValue("(member={0})") String groupSearchFilter, @DefaultValue("cn") String groupNameAttribute,
			@DefaultValue("cn") String nameAttribute, @DefaultValue("mail") String mailAttribute,
			@DefaultValue("departmentNumber") String agencyAttribute, @DefaultValue("5s") java.time.Duration timeout) {
	}

	/**
	 * How a person is placed: {@code roles} gives, per Khiên role, the directory groups
	 * that grant it; the agency is the code in the agency claim or attribute, else the
	 * part after {@code agencyGroupPrefix} of a group (e.g. {@code khien-agency-SYT}). A
	 * person in no mapped group gets no access at all.
	 */
	public record Mapping(@DefaultValue Map<Role, Set<String>> roles,
			@DefaultValue("khien-agency-") String agencyGroupPrefix) {
	}
}
