package vn.khien.inventory.web;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;
import vn.khien.inventory.Coverage;
import vn.khien.platform.CsvExport;
import vn.khien.platform.Formats;

/** Coverage per agency and the hosts to protect, as the user filtered them, as CSV. */
@Component
class CoverageCsv {

	private static final List<String> AGENCY_COLUMNS = List.of("coverage.code", "coverage.agency", "coverage.inScope",
			"coverage.protected", "coverage.unprotected", "coverage.coverage", "coverage.coverageOwn");

	private static final List<String> HOST_COLUMNS = List.of("coverage.host.hostname", "coverage.host.addresses",
			"coverage.code", "coverage.agency", "coverage.host.kind", "coverage.host.product", "coverage.host.version",
			"coverage.host.running", "coverage.host.signatureDate", "coverage.host.lastCheckIn", "coverage.reason");

	private final Coverage coverage;

	private final MessageSource messages;

	CoverageCsv(Coverage coverage, MessageSource messages) {
		this.coverage = coverage;
		this.messages = messages;
	}

	void agencies(@Nullable String agency, boolean withHosts, @Nullable String sort, Locale locale,
			HttpServletResponse response) {
		CsvExport.pages(response, "coverage.csv", labels(AGENCY_COLUMNS, locale), sort,
				page -> coverage.overview(agency, withHosts, page).items(),
				(Coverage.AgencyCoverage a) -> new Object[] { a.agencyCode(), a.agencyName(), a.inScope(),
						a.protectedHosts(), a.unprotected(), Formats.percent(a.coverage(), locale),
						Formats.percent(a.coverageOwn(), locale) });
	}

	void hosts(@Nullable String agency, Coverage.Protection protection, Coverage.@Nullable Reason reason,
			@Nullable String sort, Locale locale, HttpServletResponse response) {
		CsvExport.pages(response, "hosts-to-protect.csv", labels(HOST_COLUMNS, locale), sort,
				page -> coverage.hosts(agency, protection, reason, page),
				(Coverage.UnprotectedHost h) -> new Object[] { h.hostname(), h.addresses(), h.agencyCode(),
						h.agencyName(), h.kind(), h.product(), h.productVersion(), h.running(), h.signatureDate(),
						h.lastCheckIn(), h.reason() == null ? label("coverage.protected", locale)
								: label("coverage.reason." + h.reason().name(), locale) });
	}

	private List<String> labels(List<String> keys, Locale locale) {
		return keys.stream().map(k -> label(k, locale)).toList();
	}

	private String label(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
