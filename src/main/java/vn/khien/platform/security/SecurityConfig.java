package vn.khien.platform.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

@Configuration
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
			+ "form-action 'self'; base-uri 'self'; object-src 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Passwords (local or checked by the LDAP directory) and, when enabled, the OIDC
	 * provider's answers.
	 */
	@Bean
	AuthenticationManager authenticationManager(PasswordSignIn signIn, OidcDirectory oidc) {
		if (!oidc.enabled()) {
			return new ProviderManager(signIn);
		}
		var fromProvider = new org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider(
				new org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient(),
				oidc);
		return new ProviderManager(signIn, fromProvider);
	}

	/**
	 * The API, the TAXII server and the actuator: bearer tokens only, no session, no
	 * cookies, hence no CSRF.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, ProblemWriter problems) throws Exception {
		http.securityMatcher("/api/v1/**", "/actuator/**", "/taxii2/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(
					a -> a.requestMatchers("/api/v1/auth/token", "/actuator/health", "/actuator/health/**")
						.permitAll()
						// what the public may send without an account (rate-limited where
						// it is taken)
						.requestMatchers("/api/v1/public/**")
						.permitAll()
						// NB: sources sign their batches with their own token, which the
						// handler checks
						.requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/events")
						.permitAll()
						// NB: TAXII clients are machines with their own token, which the
						// handlers check
						.requestMatchers("/taxii2/**")
						.permitAll()
						.requestMatchers("/actuator/**")
						.hasRole("ADMIN")
						.anyRequest()
						.authenticated())
			.addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(e -> e
				.authenticationEntryPoint(
						(req, res, ex) -> problems.write(req, res, HttpStatus.UNAUTHORIZED, "problem.unauthorized"))
				.accessDeniedHandler(
						(req, res, ex) -> problems.write(req, res, HttpStatus.FORBIDDEN, "problem.forbidden")))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
				.frameOptions(f -> f.deny()));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http, AuthenticationManager manager, AccountSecurity accountSecurity,
			OidcDirectory oidc) throws Exception {
		if (oidc.enabled()) {
			// NB: the user service places the person; any refusal or protocol error lands
			// on a page that says why
			http.oauth2Login(o -> o.loginPage("/login")
				.clientRegistrationRepository(oidc)
				.userInfoEndpoint(u -> u.oidcUserService(oidc))
				.failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath() + directoryFailure(ex)))
				.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
					@Override
					public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
						filter.setAuthenticationFailureHandler((req, res, ex) -> res
							.sendRedirect(req.getContextPath() + "/login?directory=unavailable"));
						return filter;
					}
				})
				.defaultSuccessUrl("/", false));
		}
		http.authenticationManager(manager)
			.addFilterBefore(new TotpEnrolmentFilter(accountSecurity),
					org.springframework.security.web.access.intercept.AuthorizationFilter.class)
			.authorizeHttpRequests(a -> a
				.requestMatchers("/login", "/login/denied", "/webjars/**", "/static/**", "/favicon.ico", "/error",
						"/api/docs", "/api/docs/**", "/api/swagger-ui/**", "/incident-report", "/incident-report/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(f -> f.loginPage("/login")
				.authenticationDetailsSource(TotpDetails::from)
				.failureHandler((req, res, ex) -> res
					.sendRedirect(req.getContextPath() + formFailure(ex, req.getParameter("username"))))
				.defaultSuccessUrl("/", false))
			.logout(l -> l.logoutSuccessUrl("/login?logout"))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
				.frameOptions(f -> f.deny())
				.referrerPolicy(r -> r.policy(
						org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/**
	 * Where a refused sign-in through the form goes: the form again, saying why, with the
	 * name kept.
	 */
	static String formFailure(AuthenticationException ex, @Nullable String username) {
		if (ex instanceof DirectoryAccounts.NotPlaced || ex instanceof LdapDirectory.Unavailable) {
			return directoryFailure(ex);
		}
		String why = ex instanceof PasswordSignIn.TotpRequired ? "totp"
				: ex instanceof PasswordSignIn.Throttled ? "throttled" : ex instanceof LockedException ? "locked"
						: ex instanceof PasswordSignIn.TotpUnavailable ? "unavailable" : "error";
		return "/login?" + why + "&username=" + URLEncoder.encode(String.valueOf(username), StandardCharsets.UTF_8);
	}

	/**
	 * Where a refused directory sign-in goes: the page that says why, or the login form
	 * when the directory is down.
	 */
	static String directoryFailure(AuthenticationException ex) {
		log.info("Directory sign-in refused: {}", ex.toString());
		if (ex instanceof DirectoryAccounts.NotPlaced notPlaced) {
			return "/login/denied?reason=" + notPlaced.reason();
		}
		if (ex instanceof LdapDirectory.Unavailable) {
			return "/login?directory=unavailable";
		}
		if (ex instanceof DisabledException) {
			return "/login?error";
		}
		return "/login?directory=refused";
	}

	/**
	 * Writes RFC 9457 problem details for refusals that happen before any controller
	 * runs.
	 */
	@org.springframework.stereotype.Component
	static class ProblemWriter {

		private final MessageSource messages;

		private final LocaleResolver locales;

		private final JsonMapper json;

		ProblemWriter(MessageSource messages, LocaleResolver locales, JsonMapper json) {
			this.messages = messages;
			this.locales = locales;
			this.json = json;
		}

		void write(HttpServletRequest req, HttpServletResponse res, HttpStatus status, String key) throws IOException {
			Locale locale = locales.resolveLocale(req);
			res.setStatus(status.value());
			res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			res.setCharacterEncoding("UTF-8");
			var body = new java.util.LinkedHashMap<String, Object>();
			body.put("type", "about:blank");
			body.put("title", messages.getMessage(key + ".title", null, status.getReasonPhrase(), locale));
			body.put("status", status.value());
			body.put("detail", messages.getMessage(key + ".detail", null, "", locale));
			body.put("instance", req.getRequestURI());
			json.writeValue(res.getOutputStream(), body);
		}

	}

}
