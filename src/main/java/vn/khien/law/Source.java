package vn.khien.law;

import org.jspecify.annotations.Nullable;

/**
 * Where a value of a pack comes from: the document and its article, how sure the source
 * is, and a note (why it is not yet sourced, what reading was taken).
 */
public record Source(@Nullable String document, @Nullable String article, Status status, @Nullable String note) {

	public enum Status {

		/** Read in the legal text itself. */
		CONFIRMED,
		/** Read only in a news or summary page. */
		SECONDARY,
		/** Not verified: shown as such, never applied as if it were the law. */
		NOT_YET_SOURCED

	}

	/**
	 * The article and its document (Điều 9 khoản 2 điểm c, 85/2016/NĐ-CP), or the
	 * document alone.
	 */
	public String citation() {
		if (document == null) {
			return article == null ? "" : article;
		}
		return article == null ? document : article + ", " + document;
	}

	public boolean sourced() {
		return status != Status.NOT_YET_SOURCED;
	}

}
