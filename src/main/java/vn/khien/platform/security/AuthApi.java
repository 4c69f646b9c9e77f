package vn.khien.platform.security;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.KhienSettings;
import vn.khien.platform.KhienUser;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth")
class AuthApi {

	record TokenRequest(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String password,
			@Nullable @Size(max = 10) String totp) {
	}

	record TokenResponse(String token, Instant expiresAt) {
	}

	private final AuthenticationManager authentication;

	private final ApiTokens tokens;

	private final KhienSettings settings;

	private final AccountSecurity security;

	AuthApi(AuthenticationManager authentication, ApiTokens tokens, KhienSettings settings, AccountSecurity security) {
		this.authentication = authentication;
		this.tokens = tokens;
		this.settings = settings;
		this.security = security;
	}

	@Operation(operationId = "createToken", summary = "Sign in for a bearer token", description = """
			Exchanges a username, password and, once the account has enrolled a second factor, a TOTP code \
			(`totp`) for a bearer token valid for the configured lifetime (8 hours by default). Local and \
			LDAP / Active Directory accounts sign in here; OIDC accounts use their provider on the web and a \
			personal access token. Sign-ins are recorded in the audit trail.

			Refused: a wrong username or password, a missing TOTP code or an account locked after repeated \
			failures (401, the `code` says which); an account that must first enrol a second factor on the \
			web, or a directory account the mapping gives no access (403); too many failures from the \
			caller's address (429); the directory or the TOTP check unavailable (503).
			""")
	@ApiResponse(responseCode = "200", description = "The token and when it expires.")
	@ApiResponse(responseCode = "401", ref = "#/components/responses/SignInRefused")
	@ApiResponse(responseCode = "403", ref = "#/components/responses/SignInForbidden")
	@ApiResponse(responseCode = "429", ref = "#/components/responses/TooManySignIns")
	@ApiResponse(responseCode = "503", ref = "#/components/responses/SignInUnavailable")
	@PermitAll
	@PostMapping("/token")
	TokenResponse token(@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			examples = { @ExampleObject(name = "password", summary = "Before enrolling TOTP", value = """
					{"username": "operator", "password": "the account's password"}
					"""), @ExampleObject(name = "totp", summary = "With a second factor", value = """
					{"username": "admin", "password": "the account's password", "totp": "123456"}
					""") })) TokenRequest request, HttpServletRequest http) {
		var attempt = UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password());
		attempt.setDetails(new TotpDetails(request.totp(), http.getRemoteAddr()));
		KhienUser user;
		try {
			user = (KhienUser) authentication.authenticate(attempt).getPrincipal();
		}
		catch (DirectoryAccounts.NotPlaced ex) {
			throw InvalidInputException.withStatus(403, "auth.directoryNotPlaced");
		}
		catch (LdapDirectory.Unavailable ex) {
			throw InvalidInputException.withStatus(503, "auth.directoryUnavailable");
		}
		catch (PasswordSignIn.TotpRequired ex) {
			throw InvalidInputException.withStatus(401, "auth.totpRequired");
		}
		catch (PasswordSignIn.TotpUnavailable ex) {
			throw InvalidInputException.withStatus(503, "auth.totpUnavailable");
		}
		catch (PasswordSignIn.Throttled ex) {
			throw InvalidInputException.withStatus(429, "auth.throttled");
		}
		catch (org.springframework.security.authentication.LockedException ex) {
			throw InvalidInputException.withStatus(401, "auth.locked");
		}
		catch (AuthenticationException ex) {
			throw InvalidInputException.withStatus(401, "auth.badCredentials");
		}
		if (security.enrolmentRequired(user)) {
			throw InvalidInputException.withStatus(403, "auth.totpEnrolmentRequired");
		}
		var issued = tokens.issue(user.id(), ApiTokens.Kind.SESSION, "session", settings.login().tokenLifetime());
		return new TokenResponse(issued.token(), issued.expiresAt());
	}

}
