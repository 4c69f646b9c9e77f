package vn.khien.inventory;

/**
 * Who monitors and protects a system: nobody yet, the province's SOC, or an external
 * organisation.
 */
public enum MonitoringKind {

	NONE, PROVINCIAL_SOC, ORGANISATION

}
