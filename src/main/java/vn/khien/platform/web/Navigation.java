package vn.khien.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.khien.platform.CurrentUser;
import vn.khien.platform.NavItem;
import vn.khien.platform.NavMenu;

/** Feeds the layout's menus ({@code ${@navigation.menus()}}) and the home page. */
@Component("navigation")
class Navigation {

	private final List<NavItem> items;

	private final Map<String, String> menuIcons;

	private final CurrentUser currentUser;

	Navigation(List<NavItem> items, List<NavMenu> menus, CurrentUser currentUser) {
		this.items = items.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
		this.menuIcons = menus.stream().collect(Collectors.toMap(NavMenu::messageKey, NavMenu::icon));
		this.currentUser = currentUser;
	}

	/**
	 * A drop-down of the main navigation with the entries the user may open; {@code icon}
	 * as in {@link NavMenu}.
	 */
	public record Menu(String messageKey, @Nullable String icon, List<NavItem> items) {
	}

	/**
	 * The user's menus, in the order of their first entry; menus with nothing for the
	 * user are left out.
	 */
	public List<Menu> menus() {
		var grouped = new java.util.LinkedHashMap<String, List<NavItem>>();
		items().forEach(i -> grouped.computeIfAbsent(i.menu(), k -> new java.util.ArrayList<>()).add(i));
		return grouped.entrySet()
			.stream()
			.map(e -> new Menu(e.getKey(), menuIcons.get(e.getKey()), List.copyOf(e.getValue())))
			.toList();
	}

	public List<NavItem> items() {
		return currentUser.find().map(user -> items.stream().filter(i -> i.visibleTo(user)).toList()).orElse(List.of());
	}

}
