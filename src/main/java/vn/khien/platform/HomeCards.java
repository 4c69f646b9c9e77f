package vn.khien.platform;

import java.util.List;

/** Implemented by each module that has something for the home page ("what needs me"). */
public interface HomeCards {

	/**
	 * Cards for the signed-in user, within their scope; empty when the module has nothing
	 * for them.
	 */
	List<HomeCard> cardsFor(KhienUser user);

}
