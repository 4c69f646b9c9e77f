package vn.khien.platform;

/**
 * The icon of a drop-down menu of the main navigation ({@code messageKey} as the
 * {@link NavItem#menu()} of its entries), declared as a bean by the module that owns the
 * menu; {@code icon} is a Bootstrap Icons name without its {@code bi-} prefix. A menu
 * without one shows its text alone.
 */
public record NavMenu(String messageKey, String icon) {
}
