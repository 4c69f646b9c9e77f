package vn.khien.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.khien.platform.PageQuery;

/**
 * Every list's search text ({@code q}) is at most {@link PageQuery#MAX_TEXT} characters:
 * a longer one is a clear 400 in the user's language for every list at once, before any
 * query is built from it.
 */
@Configuration
class SearchTextLimit implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				PageQuery.text("q", request.getParameter("q"));
				return true;
			}
		});
	}

}
