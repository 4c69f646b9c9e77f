package vn.khien;

import java.util.ArrayList;
import java.util.Arrays;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jakarta.servlet.http.Cookie;

/**
 * A web session signed in through the login form, as a browser holds it: the session
 * cookie that Spring Session set. Add it to a request with {@code .with(signedIn)}.
 */
public record SignedIn(String username, Cookie cookie) implements RequestPostProcessor {

	public static final String COOKIE = "SESSION";

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		var cookies = new ArrayList<Cookie>();
		if (request.getCookies() != null) {
			Arrays.stream(request.getCookies()).filter(c -> !c.getName().equals(COOKIE)).forEach(cookies::add);
		}
		cookies.add(cookie);
		request.setCookies(cookies.toArray(Cookie[]::new));
		return request;
	}

	/**
	 * The session id as Spring Session stores it (the cookie holds it Base64-encoded).
	 */
	public String sessionId() {
		return new String(java.util.Base64.getDecoder().decode(cookie.getValue()),
				java.nio.charset.StandardCharsets.UTF_8);
	}
}
