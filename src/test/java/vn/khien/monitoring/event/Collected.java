package vn.khien.monitoring.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** A sink that keeps everything, and the tests' ways to reach sample files. */
final class Collected implements EventSink {

	static final Instant RECEIVED = Instant.parse("2026-03-01T00:00:00Z");

	final List<DecodedEvent> events = new ArrayList<>();

	final List<DecodeError> errors = new ArrayList<>();

	DecodeStats stats;

	@Override
	public void accept(DecodedEvent event) {
		this.events.add(event);
	}

	@Override
	public void reject(DecodeError error) {
		this.errors.add(error);
	}

	/** A decoder with a fixed receive time and UTC as the local zone. */
	static EventDecoder decoder() {
		return decoder(RECEIVED);
	}

	static EventDecoder decoder(Instant received) {
		return new EventDecoder(DecoderSettings.defaults()
			.withClock(Clock.fixed(received, ZoneOffset.UTC))
			.withLocalZone(ZoneOffset.UTC));
	}

	static Path resources() {
		return Paths.get("src/test/resources/events");
	}

	/** A copied sample, gunzipped when stored compressed. */
	static InputStream open(Path file) {
		try {
			InputStream in = Files.newInputStream(file);
			return file.toString().endsWith(".gz") ? new GZIPInputStream(in, 65536) : in;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Collected json(EventDecoder decoder, Path file) {
		Collected collected = new Collected();
		try (InputStream in = open(file)) {
			collected.stats = decoder.decodeJson(in, collected);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return collected;
	}

	static Collected lines(EventDecoder decoder, Path file) {
		Collected collected = new Collected();
		try (InputStream in = open(file)) {
			collected.stats = decoder.decodeLines(in, collected);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return collected;
	}

	static Collected message(EventDecoder decoder, String text) {
		Collected collected = new Collected();
		decoder.decodeMessage(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "192.0.2.9", collected);
		return collected;
	}

	/** The shared samples folder (../shared/samples/events) when this machine has it. */
	static Path shared() {
		String property = System.getProperty("khien.samples");
		if (property != null) {
			return Paths.get(property).resolve("events");
		}
		Path dir = Paths.get("").toAbsolutePath();
		while (dir != null) {
			Path candidate = dir.resolve("shared/samples/events");
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
			dir = dir.getParent();
		}
		return Paths.get("../shared/samples/events");
	}

}
