package vn.khien.platform.security;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.DefaultLdapAuthoritiesPopulator;
import org.springframework.stereotype.Component;

/**
 * Binds to the province's LDAP or Active Directory server as the person signing in
 * (Spring Security LDAP): finds their entry with the search filter, in which the name
 * typed is escaped, binds with the password typed, and reads their groups and the
 * attributes the mapping needs.
 */
@Component
class LdapDirectory {

	/**
	 * The directory could not be asked (down, unreachable, refused our search account).
	 */
	static final class Unavailable extends AuthenticationServiceException {

		Unavailable(Throwable cause) {
			super("directory unavailable", cause);
		}

	}

	private final DirectorySettings.Ldap settings;

	private final @Nullable BindAuthenticator authenticator;

	private final @Nullable DefaultLdapAuthoritiesPopulator groups;

	LdapDirectory(DirectorySettings directory) {
		this.settings = directory.ldap();
		if (!settings.enabled()) {
			this.authenticator = null;
			this.groups = null;
			return;
		}
		if (settings.url() == null || settings.url().isBlank()) {
			throw new IllegalStateException("khien.directory.ldap.url is required when LDAP sign-in is enabled");
		}
		var source = new DefaultSpringSecurityContextSource(List.of(settings.url()), settings.base());
		if (settings.managerDn() != null && !settings.managerDn().isBlank()) {
			source.setUserDn(settings.managerDn());
			source.setPassword(settings.managerPassword() == null ? "" : settings.managerPassword());
		}
		Map<String, Object> environment = new HashMap<>();
		String millis = String.valueOf(settings.timeout().toMillis());
		environment.put("com.sun.jndi.ldap.connect.timeout", millis);
		environment.put("com.sun.jndi.ldap.read.timeout", millis);
		source.setBaseEnvironmentProperties(environment);
		source.afterPropertiesSet();
		var search = new FilterBasedLdapUserSearch(settings.userSearchBase(), settings.userSearchFilter(), source);
		search.setSearchSubtree(true);
		var bind = new BindAuthenticator(source);
		bind.setUserSearch(search);
		this.authenticator = bind;
		var populator = new DefaultLdapAuthoritiesPopulator(source, settings.groupSearchBase());
		populator.setGroupSearchFilter(settings.groupSearchFilter());
		populator.setGroupRoleAttribute(settings.groupNameAttribute());
		populator.setRolePrefix("");
		populator.setConvertToUpperCase(false);
		populator.setSearchSubtree(true);
		populator.setIgnorePartialResultException(true);
		this.groups = populator;
	}

	boolean enabled() {
		return authenticator != null;
	}

	/**
	 * Who the directory says this is, once the password was right;
	 * {@link BadCredentialsException} when the name or password is wrong,
	 * {@link Unavailable} when the directory cannot be asked.
	 */
	DirectoryAccounts.Identity bind(String username, String password) {
		if (authenticator == null || groups == null) {
			throw new IllegalStateException("LDAP sign-in is not enabled");
		}
		DirContextOperations entry;
		Set<String> names = new LinkedHashSet<>();
		try {
			entry = authenticator.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
			groups.getGrantedAuthorities(entry, username).forEach(a -> names.add(a.getAuthority()));
		}
		catch (BadCredentialsException ex) {
			throw ex;
		}
		catch (NamingException
				| org.springframework.security.authentication.InternalAuthenticationServiceException ex) {
			throw new Unavailable(ex);
		}
		return new DirectoryAccounts.Identity(DirectoryAccounts.Source.LDAP, entry.getNameInNamespace(), username,
				entry.getStringAttribute(settings.nameAttribute()), entry.getStringAttribute(settings.mailAttribute()),
				Set.copyOf(names), entry.getStringAttribute(settings.agencyAttribute()));
	}

}
