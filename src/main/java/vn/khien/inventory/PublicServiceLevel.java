package vn.khien.inventory;

/**
 * How far a system offers online public services: none, partly online, or fully online
 * end to end.
 */
public enum PublicServiceLevel {

	NONE, PARTIAL, FULL

}
