package vn.khien.inventory;

/**
 * The order of the listeners of an agency merge that depend on each other: the hosts move
 * first, then the records kept of them (findings) follow the hosts where they went.
 */
public final class MergeOrder {

	public static final int HOSTS = 100;

	public static final int RECORDS_OF_HOSTS = 200;

	private MergeOrder() {
	}

}
