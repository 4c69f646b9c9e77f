package testsupport.directory;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * A real OpenID Connect provider for the tests (Spring Authorization Server), standing in
 * for the province's Keycloak: its own application on its own port, with three people and
 * the claims a provider sends. {@link #forge} makes it send ID tokens a provider must
 * not, to show that Khiên refuses them.
 */
public final class TestIdentityProvider implements AutoCloseable {

	public static final String CLIENT_ID = "khien";

	public static final String CLIENT_SECRET = "khien-test-client-secret";

	public static final String PASSWORD = "idp-test-password";

	/** What the provider does wrong with the next ID tokens it issues. */
	public enum Forgery {

		NONE, WRONG_ISSUER, WRONG_AUDIENCE, WRONG_NONCE, EXPIRED

	}

	private static volatile Forgery forgery = Forgery.NONE;

	private static volatile String redirectUri = "";

	private final ConfigurableApplicationContext context;

	private TestIdentityProvider(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts the provider on a free port, for a client whose sign-in ends at
	 * {@code khienRedirectUri}.
	 */
	public static TestIdentityProvider start(String khienRedirectUri) {
		redirectUri = khienRedirectUri;
		var context = new SpringApplicationBuilder(Server.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "spring.config.name=test-identity-provider", "spring.main.banner-mode=off",
					"logging.level.org.springframework.security=WARN")
			.run();
		return new TestIdentityProvider(context);
	}

	public String issuer() {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return "http://127.0.0.1:" + port;
	}

	public static void forge(Forgery what) {
		forgery = what;
	}

	@Override
	public void close() {
		context.close();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebSecurity
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			SecurityFilterAutoConfiguration.class })
	static class Server {

		@Bean
		@Order(1)
		SecurityFilterChain protocol(HttpSecurity http) throws Exception {
			http.oauth2AuthorizationServer(server -> {
				http.securityMatcher(server.getEndpointsMatcher());
				server.oidc(Customizer.withDefaults());
			})
				.authorizeHttpRequests(a -> a.anyRequest().authenticated())
				.exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain people(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("hoa").password("{noop}" + PASSWORD).roles("USER").build(),
					User.withUsername("an").password("{noop}" + PASSWORD).roles("USER").build(),
					User.withUsername("ghost").password("{noop}" + PASSWORD).roles("USER").build());
		}

		/**
		 * Groups and agency as the province's provider would put them in the ID token.
		 */
		static final Map<String, Map<String, Object>> CLAIMS = Map.of("hoa",
				Map.of("groups", List.of("khien-officers", "staff"), "agency", "SYT", "name", "Phạm Thị Hoa"), "an",
				Map.of("groups", List.of("khien-operators"), "name", "Lê Văn An"), "ghost",
				Map.of("groups", List.of("staff"), "name", "Người Lạ"));

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> claims() {
			return context -> {
				if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
					return;
				}
				String user = context.getPrincipal().getName();
				var claims = context.getClaims();
				claims.claim("preferred_username", user);
				CLAIMS.getOrDefault(user, Map.of()).forEach(claims::claim);
				switch (forgery) {
					case WRONG_ISSUER -> claims.issuer("http://evil.example.invalid");
					case WRONG_AUDIENCE -> claims.audience(List.of("another-client"));
					case WRONG_NONCE -> claims.claim("nonce", "forged-" + UUID.randomUUID());
					case EXPIRED -> claims.issuedAt(Instant.now().minus(Duration.ofHours(2)))
						.expiresAt(Instant.now().minus(Duration.ofHours(1)));
					case NONE -> {
					}
				}
			};
		}

		@Bean
		RegisteredClientRepository clients() {
			return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
				.clientId(CLIENT_ID)
				.clientSecret("{noop}" + CLIENT_SECRET)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri(redirectUri)
				.scope(OidcScopes.OPENID)
				.scope(OidcScopes.PROFILE)
				.scope(OidcScopes.EMAIL)
				.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
				.build());
		}

		@Bean
		JWKSource<SecurityContext> keys() throws Exception {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
				.privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		// NB: the userinfo endpoint checks the access tokens it is given with it
		@Bean
		JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
			return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
		}

		@Bean
		AuthorizationServerSettings settings() {
			return AuthorizationServerSettings.builder().build();
		}

	}

}
