package vn.khien.platform.security;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a sign-in carries besides username and password: the one-time code and the
 * caller's address.
 */
public record TotpDetails(@Nullable String totp, @Nullable String remoteAddress) implements Serializable {

	static TotpDetails from(HttpServletRequest request) {
		return new TotpDetails(request.getParameter("totp"), request.getRemoteAddr());
	}
}
