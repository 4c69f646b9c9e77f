package vn.khien.platform.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.khien.platform.CurrentUser;
import vn.khien.platform.NavItem;

/** Feeds the layout's menu: {@code ${@navigation.items()}}. */
@Component("navigation")
class Navigation {

	private final List<NavItem> items;

	private final CurrentUser currentUser;

	Navigation(List<NavItem> items, CurrentUser currentUser) {
		this.items = items.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
		this.currentUser = currentUser;
	}

	public List<NavItem> items() {
		return currentUser.find().map(user -> items.stream().filter(i -> i.visibleTo(user)).toList()).orElse(List.of());
	}
}
