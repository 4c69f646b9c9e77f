package vn.khien.platform.web;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import vn.khien.platform.KhienSettings;

/**
 * The client's address and scheme behind the province's reverse proxy.
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} count only when the request comes
 * from a trusted proxy ({@code khien.proxy.trusted}); the client is the right-most
 * address that is not itself a trusted proxy, since anything further left was written by
 * the client. Throttling, lock-out, the audit trail, {@code Secure} cookies and HSTS all
 * read the request this filter hands on.
 */
class ForwardedClient extends OncePerRequestFilter {

	// NB: before Spring Session (which decides on Secure cookies) and Spring Security
	static final int ORDER = Integer.MIN_VALUE + 10;

	private final List<IpAddressMatcher> trusted;

	ForwardedClient(List<String> trusted) {
		this.trusted = trusted.stream().map(String::trim).filter(t -> !t.isEmpty()).map(IpAddressMatcher::new).toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isTrusted(request.getRemoteAddr())) {
			chain.doFilter(new Client(request, request.getRemoteAddr(), request.getScheme()), response);
			return;
		}
		String client = client(request.getHeader("X-Forwarded-For"), request.getRemoteAddr());
		String scheme = scheme(request.getHeader("X-Forwarded-Proto"), request.getScheme());
		chain.doFilter(new Client(request, client, scheme), response);
	}

	boolean isTrusted(@Nullable String address) {
		if (address == null || address.isBlank()) {
			return false;
		}
		for (IpAddressMatcher matcher : trusted) {
			try {
				if (matcher.matches(address)) {
					return true;
				}
			}
			catch (IllegalArgumentException notAnAddress) {
				return false;
			}
		}
		return false;
	}

	/**
	 * The right-most forwarded address that is not a trusted proxy; garbage ends the
	 * walk.
	 */
	String client(@Nullable String forwardedFor, String proxy) {
		if (forwardedFor == null || forwardedFor.isBlank()) {
			return proxy;
		}
		String[] hops = forwardedFor.split(",");
		String client = proxy;
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].trim();
			if (!looksLikeAddress(hop)) {
				break;
			}
			client = hop;
			if (!isTrusted(hop)) {
				break;
			}
		}
		return client;
	}

	private static String scheme(@Nullable String forwardedProto, String actual) {
		if (forwardedProto == null || forwardedProto.isBlank()) {
			return actual;
		}
		String[] values = forwardedProto.split(",");
		String nearest = values[values.length - 1].trim().toLowerCase(java.util.Locale.ROOT);
		return nearest.equals("https") || nearest.equals("http") ? nearest : actual;
	}

	private static boolean looksLikeAddress(String hop) {
		return hop.length() <= 45 && hop.matches("[0-9A-Fa-f:.]+");
	}

	/** The request as the client made it. */
	private static final class Client extends HttpServletRequestWrapper {

		private final String address;

		private final String scheme;

		Client(HttpServletRequest request, String address, String scheme) {
			super(request);
			this.address = address;
			this.scheme = scheme;
		}

		@Override
		public String getRemoteAddr() {
			return address;
		}

		@Override
		public String getRemoteHost() {
			return address;
		}

		@Override
		public String getScheme() {
			return scheme;
		}

		@Override
		public boolean isSecure() {
			return scheme.equals("https");
		}

	}

	@Configuration
	static class Registration {

		@Bean
		FilterRegistrationBean<ForwardedClient> forwardedClient(KhienSettings settings) {
			var registration = new FilterRegistrationBean<>(new ForwardedClient(settings.proxy().trusted()));
			registration.setOrder(ORDER);
			return registration;
		}

	}

}
