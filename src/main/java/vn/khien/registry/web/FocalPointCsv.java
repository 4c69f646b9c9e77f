package vn.khien.registry.web;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;
import vn.khien.platform.CsvExport;
import vn.khien.registry.FocalPoint;
import vn.khien.registry.FocalPointDuty;
import vn.khien.registry.FocalPoints;

/** The focal-point list as the user filtered and sorted it, as CSV. */
@Component
class FocalPointCsv {

	private static final List<String> COLUMNS = List.of("agency.code", "focalPoint.agency", "focalPoint.duty",
			"focalPoint.name", "focalPoint.title", "focalPoint.phone", "focalPoint.email", "focalPoint.outOfHours",
			"focalPoint.primary", "focalPoint.confirmedOn");

	private final FocalPoints focalPoints;

	private final MessageSource messages;

	FocalPointCsv(FocalPoints focalPoints, MessageSource messages) {
		this.focalPoints = focalPoints;
		this.messages = messages;
	}

	void write(@Nullable String q, @Nullable FocalPointDuty duty, @Nullable String sort, Locale locale,
			HttpServletResponse response) {
		var filter = new FocalPoints.Filter(null, duty, q);
		CsvExport.pages(response, "focal-points.csv",
				COLUMNS.stream().map(c -> messages.getMessage(c, null, c, locale)).toList(), sort,
				page -> focalPoints.list(filter, page),
				(FocalPoint f) -> new Object[] { f.agencyCode(), f.agencyName(),
						messages.getMessage("duty." + f.duty().name(), null, f.duty().name(), locale), f.name(),
						f.title(), f.phone(), f.email(), f.outOfHours(), f.primary(), f.confirmedOn() });
	}

}
