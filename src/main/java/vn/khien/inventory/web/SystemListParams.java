package vn.khien.inventory.web;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.Parameter;

import vn.khien.inventory.SystemLifecycle;
import vn.khien.inventory.Systems;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.registry.Agencies;

/**
 * The list's filters, paging and sorting as they appear in the URL, shared by the API,
 * the page and the export.
 */
public record SystemListParams(
		@Parameter(description = "Text in the system's name, code or purpose.") @Nullable String q,
		@Parameter(description = "Systems owned or used by this agency or one below it: its code or id; "
				+ "one unknown or out of scope is a 400.") @Nullable String agency,
		@Parameter(description = "Only systems at this stage of their life.") @Nullable SystemLifecycle lifecycle,
		@Parameter(description = "Only critical systems (true) or only the others (false).") @Nullable Boolean critical,
		@Parameter(
				description = "Only systems that handle personal data (true) or only the others (false).") @Nullable Boolean personalData,
		@Parameter(
				description = "Only systems holding state secrets of any grade (true) or none (false).") @Nullable Boolean stateSecret,
		@Parameter(
				description = "Only systems used by other agencies than their owner (true) or not (false).") @Nullable Boolean shared,
		@Parameter(
				description = "Only systems of this security level, 1 to 5: the approved level, else the proposed one.") @Nullable Integer level,
		@Parameter(
				description = "Only systems that use a foreign product where a domestic alternative is recorded.") @Nullable Boolean productWarning,
		@Parameter(description = "Only the systems in use (not retired) owned by `agency` or one below it, user "
				+ "agencies aside, whose security level is approved (true) or not yet (false): the lists behind "
				+ "the level approval rate.") @Nullable Boolean levelApproved,
		@Nullable Integer page, @Nullable Integer size,
		@Parameter(
				description = "`code` (the default), `name`, `lifecycle`, `level`, `critical`, `updated` or `users`; "
						+ "`-` before it for descending.") @Nullable String sort) {

	/**
	 * The filter, with {@code agency} (id or code) resolved in the user's scope: unknown
	 * or out of scope is refused alike.
	 */
	Systems.Filter filter(Agencies agencies) {
		Long agencyId = null;
		if (agency != null && !agency.isBlank()) {
			try {
				agencyId = agencies.resolve(agency).id();
			}
			catch (NotFoundException ex) {
				throw new InvalidInputException("agency", "system.filter.agency.unknown", agency.trim());
			}
		}
		return new Systems.Filter(q, agencyId, lifecycle, critical, personalData, stateSecret, shared, level,
				productWarning, levelApproved);
	}

	PageQuery pageQuery() {
		return PageQuery.of(page, size, sort);
	}

}
