package vn.khien.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Dates for pages, {@code ${@dates.dateTime(x)}}: dd/MM/yyyy HH:mm in the province's time
 * zone.
 */
@Component("dates")
public class Dates {

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZONE);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZONE);

	public String dateTime(@Nullable Instant t) {
		return t == null ? "" : DATE_TIME.format(t);
	}

	public String date(@Nullable Instant t) {
		return t == null ? "" : DATE.format(t);
	}

}
