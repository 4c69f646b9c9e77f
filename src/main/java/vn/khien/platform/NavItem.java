package vn.khien.platform;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An entry of the main navigation, under the drop-down menu {@code menu} (a message key).
 * Each module declares its own as beans, so the menu lists only pages that exist, and
 * only to roles that may open them (empty {@code roles}: every signed-in user).
 * {@code icon} is a Bootstrap Icons name without its {@code bi-} prefix (e.g.
 * {@code diagram-3}), shown before the entry's text; null for none.
 */
public record NavItem(int order, String menu, String messageKey, String path, Set<Role> roles, @Nullable String icon) {

	/** An entry without an icon. */
	public NavItem(int order, String menu, String messageKey, String path, Set<Role> roles) {
		this(order, menu, messageKey, path, roles, null);
	}

	public boolean visibleTo(KhienUser user) {
		return roles.isEmpty() || roles.stream().anyMatch(user::has);
	}
}
