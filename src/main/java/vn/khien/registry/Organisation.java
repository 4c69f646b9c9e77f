package vn.khien.registry;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An external organisation: a telecom/Internet provider with its published
 * incident-reception contacts (hotline, email, web form), a security provider, an
 * independent assessor...
 */
public record Organisation(long id, OrganisationKind kind, String name, @Nullable String taxCode,
		@Nullable String address, @Nullable String website, @Nullable String hotline, @Nullable String email,
		@Nullable String reportUrl, OrganisationStatus status, List<OrganisationContact> contacts) {

	/** What a user may set on an organisation. */
	public record Details(OrganisationKind kind, String name, @Nullable String taxCode, @Nullable String address,
			@Nullable String website, @Nullable String hotline, @Nullable String email, @Nullable String reportUrl,
			OrganisationStatus status) {
	}
}
