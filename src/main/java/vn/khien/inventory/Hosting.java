package vn.khien.inventory;

/** Where an information system runs. */
public enum Hosting {

	OWN_PREMISES, PROVINCIAL_DATA_CENTRE, CLOUD

}
