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

	/**
	 * Exchanges a username, password and (when enrolled) a TOTP code for a bearer token;
	 * refused while the account must first enrol a second factor on the web.
	 */
	@PermitAll
	@PostMapping("/token")
	TokenResponse token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
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
