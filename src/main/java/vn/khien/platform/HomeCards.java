package vn.khien.platform;

import java.time.LocalDate;
import java.util.List;

/** Implemented by each module that has something for the home page ("what needs me"). */
public interface HomeCards {

	/**
	 * Cards for the signed-in user, within their scope; empty when the module has nothing
	 * for them.
	 */
	List<HomeCard> cardsFor(KhienUser user);

	/**
	 * What falls due for the user between {@code from} and {@code to} (both included):
	 * every role sees its week on the home page.
	 */
	default List<Deadline> dueFor(KhienUser user, LocalDate from, LocalDate to) {
		return List.of();
	}

	/**
	 * A date, what falls due then (a message and its arguments), and where to act on it.
	 */
	record Deadline(LocalDate date, String labelKey, List<Object> args, String link) {
	}

}
