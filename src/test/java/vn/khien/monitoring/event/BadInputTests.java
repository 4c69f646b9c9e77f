package vn.khien.monitoring.event;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gives an error for its line or a note, never an exception, and what follows
 * still decodes.
 */
class BadInputTests {

	private final EventDecoder decoder = Collected.decoder();

	@Test
	void eveBrokenKeepsEveryGoodLineAndNamesEachBadOne() {
		Collected c = Collected.json(this.decoder,
				Collected.resources().resolve("suricata-eve/surevego/eve_broken.json"));
		assertThat(c.events).hasSize(263);
		assertThat(c.events).allSatisfy((e) -> assertThat(e.shape()).isEqualTo(EventShape.SURICATA_EVE));
		assertThat(c.errors).extracting(DecodeError::line).containsExactly(1L, 4L, 5L, 104L, 160L, 270L);
		assertThat(c.errors).extracting(DecodeError::reason).containsOnly(DecodeError.Reason.MALFORMED_JSON);
		DecodedEvent badTime = c.events.get(0);
		assertThat(badTime.line()).isEqualTo(2);
		assertThat(badTime.notes()).containsExactly(EventNote.TIMESTAMP_UNPARSEABLE);
		assertThat(badTime.timeSource()).isEqualTo(DecodedEvent.TimeSource.RECEIVED);
		assertThat(badTime.timestamp()).isEqualTo(Collected.RECEIVED);
		assertThat(c.stats.events()).isEqualTo(263);
		assertThat(c.stats.errors(DecodeError.Reason.MALFORMED_JSON)).isEqualTo(6);
		assertThat(c.stats.notes(EventNote.TIMESTAMP_UNPARSEABLE)).isEqualTo(1);
	}

	@Test
	void truncatedObjectsAreErrorsAtTheirFirstLine() {
		Collected c = json("""
				{"event_type":"dns","src_ip":"10.0.0.1","dns":{"rrname":"cut
				{"event_type":"dns","src_ip":"10.0.0.2"
				{"event_type":"dns","src_ip":"10.0.0.3"}
				{"event_type":"dns",
				""");
		assertThat(c.events).extracting((e) -> e.field("src_ip")).containsExactly("10.0.0.3");
		assertThat(c.errors).extracting(DecodeError::line).containsExactly(1L, 2L, 4L);
		assertThat(c.errors).extracting(DecodeError::reason).containsOnly(DecodeError.Reason.TRUNCATED_JSON);
	}

	@Test
	void nonObjectJsonIsNamedAsSuch() {
		Collected c = json("[1,2,3]\n\"text\"\n42\n{\"a\":1}\nnull\n");
		assertThat(c.errors).extracting(DecodeError::reason).containsOnly(DecodeError.Reason.NOT_AN_OBJECT);
		assertThat(c.errors).extracting(DecodeError::line).containsExactly(1L, 2L, 3L, 5L);
		assertThat(c.events).hasSize(1);
	}

	@Test
	void unknownShapeIsKeptAsAGenericEvent() {
		Collected c = json(
				"{\"ts\":1700000000.5,\"id.orig_h\":\"10.0.0.5\",\"query\":\"example.org\",\"nested\":{\"a\":[1,2]}}");
		DecodedEvent e = c.events.get(0);
		assertThat(e.shape()).isEqualTo(EventShape.GENERIC_JSON);
		assertThat(e.notes()).containsExactly(EventNote.UNKNOWN_SHAPE);
		assertThat(e.field("nested.a")).isEqualTo(List.of(1L, 2L));
		assertThat(e.addresses()).containsExactly("10.0.0.5");
		assertThat(e.timestamp()).hasToString("2023-11-14T22:13:20.500Z");
	}

	@Test
	void invalidUtf8InJsonIsAnErrorAndInTextANote() {
		byte[] json = concat("{\"a\":\"ok\"}\n{\"a\":\"bad ".getBytes(StandardCharsets.US_ASCII),
				new byte[] { (byte) 0xC3, 0x28 }, "\"}\n{\"a\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.UTF_8));
		Collected c = new Collected();
		this.decoder.decodeJson(new ByteArrayInputStream(json), c);
		assertThat(c.errors).extracting(DecodeError::reason).containsExactly(DecodeError.Reason.INVALID_UTF8);
		assertThat(c.errors).extracting(DecodeError::line).containsExactly(2L);
		assertThat(c.events).extracting((e) -> e.field("a")).containsExactly("ok", "caf\u00e9");

		// Windows-1258 text from a legacy device: kept, every byte, and noted
		byte[] text = concat("<13>Oct 11 22:14:15 host app: Tr".getBytes(StandardCharsets.US_ASCII),
				new byte[] { (byte) 0xF2, (byte) 0xEC }, "ng".getBytes(StandardCharsets.US_ASCII));
		Collected t = new Collected();
		this.decoder.decodeMessage(text, null, t);
		assertThat(t.events.get(0).notes()).containsExactly(EventNote.NOT_UTF8);
		assertThat(t.events.get(0).original().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(text);
	}

	@Test
	void oversizeObjectsAndMessagesAreRefusedAndTheNextOnesStillDecode() {
		EventDecoder small = new EventDecoder(Collected.decoder().settings().withLimits(64, 128));
		String big = "{\"a\":\"" + "x".repeat(200) + "\"}";
		Collected c = new Collected();
		small.decodeJson(
				new ByteArrayInputStream((big + "\n{\"b\":1}\n" + big + "\n").getBytes(StandardCharsets.US_ASCII)), c);
		assertThat(c.errors).extracting(DecodeError::reason)
			.containsExactly(DecodeError.Reason.OVERSIZE, DecodeError.Reason.OVERSIZE);
		assertThat(c.errors).extracting(DecodeError::line).containsExactly(1L, 3L);
		assertThat(c.events).hasSize(1);

		Collected lines = new Collected();
		String longLine = "<13>Oct 11 22:14:15 host app: " + "y".repeat(100);
		small.decodeLines(
				new ByteArrayInputStream(
						(longLine + "\n<13>Oct 11 22:14:15 host app: short\n").getBytes(StandardCharsets.US_ASCII)),
				lines);
		assertThat(lines.errors).extracting(DecodeError::reason).containsExactly(DecodeError.Reason.OVERSIZE);
		assertThat(lines.events).extracting(DecodedEvent::message).containsExactly("short");
	}

	@Test
	void tooDeepJsonIsRefused() {
		Collected c = json("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}\n{\"b\":1}");
		assertThat(c.errors).extracting(DecodeError::reason).containsExactly(DecodeError.Reason.OVERSIZE);
		assertThat(c.events).hasSize(1);
	}

	@Test
	void concatenatedPrettyPrintedObjectsAndABomAreRead() {
		Collected c = json("\uFEFF{\n  \"a\": {\n    \"b\": \"}{\"\n  }\n}{\"c\": 2}\n\n{\n  \"d\": \"\\\"\"\n}");
		assertThat(c.errors).isEmpty();
		assertThat(c.events).extracting(DecodedEvent::line).containsExactly(1L, 5L, 7L);
		assertThat(c.events.get(0).field("a.b")).isEqualTo("}{");
		assertThat(c.events.get(2).field("d")).isEqualTo("\"");
	}

	@Test
	void linesWithJsonAndGarbageAndBlanks() {
		Collected c = new Collected();
		this.decoder.decodeLines(new ByteArrayInputStream(
				"\r\n{\"event_type\":\"dns\",\"src_ip\":\"1.1.1.1\"}\r\n{\"broken\"\r\njust words\r\n"
					.getBytes(StandardCharsets.US_ASCII)),
				c);
		assertThat(c.events).extracting(DecodedEvent::shape)
			.containsExactly(EventShape.SURICATA_EVE, EventShape.GENERIC_TEXT);
		assertThat(c.errors).extracting(DecodeError::line).containsExactly(3L);
		assertThat(c.errors).extracting(DecodeError::reason).containsExactly(DecodeError.Reason.MALFORMED_JSON);
	}

	@Test
	void randomBytesNeverThrow() {
		java.util.Random random = new java.util.Random(42);
		for (int round = 0; round < 300; round++) {
			byte[] bytes = new byte[random.nextInt(400)];
			random.nextBytes(bytes);
			if (round % 3 == 0 && bytes.length > 0) {
				bytes[0] = '{';
			}
			Collected c = new Collected();
			this.decoder.decodeJson(new ByteArrayInputStream(bytes), c);
			this.decoder.decodeLines(new ByteArrayInputStream(bytes), c);
			this.decoder.decodeMessage(bytes, null, c);
			assertThat(c.events.size() + c.errors.size()).isPositive();
		}
	}

	private Collected json(String text) {
		Collected c = new Collected();
		c.stats = this.decoder.decodeJson(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), c);
		return c;
	}

	private static byte[] concat(byte[]... parts) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
