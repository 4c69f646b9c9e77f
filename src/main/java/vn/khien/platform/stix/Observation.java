package vn.khien.platform.stix;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An observable read into the form both formats share: which STIX cyber-observable it is
 * and what MISP calls it. A value its kind does not fit (a hash of no known length, an
 * address that is not one) is carried as text rather than dropped or mislabelled.
 */
public record Observation(Form form, String value) {

	private static final Pattern IPV4 = Pattern.compile(
			"^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(/(3[0-2]|[12]?[0-9]))?$");

	// Loose on purpose: a colon-and-hex shape is enough to route it to ipv6-addr.
	private static final Pattern IPV6 = Pattern
		.compile("^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}(:[0-9.]{7,15})?(/(12[0-8]|1[01][0-9]|[1-9]?[0-9]))?$");

	private static final Pattern DOMAIN = Pattern
		.compile("^(?=.{1,253}$)[\\p{L}\\p{N}_]([\\p{L}\\p{N}_-]{0,62})(\\.[\\p{L}\\p{N}_]([\\p{L}\\p{N}_-]{0,62}))*$");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");

	private static final Pattern HEX = Pattern.compile("^[0-9a-f]+$");

	public enum Form {

		IPV4("ipv4-addr", "value", "ip-dst", "Network activity", true),
		IPV6("ipv6-addr", "value", "ip-dst", "Network activity", true),
		DOMAIN("domain-name", "value", "domain", "Network activity", true),
		URL("url", "value", "url", "Network activity", true),
		MD5("file", "hashes.MD5", "md5", "Payload delivery", true),
		SHA1("file", "hashes.'SHA-1'", "sha1", "Payload delivery", true),
		SHA256("file", "hashes.'SHA-256'", "sha256", "Payload delivery", true),
		SHA512("file", "hashes.'SHA-512'", "sha512", "Payload delivery", true),
		EMAIL("email-addr", "value", "email-src", "Payload delivery", true),
		// STIX 2.1 has no cyber-observable for a phone number: these two go as notes.
		PHONE(null, null, "phone-number", "Other", false), TEXT(null, null, "text", "Other", false);

		private final @Nullable String scoType;

		private final @Nullable String path;

		private final String mispType;

		private final String mispCategory;

		private final boolean toIds;

		Form(@Nullable String scoType, @Nullable String path, String mispType, String mispCategory, boolean toIds) {
			this.scoType = scoType;
			this.path = path;
			this.mispType = mispType;
			this.mispCategory = mispCategory;
			this.toIds = toIds;
		}

		/** The STIX cyber-observable type; null for a phone number or text. */
		public @Nullable String scoType() {
			return scoType;
		}

		/** The object path a STIX pattern compares; null without a type. */
		public @Nullable String path() {
			return path;
		}

		public String mispType() {
			return mispType;
		}

		public String mispCategory() {
			return mispCategory;
		}

		/** Whether MISP should feed it to intrusion detection. */
		public boolean toIds() {
			return toIds;
		}

		/** The hash algorithm's name as STIX spells it, for file forms. */
		public String hashName() {
			return switch (this) {
				case MD5 -> "MD5";
				case SHA1 -> "SHA-1";
				case SHA256 -> "SHA-256";
				case SHA512 -> "SHA-512";
				default -> throw new IllegalStateException(name() + " is not a hash");
			};
		}

	}

	/**
	 * Reads a value of a kind: IP, DOMAIN, URL, FILE_HASH, EMAIL or PHONE; another kind
	 * is text.
	 */
	public static Observation of(String kind, String value) {
		String raw = value.trim();
		kind = kind.trim().toUpperCase(Locale.ROOT);
		return switch (kind) {
			case "IP" -> ip(raw);
			case "DOMAIN" -> domain(raw);
			case "URL" -> url(raw);
			case "FILE_HASH" -> hash(raw);
			case "EMAIL" -> EMAIL.matcher(raw).matches() ? new Observation(Form.EMAIL, raw) : text(raw);
			case "PHONE" -> new Observation(Form.PHONE, raw);
			default -> text(raw);
		};
	}

	private static Observation ip(String raw) {
		if (IPV4.matcher(raw).matches()) {
			return new Observation(Form.IPV4, raw);
		}
		String lower = raw.toLowerCase(Locale.ROOT);
		return IPV6.matcher(lower).matches() ? new Observation(Form.IPV6, lower) : text(raw);
	}

	private static Observation domain(String raw) {
		String name = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
		name = name.toLowerCase(Locale.ROOT);
		return DOMAIN.matcher(name).matches() ? new Observation(Form.DOMAIN, name) : text(raw);
	}

	private static Observation url(String raw) {
		try {
			URI uri = new URI(raw);
			if (uri.isAbsolute()) {
				return new Observation(Form.URL, raw);
			}
		}
		catch (URISyntaxException ex) {
			// Not a URL by RFC 3986, as the url object asks: falls through to text.
		}
		return text(raw);
	}

	private static Observation hash(String raw) {
		String hex = raw.toLowerCase(Locale.ROOT);
		if (!HEX.matcher(hex).matches()) {
			return text(raw);
		}
		return switch (hex.length()) {
			case 32 -> new Observation(Form.MD5, hex);
			case 40 -> new Observation(Form.SHA1, hex);
			case 64 -> new Observation(Form.SHA256, hex);
			case 128 -> new Observation(Form.SHA512, hex);
			default -> text(raw);
		};
	}

	private static Observation text(String raw) {
		return new Observation(Form.TEXT, raw);
	}

	public boolean hasSco() {
		return form.scoType != null;
	}

	/**
	 * The STIX pattern that matches this value: one comparison, such as ipv4-addr:value
	 * equal to '198.51.100.3', in square brackets.
	 */
	public String pattern() {
		if (form.scoType == null || form.path == null) {
			throw new IllegalStateException(form + " has no STIX pattern");
		}
		return "[" + form.scoType + ":" + form.path + " = " + literal(value) + "]";
	}

	/**
	 * The id STIX prescribes for its cyber-observable, the same for every producer that
	 * sees the value.
	 */
	public String scoId() {
		String type = form.scoType;
		if (type == null) {
			throw new IllegalStateException(form + " has no cyber-observable");
		}
		if ("file".equals(type)) {
			return Ids.sco(type, "{\"hashes\":" + Ids.canonical(form.hashName(), value) + "}");
		}
		return Ids.sco(type, Ids.canonical("value", value));
	}

	/**
	 * A STIX patterning string literal: single quotes, with a quote or a backslash inside
	 * escaped by a backslash, the only two escapes the grammar knows.
	 */
	public static String literal(String value) {
		StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\'' || c == '\\') {
				out.append('\\');
			}
			out.append(c);
		}
		return out.append('\'').toString();
	}

}
