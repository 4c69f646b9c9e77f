package vn.khien.inventory;

/** Where an information system is in its life. */
public enum SystemLifecycle {

	PLANNED, BUILDING, OPERATING, RETIRED

}
