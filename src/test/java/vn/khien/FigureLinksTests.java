package vn.khien;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every figure is a link to the list behind it: the test walks the pages a user reaches
 * from home, following the application's own links, and fails on a number in a card or a
 * table cell that is not inside a link, unless the cell is marked {@code data-plain} (a
 * figure with no list behind it, such as a year or a port).
 */
@KhienTest
public class FigureLinksTests {

	/**
	 * A figure: a count with Vietnamese or English grouping, a percentage, a ratio; not
	 * an address, a phone number or a code.
	 */
	static final String COUNT = "(0|[1-9]\\d{0,6}|[1-9]\\d{0,2}([.,]\\d{3})+)([.,]\\d+)?";

	static final Pattern FIGURE = Pattern.compile(COUNT + "\\s*%?(\\s*/\\s*" + COUNT + ")?");

	/** Links the walk does not follow: they download, sign out or are not pages. */
	static final Pattern SKIPPED = Pattern
		.compile("^/(api|static|webjars|logout|login)(/.*)?$|\\.csv$|\\.xlsx$|/export|/data(/|$)|/download");

	static final int MOST_PAGES = 120;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Test
	void everyFigureOnThePagesTheOperatorReachesIsALink() {
		assertThat(walk("operator")).isEmpty();
	}

	@Test
	void everyFigureOnThePagesAnOfficerReachesIsALink() {
		assertThat(walk("officer")).isEmpty();
	}

	@Test
	void theWalkSeesAFigureThatIsNotALink() {
		Document page = Jsoup.parse("<table><tr><td>1.234</td><td><a href='/x'>5</a></td><td data-plain>2026</td>"
				+ "</tr></table><div class='card'><p>87,5 %</p></div>");
		assertThat(unlinked(page)).containsExactly("1.234", "87,5 %");
	}

	@Test
	void oneImportJobsPageStandsForAllOfThem() {
		assertThat(shape("/imports/330d0736-ea1c-4b27-ae97-b67caa01b849"))
			.isEqualTo(shape("/imports/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"))
			.isEqualTo("/imports/{id}?[]");
		assertThat(shape("/imports/330d0736-ea1c-4b27-ae97-b67caa01b849/events")).isEqualTo("/imports/{id}/events?[]");
	}

	/** Unlinked figures by page, found by walking from home. */
	Map<String, List<String>> walk(String user) {
		SignedIn session = logins.session(user);
		Map<String, List<String>> found = new LinkedHashMap<>();
		var seen = new TreeSet<String>();
		var queue = new ArrayDeque<String>();
		queue.add("/");
		int visited = 0;
		while (!queue.isEmpty() && visited < MOST_PAGES) {
			String uri = queue.poll();
			var result = mvc.get().uri(uri).with(session).exchange();
			String type = result.getResponse().getContentType();
			if (result.getResponse().getStatus() != 200 || type == null || !type.startsWith("text/html")) {
				continue;
			}
			visited++;
			Document page = Jsoup.parse(contentOf(result), "http://localhost" + uri);
			List<String> unlinked = unlinked(page);
			if (!unlinked.isEmpty()) {
				found.put(uri, unlinked);
			}
			for (Element a : page.select("a[href]")) {
				String href = a.attr("href");
				if (!href.startsWith("/") || href.startsWith("//") || SKIPPED.matcher(href.split("\\?")[0]).find()) {
					continue;
				}
				if (seen.add(shape(href))) {
					queue.add(href);
				}
			}
		}
		assertThat(visited).as("pages walked").isGreaterThan(15);
		return found;
	}

	private static String contentOf(org.springframework.test.web.servlet.assertj.MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A link's shape: numbers and UUIDs (import jobs) in its path and the values of its
	 * query stand for any, so that one agency's page stands for all of them.
	 */
	static String shape(String href) {
		var uri = UriComponentsBuilder.fromUriString(href).build();
		String path = uri.getPath() == null ? ""
				: uri.getPath()
					.replaceAll("/\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}(?=/|$)", "/{id}")
					.replaceAll("/\\d+", "/{n}");
		return path + "?" + new TreeSet<>(uri.getQueryParams().keySet());
	}

	/**
	 * The figures in cards and table cells that no link holds (for a page test whose rows
	 * the walk may not meet).
	 */
	public static List<String> unlinked(Document page) {
		List<String> unlinked = new ArrayList<>();
		for (Element holder : page.select("td, .card")) {
			for (TextNode text : holder.textNodes()) {
				check(text, unlinked);
			}
			for (Element inner : holder.select("*")) {
				if (inner == holder || inner.closest("a, [data-plain], td td") != null
						|| (inner.closest("td") != holder && holder.is("td"))) {
					continue;
				}
				inner.textNodes().forEach(t -> check(t, unlinked));
			}
		}
		return unlinked;
	}

	private static void check(TextNode text, List<String> unlinked) {
		String value = text.text().strip();
		Element parent = (Element) text.parent();
		if (parent != null && parent.closest("a, [data-plain]") == null && FIGURE.matcher(value).matches()) {
			unlinked.add(value);
		}
	}

}
