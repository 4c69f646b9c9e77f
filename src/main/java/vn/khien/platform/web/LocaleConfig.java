package vn.khien.platform.web;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.khien.platform.Accounts;
import vn.khien.platform.CurrentUser;

/**
 * Vietnamese unless the user chose English (a cookie, set by {@code ?lang=en}); API
 * callers may also ask through {@code Accept-Language}.
 */
@Configuration
class LocaleConfig implements WebMvcConfigurer {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	static final String COOKIE = "khien_lang";

	@Bean
	LocaleResolver localeResolver(ObjectProvider<Accounts> accounts, ObjectProvider<CurrentUser> currentUser) {
		return new KhienLocaleResolver(accounts, currentUser);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	static class KhienLocaleResolver implements LocaleResolver {

		private final ObjectProvider<Accounts> accounts;

		private final ObjectProvider<CurrentUser> currentUser;

		KhienLocaleResolver(ObjectProvider<Accounts> accounts, ObjectProvider<CurrentUser> currentUser) {
			this.accounts = accounts;
			this.currentUser = currentUser;
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			if (request.getAttribute(COOKIE) instanceof Locale chosen) {
				return chosen;
			}
			var cookie = WebUtils.getCookie(request, COOKIE);
			if (cookie != null) {
				return supported(cookie.getValue());
			}
			String accept = request.getHeader("Accept-Language");
			if (accept != null && request.getRequestURI().startsWith("/api/")) {
				for (Locale.LanguageRange range : Locale.LanguageRange.parse(safe(accept))) {
					String lang = range.getRange().toLowerCase(Locale.ROOT);
					if (lang.startsWith("en")) {
						return Locale.ENGLISH;
					}
					if (lang.startsWith("vi")) {
						return VIETNAMESE;
					}
				}
			}
			return VIETNAMESE;
		}

		private static String safe(String header) {
			// NB: a malformed header must not turn into a 500
			return header.matches("[A-Za-z0-9*,;=.\\- ]{1,200}") ? header : "vi";
		}

		@Override
		public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
				@Nullable Locale locale) {
			if (response == null) {
				return;
			}
			Locale chosen = supported(locale == null ? "vi" : locale.getLanguage());
			request.setAttribute(COOKIE, chosen);
			// NB: kept on the account too, so that mails written while the user is away
			// are in the language they read
			currentUser.getObject().find().ifPresent(user -> accounts.getObject().setLanguage(user.id(), chosen));
			response.addHeader("Set-Cookie",
					ResponseCookie.from(COOKIE, chosen.getLanguage())
						.path("/")
						.maxAge(Duration.ofDays(365))
						.httpOnly(true)
						.secure(request.isSecure())
						.sameSite("Lax")
						.build()
						.toString());
		}

		static Locale supported(@Nullable String lang) {
			return "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : VIETNAMESE;
		}

	}

}
