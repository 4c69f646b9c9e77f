package vn.khien.registry;

public enum AgencyStatus {

	ACTIVE, INACTIVE, MERGED, SPLIT;

	public boolean current() {
		return this == ACTIVE;
	}

}
