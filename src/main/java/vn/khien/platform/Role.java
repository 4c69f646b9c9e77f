package vn.khien.platform;

import java.util.EnumSet;
import java.util.Set;

public enum Role {

	ADMIN, PROVINCE_OPERATOR, POLICE, LEADERSHIP, AGENCY_OFFICER, RESPONDER, ASSESSOR, ORGANISATION;

	/** Roles that read agency-owned data of the whole province. */
	public static final Set<Role> PROVINCE_WIDE = EnumSet.of(ADMIN, PROVINCE_OPERATOR, POLICE, LEADERSHIP, RESPONDER);

	public String authority() {
		return "ROLE_" + name();
	}

}
