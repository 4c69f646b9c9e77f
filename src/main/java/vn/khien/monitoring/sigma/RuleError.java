package vn.khien.monitoring.sigma;

/**
 * Why a document of a rules file was refused: the file, the line (1-based; 0 when the
 * problem is the file as a whole) and what is wrong.
 */
public record RuleError(String fileName, int line, String message) {

	@Override
	public String toString() {
		return fileName + ":" + line + ": " + message;
	}

}
