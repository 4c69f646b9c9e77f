package vn.khien.platform;

import java.util.List;

/**
 * Implemented by each module that has records people look for by name or address, so that
 * the search box of the menu bar finds hosts, systems and agencies without the platform
 * depending on the modules. Answers stay in the user's scope.
 */
public interface SiteSearch {

	/** The module's matches for {@code text}, at most {@code limit} per group. */
	List<Group> search(String text, int limit);

	/**
	 * A kind of record found: its heading, a few matches, how many there are, and the
	 * list that shows them all.
	 */
	record Group(int order, String titleKey, List<Hit> hits, long total, boolean totalCapped, String moreLink) {
	}

	/** One match and its page. */
	record Hit(String label, String detail, String link) {
	}

}
