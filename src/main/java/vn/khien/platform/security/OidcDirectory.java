package vn.khien.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import vn.khien.platform.KhienPrincipal;
import vn.khien.platform.KhienUser;

/**
 * Sign-in through an OpenID Connect provider. Spring Security's OAuth2 client does the
 * protocol, checking state, nonce and the ID token's signature, issuer, audience and
 * expiry. The provider's discovery document is read when someone first signs in, and
 * again after a failure, so that a provider that is down neither stops Khiên from
 * starting nor keeps it from recovering.
 */
@Component
class OidcDirectory implements ClientRegistrationRepository, OAuth2UserService<OidcUserRequest, OidcUser> {

	private static final Logger log = LoggerFactory.getLogger(OidcDirectory.class);

	static final String REGISTRATION = "directory";

	private static final Duration RETRY = Duration.ofSeconds(30);

	private final DirectorySettings.Oidc settings;

	private final DirectoryAccounts accounts;

	private final OidcUserService claims = new OidcUserService();

	private volatile @Nullable ClientRegistration registration;

	private volatile Instant failedAt = Instant.EPOCH;

	OidcDirectory(DirectorySettings directory, DirectoryAccounts accounts) {
		this.settings = directory.oidc();
		this.accounts = accounts;
		if (settings.enabled() && (blank(settings.issuerUri()) || blank(settings.clientId()))) {
			throw new IllegalStateException(
					"khien.directory.oidc.issuer-uri and client-id are required when OIDC sign-in is enabled");
		}
	}

	boolean enabled() {
		return settings.enabled();
	}

	String label() {
		return settings.label();
	}

	/**
	 * The registration, discovered from the issuer; null while the provider cannot be
	 * reached.
	 */
	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		if (!settings.enabled() || !REGISTRATION.equals(registrationId)) {
			return null;
		}
		ClientRegistration known = registration;
		if (known != null) {
			return known;
		}
		synchronized (this) {
			if (registration == null && Instant.now().isAfter(failedAt.plus(RETRY))) {
				try {
					registration = ClientRegistrations.fromIssuerLocation(settings.issuerUri())
						.registrationId(REGISTRATION)
						.clientId(settings.clientId())
						.clientSecret(settings.clientSecret() == null ? "" : settings.clientSecret())
						.scope(scopes(settings.scopes()))
						.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
						.build();
				}
				catch (RuntimeException ex) {
					failedAt = Instant.now();
					log.warn("OIDC provider {} cannot be reached: {}", settings.issuerUri(), ex.getMessage());
				}
			}
			return registration;
		}
	}

	/** Reads the provider's claims, then places the person through the mapping. */
	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser oidc = claims.loadUser(request);
		String username = text(oidc.getClaims().get(settings.usernameClaim()));
		var identity = new DirectoryAccounts.Identity(DirectoryAccounts.Source.OIDC,
				oidc.getIdToken().getIssuer() + "|" + oidc.getSubject(),
				username == null ? oidc.getSubject() : username, text(oidc.getClaims().get(settings.nameClaim())),
				oidc.getEmail(), strings(oidc.getClaims().get(settings.groupsClaim())),
				text(oidc.getClaims().get(settings.agencyClaim())));
		KhienUser user = accounts.signIn(identity);
		return new SignedIn(user, PasswordSignIn.authorities(user.roles()), oidc.getIdToken(), oidc.getUserInfo());
	}

	/**
	 * The person an OIDC provider signed in, as Khiên knows them; sessions are indexed by
	 * their username.
	 */
	static final class SignedIn extends DefaultOidcUser implements KhienPrincipal {

		private static final long serialVersionUID = 1L;

		private final KhienUser user;

		SignedIn(KhienUser user, Collection<? extends GrantedAuthority> authorities, OidcIdToken token,
				@Nullable OidcUserInfo info) {
			super(authorities, token, info);
			this.user = user;
		}

		@Override
		public KhienUser khienUser() {
			return user;
		}

		@Override
		public String getName() {
			return user.username();
		}

	}

	/**
	 * Scopes given as a list or as one comma-separated text, each once; openid always
	 * (the ID token, its nonce).
	 */
	static Set<String> scopes(List<String> configured) {
		Set<String> scopes = new LinkedHashSet<>();
		scopes.add("openid");
		configured.forEach(c -> List.of(c.split("[,\\s]+")).stream().filter(s -> !s.isBlank()).forEach(scopes::add));
		return scopes;
	}

	private static @Nullable String text(@Nullable Object value) {
		return value == null ? null : value.toString();
	}

	private static Set<String> strings(@Nullable Object value) {
		Set<String> result = new LinkedHashSet<>();
		if (value instanceof Collection<?> many) {
			many.forEach(v -> result.add(String.valueOf(v)));
		}
		else if (value instanceof String one) {
			List.of(one.split("[,\\s]+")).stream().filter(s -> !s.isBlank()).forEach(result::add);
		}
		return result;
	}

	private static boolean blank(@Nullable String s) {
		return s == null || s.isBlank();
	}

}
