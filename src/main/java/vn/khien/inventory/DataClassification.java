package vn.khien.inventory;

/**
 * Whether a system's data is public or for internal use; personal data and state secrets
 * are flagged apart.
 */
public enum DataClassification {

	PUBLIC, INTERNAL

}
