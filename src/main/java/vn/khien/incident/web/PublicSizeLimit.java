package vn.khien.incident.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.khien.incident.IncidentSettings;

/**
 * What the public may send without an account is refused by its declared size before
 * anything reads it (before sign-in, CSRF and multipart parsing, which would read the
 * whole body): the JSON twin at most its body limit, the page at most three attachments
 * and the form. A body sent without a declared length (chunked) is bounded by the
 * container’s request limits and the handlers’ own checks.
 */
@Configuration
class PublicSizeLimit {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> publicReportSizeLimit(IncidentSettings settings) {
		long page = PublicIncidentPages.MAX_FILES * settings.maxPublicBytes() + 256 * 1024;
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				long limit = path.startsWith("/api/v1/public/") ? PublicIncidentApi.MAX_BODY * 4L
						: path.equals("/incident-report") ? page : -1;
				if (limit > 0 && "POST".equals(request.getMethod()) && request.getContentLengthLong() > limit) {
					response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
					return;
				}
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/api/v1/public/*", "/incident-report");
		return registration;
	}

}
