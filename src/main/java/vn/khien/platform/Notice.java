package vn.khien.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Something to tell people, for {@link Notifications#notify}: to these accounts and to
 * every enabled account an {@link Audience} names (resolved when it is sent), under a
 * kind code ({@code incident.new}), as the text of {@code messageKey} with its arguments
 * in each recipient's language, pointing at {@code link}, a path inside the app
 * ({@code /incidents/42}). How a module sends one: docs/notifications.md.
 */
public record Notice(Set<Long> accounts, List<Audience> audiences, String kind, String messageKey,
		List<String> arguments, String link) {

	private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

	/** Most arguments a notice carries, and the longest of them. */
	public static final int MAX_ARGUMENTS = 10;

	public static final int MAX_ARGUMENT_LENGTH = 500;

	/**
	 * Every enabled account with {@code role}; of {@code agencyId} only (that agency, not
	 * those below it) or of {@code organisationId} only, when given.
	 */
	public record Audience(Role role, @Nullable Long agencyId, @Nullable Long organisationId) {

		public Audience {
			if (agencyId != null && organisationId != null) {
				throw new IllegalArgumentException("an audience names an agency or an organisation, not both");
			}
		}

		public static Audience everyone(Role role) {
			return new Audience(role, null, null);
		}

		public static Audience ofAgency(Role role, long agencyId) {
			return new Audience(role, agencyId, null);
		}

		/** The users of an outside organisation (role ORGANISATION). */
		public static Audience ofOrganisation(long organisationId) {
			return new Audience(Role.ORGANISATION, null, organisationId);
		}

	}

	public Notice {
		accounts = Set.copyOf(accounts);
		audiences = List.copyOf(audiences);
		arguments = List.copyOf(arguments);
		if (kind == null || kind.length() > 60 || !KIND.matcher(kind).matches()) {
			throw new IllegalArgumentException("a notice's kind is a dotted code such as incident.new: " + kind);
		}
		if (messageKey == null || messageKey.length() > 120 || !KEY.matcher(messageKey).matches()) {
			throw new IllegalArgumentException("a notice needs the key of its message: " + messageKey);
		}
		if (arguments.size() > MAX_ARGUMENTS
				|| arguments.stream().anyMatch(a -> a == null || a.length() > MAX_ARGUMENT_LENGTH)) {
			throw new IllegalArgumentException("a notice has at most " + MAX_ARGUMENTS + " arguments of up to "
					+ MAX_ARGUMENT_LENGTH + " characters");
		}
		// NB: the link becomes an href in the app and a URL in the mail: a path here,
		// never another site
		if (link == null || link.length() > 500 || !link.startsWith("/") || link.startsWith("//") || link.contains("\\")
				|| link.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
			throw new IllegalArgumentException("a notice links to a path inside the app: " + link);
		}
	}

	/**
	 * A notice to nobody yet; arguments are written as text ({@code null} as empty).
	 */
	public static Notice of(String kind, String messageKey, String link, @Nullable Object... arguments) {
		List<String> args = new ArrayList<>();
		if (arguments != null) {
			for (Object a : arguments) {
				args.add(a == null ? "" : a.toString());
			}
		}
		return new Notice(Set.of(), List.of(), kind, messageKey, args, link);
	}

	/** The same notice, also to these accounts. */
	public Notice to(long... accountIds) {
		Set<Long> more = new LinkedHashSet<>(accounts);
		Arrays.stream(accountIds).forEach(more::add);
		return new Notice(more, audiences, kind, messageKey, arguments, link);
	}

	/** The same notice, also to everyone {@code audience} names. */
	public Notice to(Audience audience) {
		List<Audience> more = new ArrayList<>(audiences);
		more.add(audience);
		return new Notice(accounts, more, kind, messageKey, arguments, link);
	}

}
