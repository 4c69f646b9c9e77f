package vn.khien.registry;

/**
 * What a focal point answers for: watching the agency's systems, or responding to
 * incidents.
 */
public enum FocalPointDuty {

	MONITORING, INCIDENT_RESPONSE

}
