package vn.khien.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** A list's links keep the user's filters and change only what the link is for. */
class ListLinksTests {

	final ListLinks links = new ListLinks();

	void at(String path, String... namesAndValues) {
		var request = new MockHttpServletRequest("GET", path);
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			request.addParameter(namesAndValues[i], namesAndValues[i + 1]);
		}
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}

	@AfterEach
	void clear() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void sortingKeepsTheFiltersStartsAgainAtTheFirstPageAndReversesOnTheSecondClick() {
		at("/systems", "q", "cổng", "lifecycle", "OPERATING", "page", "3");
		assertThat(links.sort("name")).isEqualTo("/systems?q=c%E1%BB%95ng&lifecycle=OPERATING&sort=name");
		at("/systems", "sort", "name");
		assertThat(links.sort("name")).isEqualTo("/systems?sort=-name");
		assertThat(links.ariaSort("name", null)).isEqualTo("ascending");
		at("/systems", "sort", "-name");
		assertThat(links.sort("name")).isEqualTo("/systems?sort=name");
		assertThat(links.ariaSort("name", null)).isEqualTo("descending");
		assertThat(links.ariaSort("code", null)).isEqualTo("none");
	}

	@Test
	void theListsOwnOrderCountsWhenTheAddressNamesNone() {
		at("/systems");
		assertThat(links.ariaSort("code", "code")).isEqualTo("ascending");
		assertThat(links.sort("code", "code")).isEqualTo("/systems?sort=-code");
		assertThat(links.ariaSort("name", "code")).isEqualTo("none");
	}

	@Test
	void aColumnOfFiguresSortsTheLargestFirst() {
		at("/staff/gaps");
		assertThat(links.sort("-gap")).isEqualTo("/staff/gaps?sort=-gap");
		at("/staff/gaps", "sort", "-gap");
		assertThat(links.ariaSort("-gap", null)).isEqualTo("descending");
		assertThat(links.sort("-gap")).isEqualTo("/staff/gaps?sort=gap");
	}

	@Test
	void pagesAndExportsKeepFiltersAndOrder() {
		at("/systems", "agency", "17", "sort", "-level", "page", "2");
		assertThat(links.page(5)).isEqualTo("/systems?agency=17&sort=-level&page=5");
		assertThat(links.page(-1)).endsWith("page=0");
		assertThat(links.export("/systems/export.csv")).isEqualTo("/systems/export.csv?agency=17&sort=-level");
		assertThat(links.kept("page")).extracting(java.util.Map.Entry::getKey).containsExactly("agency", "sort");
	}

	@Test
	void aValueThatIsNotPlainTextIsEncodedNotInjected() {
		at("/systems", "q", "a&b=c d");
		assertThat(links.page(1)).isEqualTo("/systems?q=a%26b%3Dc%20d&page=1");
	}

}
