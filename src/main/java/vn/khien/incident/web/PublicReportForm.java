package vn.khien.incident.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.khien.incident.Incidents;

/**
 * What a member of the public sends, by the page or its JSON twin; {@code website} is a
 * field no person sees or fills (a honeypot), so a form that fills it was sent by a
 * robot.
 */
record PublicReportForm(@Nullable String description, @Nullable String happenedAt, @Nullable String url,
		@Nullable String domain, @Nullable String ip, @Nullable String phone, @Nullable String contact,
		@Nullable Boolean wantsReply, @Nullable String website) {

	boolean robot() {
		return website != null && !website.isBlank();
	}

	Incidents.PublicReport toReport(String original, List<Incidents.Attachment> attachments) {
		return new Incidents.PublicReport(IncidentForms.required(description, "description"),
				IncidentForms.optionalMoment(happenedAt, "happenedAt"), IncidentForms.blankToNull(url),
				IncidentForms.blankToNull(domain), IncidentForms.blankToNull(ip), IncidentForms.blankToNull(phone),
				IncidentForms.blankToNull(contact), Boolean.TRUE.equals(wantsReply), original, attachments);
	}

}
