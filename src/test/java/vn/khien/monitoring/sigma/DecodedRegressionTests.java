package vn.khien.monitoring.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.khien.monitoring.event.DecodeError;
import vn.khien.monitoring.event.DecodedEvent;
import vn.khien.monitoring.event.EventDecoder;
import vn.khien.monitoring.event.EventSink;

/**
 * Every SigmaHQ regression case through what production runs: the files as evtx_dump
 * wrote them, read by the event decoder, matched by the detector compiled from all 399
 * rules; each case triggers the rule its info.yml names.
 */
class DecodedRegressionTests {

	private static final Pattern RULE_ID = Pattern.compile("rule_metadata:\\s*\\n\\s*- id: ([0-9a-f-]{36})");

	@Test
	void everyRegressionCaseDecodedTriggersItsRule() throws IOException {
		ParseResult parsed = Corpus.rules();
		Detector detector = Detector.compile(parsed.rules(), List.of());
		EventDecoder decoder = new EventDecoder();
		int cases = 0;
		List<String> missed = new ArrayList<>();
		for (Path info : Corpus.files(Corpus.REGRESSION, "info.yml")) {
			Matcher m = RULE_ID.matcher(Files.readString(info));
			if (!m.find()) {
				continue;
			}
			String rule = m.group(1);
			List<DecodedEvent> events = new ArrayList<>();
			for (Path json : Corpus.files(info.getParent(), ".json")) {
				try (InputStream in = Files.newInputStream(json)) {
					decoder.decodeJson(in, new EventSink() {
						@Override
						public void accept(DecodedEvent event) {
							events.add(event);
						}

						@Override
						public void reject(DecodeError error) {
							throw new AssertionError(json + ": " + error);
						}
					});
				}
			}
			if (events.isEmpty()) {
				continue;
			}
			cases++;
			boolean fired = events.stream()
				.flatMap(e -> detector.match(e, 1L).stream())
				.anyMatch(match -> rule.equals(match.rule().id()));
			if (!fired) {
				missed.add(info.getParent().getFileName() + " " + rule);
			}
		}
		assertThat(cases).isEqualTo(202);
		assertThat(missed).isEmpty();
	}

}
