package vn.khien.platform;

import java.util.Set;

/**
 * An entry of the main navigation, under the drop-down menu {@code menu} (a message key).
 * Each module declares its own as beans, so the menu lists only pages that exist, and
 * only to roles that may open them (empty {@code roles}: every signed-in user).
 */
public record NavItem(int order, String menu, String messageKey, String path, Set<Role> roles) {

	public boolean visibleTo(KhienUser user) {
		return roles.isEmpty() || roles.stream().anyMatch(user::has);
	}
}
