package vn.khien.platform.security;

import java.io.IOException;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.khien.platform.KhienUser;

/**
 * Sends a signed-in user who must have a second factor (their role's policy says so, or
 * they are an administrator outside demo mode) to the enrolment page until they have
 * enrolled; only that page, logout and static files stay reachable.
 */
class TotpEnrolmentFilter extends OncePerRequestFilter {

	static final String ENROL_PATH = "/account/totp";

	private final AccountSecurity security;

	TotpEnrolmentFilter(AccountSecurity security) {
		this.security = security;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof KhienUser user && !exempt(request)
				&& security.enrolmentRequired(user)) {
			response.sendRedirect(request.getContextPath() + ENROL_PATH);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean exempt(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(ENROL_PATH) || path.startsWith(ENROL_PATH + "/") || path.equals("/logout")
				|| path.equals("/login") || path.equals("/error") || path.startsWith("/webjars/")
				|| path.startsWith("/css/") || path.startsWith("/js/") || path.equals("/favicon.ico");
	}

}
