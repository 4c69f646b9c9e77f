package vn.khien.registry;

/** What an external organisation does for the province. */
public enum OrganisationKind {

	TELECOM_PROVIDER, SECURITY_PROVIDER, ASSESSOR, OTHER

}
