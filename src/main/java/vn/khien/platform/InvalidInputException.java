package vn.khien.platform;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Input the domain refuses. Carries a message key from the bundles, so the API and the
 * pages can say it in the user's language; {@code field} names the form field when there
 * is one.
 */
public class InvalidInputException extends RuntimeException {

	private final String messageKey;

	private final List<Object> args;

	private final @Nullable String field;

	private final int status;

	public InvalidInputException(@Nullable String field, String messageKey, Object... args) {
		this(400, field, messageKey, args);
	}

	protected InvalidInputException(int status, @Nullable String field, String messageKey, Object... args) {
		super(messageKey);
		this.status = status;
		this.field = field;
		this.messageKey = messageKey;
		this.args = List.of(args);
	}

	/**
	 * The input is well-formed but clashes with what is stored (a duplicate code, a stale
	 * edit).
	 */
	public static InvalidInputException conflict(@Nullable String field, String messageKey, Object... args) {
		return new InvalidInputException(409, field, messageKey, args);
	}

	/** A refusal with another HTTP status, such as a failed sign-in (401). */
	public static InvalidInputException withStatus(int status, String messageKey, Object... args) {
		return new InvalidInputException(status, null, messageKey, args);
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args.toArray();
	}

	public @Nullable String field() {
		return field;
	}

	public int status() {
		return status;
	}

}
