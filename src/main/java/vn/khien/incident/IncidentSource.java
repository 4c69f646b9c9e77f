package vn.khien.incident;

import java.util.Optional;

import vn.khien.platform.EnumCodes;

/**
 * Who reported an incident: a member of the public, an agency, a provider, a tool (a SOC
 * sensor or a service account), or the response team itself.
 */
public enum IncidentSource {

	PUBLIC, AGENCY, PROVIDER, TOOL, TEAM;

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return EnumCodes.code(this);
	}

	public static Optional<IncidentSource> of(String code) {
		return EnumCodes.of(IncidentSource.class, code);
	}

}
