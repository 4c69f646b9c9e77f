package vn.khien.monitoring.sigma;

/**
 * A refusal while reading one document, with the line it points at (1-based, 0 unknown).
 */
final class SigmaException extends RuntimeException {

	private final int line;

	SigmaException(int line, String message) {
		super(message, null, false, false);
		this.line = line;
	}

	int line() {
		return line;
	}

}
