package vn.khien.monitoring.syslog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Rfc6587FramerTests {

	private static List<String> frames(Rfc6587Framer framer, ByteBuf in) {
		List<String> texts = new ArrayList<>();
		byte[] frame;
		while ((frame = framer.next(in)) != null) {
			texts.add(new String(frame, StandardCharsets.UTF_8));
		}
		return texts;
	}

	private static ByteBuf bytes(String text) {
		return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
	}

	@Test
	void eachFrameChoosesItsFramingByItsFirstByte() {
		Rfc6587Framer framer = new Rfc6587Framer(1024);
		ByteBuf in = bytes("<1>a\n3 <2>4 <3>\n\n<4>b\r\n<5>c\0\0<6>d");
		assertThat(frames(framer, in)).containsExactly("<1>a", "<2>", "<3>\n", "<4>b", "<5>c");
		assertThat(in.readableBytes()).isEqualTo(4);
		assertThat(framer.rest(in)).asString(StandardCharsets.UTF_8).isEqualTo("<6>d");
	}

	@Test
	void anIncompleteFrameWaitsForMoreBytes() {
		Rfc6587Framer framer = new Rfc6587Framer(1024);
		ByteBuf in = Unpooled.buffer();
		in.writeBytes("1".getBytes(StandardCharsets.US_ASCII));
		assertThat(framer.next(in)).isNull();
		in.writeBytes("2 <13>hel".getBytes(StandardCharsets.US_ASCII));
		assertThat(framer.next(in)).isNull();
		in.writeBytes("lo w".getBytes(StandardCharsets.US_ASCII));
		assertThat(framer.next(in)).isNull();
		in.writeBytes("o<13>line\r".getBytes(StandardCharsets.US_ASCII));
		assertThat(frames(framer, in)).containsExactly("<13>hello wo");
		in.writeBytes("\n".getBytes(StandardCharsets.US_ASCII));
		assertThat(frames(framer, in)).containsExactly("<13>line");
		assertThat(framer.between(in)).isTrue();
	}

	@Test
	void anOversizeLineIsDiscardedToItsTrailerAcrossReads() {
		Rfc6587Framer framer = new Rfc6587Framer(480);
		ByteBuf in = bytes("<13>" + "a".repeat(600));
		assertThat(framer.next(in)).isNull();
		assertThat(framer.oversize()).isEqualTo(1);
		assertThat(in.isReadable()).isFalse();
		in.writeBytes(("b".repeat(1000) + "\n<13>next\n").getBytes(StandardCharsets.US_ASCII));
		assertThat(frames(framer, in)).containsExactly("<13>next");
		assertThat(framer.oversize()).isEqualTo(1);
	}

	@Test
	void anOversizeCountedFrameIsSkippedByItsCount() {
		Rfc6587Framer framer = new Rfc6587Framer(480);
		ByteBuf in = bytes("1000 " + "\n".repeat(700));
		assertThat(frames(framer, in)).isEmpty();
		assertThat(framer.between(in)).isFalse();
		in.writeBytes(("\n".repeat(300) + "6 <13>ok").getBytes(StandardCharsets.US_ASCII));
		assertThat(frames(framer, in)).containsExactly("<13>ok");
		assertThat(framer.oversize()).isEqualTo(1);
	}

	@Test
	void aLineOfExactlyTheMaximumIsKeptWithItsCrlf() {
		Rfc6587Framer framer = new Rfc6587Framer(480);
		String max = "<1>" + "m".repeat(477);
		ByteBuf in = bytes(max + "\r");
		assertThat(framer.next(in)).isNull();
		in.writeBytes("\n".getBytes(StandardCharsets.US_ASCII));
		assertThat(frames(framer, in)).containsExactly(max);
		assertThat(framer.oversize()).isZero();
	}

	@Test
	void badCountsAreRefusedWithAnExcerpt() {
		for (String bad : List.of("12x <13>", "012 <13>abc", "12345678901 x", "7\n<13>")) {
			assertThatThrownBy(() -> new Rfc6587Framer(1024).next(bytes(bad)))
				.isInstanceOf(Rfc6587Framer.BadFrameException.class)
				.satisfies(ex -> assertThat(((Rfc6587Framer.BadFrameException) ex).excerpt())
					.isEqualTo(bad.replace('\n', '.')));
		}
	}

	@Test
	void aCountedFrameCutByTheEndOfItsConnectionIsBad() {
		Rfc6587Framer framer = new Rfc6587Framer(1024);
		ByteBuf in = bytes("20 <13>short");
		assertThat(framer.next(in)).isNull();
		assertThatThrownBy(() -> framer.rest(in)).isInstanceOf(Rfc6587Framer.BadFrameException.class)
			.hasMessageContaining("cut short");
	}

}
