package vn.khien.registry;

public enum OrganisationStatus {

	ACTIVE, INACTIVE

}
