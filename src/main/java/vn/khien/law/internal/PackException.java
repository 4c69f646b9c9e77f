package vn.khien.law.internal;

import java.util.List;

import vn.khien.law.PackRefusal;

/** A pack file that cannot be loaded, with the line at fault. */
public class PackException extends RuntimeException {

	private final PackRefusal refusal;

	public PackException(String file, int line, String messageKey, Object... args) {
		super(file + ":" + line + ": " + messageKey + " " + List.of(args));
		this.refusal = new PackRefusal(file, line, messageKey, List.of(args));
	}

	public PackRefusal refusal() {
		return refusal;
	}

}
