package vn.khien.platform;

/**
 * A principal that stands for a Khiên user without being one, such as the person an OIDC
 * provider signed in: {@link CurrentUser} sees the user it carries.
 */
public interface KhienPrincipal {

	KhienUser khienUser();

	/**
	 * As the pages' menu bar shows who is signed in
	 * ({@code #authentication.principal.displayName}).
	 */
	default String getDisplayName() {
		return khienUser().displayName();
	}

}
