package vn.khien.monitoring.sharing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.khien.platform.stix.Tlp;

/**
 * The alerts collection as a TAXII server pages it: the SOC's identity and the marking
 * definitions first, then each alert's objects in the order the alerts were published,
 * only alerts at or below the client's TLP. A page ends after {@code limit} objects, even
 * within an alert; {@code next} says where the following one starts.
 */
@Component
class TaxiiObjects {

	/** TAXII asks for the time an object was added to the microsecond. */
	static final DateTimeFormatter ADDED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	/** The SOC's identity and the markings were in the collection from its start. */
	static final Instant COMMON_ADDED = AlertStix.IDENTITY_TIME;

	private static final int BATCH = 100;

	private final AlertSharing sharing;

	private final JsonMapper json;

	private final SharingSettings settings;

	TaxiiObjects(AlertSharing sharing, JsonMapper json, SharingSettings settings) {
		this.sharing = sharing;
		this.json = json;
		this.settings = settings;
	}

	/** An object with the time it was added to the collection. */
	record Added(ObjectNode object, Instant addedAt) {
	}

	/** A page: its objects, whether more follow, and where the next page starts. */
	record Page(List<Added> objects, boolean more, @Nullable String next) {
	}

	/** A {@code next} that is not one this server gave. */
	static final class BadCursor extends RuntimeException {

		BadCursor() {
			super("not a next value of this server");
		}

	}

	Page page(Tlp max, @Nullable Instant addedAfter, @Nullable String next, int limit, Predicate<ObjectNode> match) {
		AlertSharing.Position from = next == null ? null : decode(next);
		AlertStix stix = new AlertStix(json, settings.producerName());
		List<Added> found = new ArrayList<>();
		AlertSharing.Position stop = null;

		if ((from == null || from.alertId() == 0) && (addedAfter == null || COMMON_ADDED.isAfter(addedAfter))) {
			List<ObjectNode> common = stix.common(max);
			for (int i = from == null ? 0 : from.index(); i < common.size() && stop == null; i++) {
				if (match.test(common.get(i))) {
					if (found.size() == limit) {
						stop = new AlertSharing.Position(COMMON_ADDED, 0, i);
					}
					else {
						found.add(new Added(common.get(i), COMMON_ADDED));
					}
				}
			}
		}
		Set<Tlp> labels = EnumSet.noneOf(Tlp.class);
		for (Tlp tlp : Tlp.values()) {
			if (tlp.compareTo(max) <= 0) {
				labels.add(tlp);
			}
		}
		AlertSharing.Position cursor = from == null || from.alertId() == 0 ? null : from;
		while (stop == null) {
			List<SharedAlert> alerts = sharing.published(labels, addedAfter, cursor, BATCH);
			for (SharedAlert alert : alerts) {
				List<ObjectNode> objects = stix.objects(alert);
				int start = cursor != null && cursor.alertId() == alert.id() && cursor.index() > 0 ? cursor.index() : 0;
				for (int i = start; i < objects.size() && stop == null; i++) {
					if (match.test(objects.get(i))) {
						if (found.size() == limit) {
							stop = new AlertSharing.Position(alert.addedAt(), alert.id(), i);
						}
						else {
							found.add(new Added(objects.get(i), alert.addedAt()));
						}
					}
				}
				if (stop != null) {
					break;
				}
			}
			if (alerts.size() < BATCH || stop != null) {
				break;
			}
			SharedAlert last = alerts.get(alerts.size() - 1);
			// NB: the next batch starts after the last alert read, which was read whole
			cursor = new AlertSharing.Position(last.addedAt(), last.id() + 1, 0);
		}
		return new Page(found, stop != null, stop == null ? null : encode(stop));
	}

	static String encode(AlertSharing.Position position) {
		Instant at = position.addedAt();
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
		String text = "1:" + micros + ":" + position.alertId() + ":" + position.index();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
	}

	static AlertSharing.Position decode(String next) {
		try {
			if (next.length() > 200) {
				throw new BadCursor();
			}
			String[] parts = new String(Base64.getUrlDecoder().decode(next), StandardCharsets.US_ASCII).split(":");
			if (parts.length != 4 || !parts[0].equals("1")) {
				throw new BadCursor();
			}
			long micros = Long.parseLong(parts[1]);
			long alertId = Long.parseLong(parts[2]);
			int index = Integer.parseInt(parts[3]);
			if (alertId < 0 || index < 0) {
				throw new BadCursor();
			}
			return new AlertSharing.Position(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), alertId, index);
		}
		catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException ex) {
			throw new BadCursor();
		}
	}

}
