package vn.khien.monitoring.syslog;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocket;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyslogReceiversTests {

	private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

	private final List<SyslogReceivers> started = new ArrayList<>();

	@TempDir
	Path temp;

	@AfterEach
	void stopAll() {
		started.forEach(SyslogReceivers::stop);
	}

	private static SyslogSettings settings(@Nullable Integer udp, @Nullable Integer tcp, @Nullable Integer tls,
			SyslogSettings.@Nullable Tls keys, int maxBytes, int maxConnections, Duration idle, Duration drain) {
		return new SyslogSettings(udp, tcp, tls, "127.0.0.1", keys, DataSize.ofBytes(maxBytes), maxConnections, idle,
				null, drain);
	}

	private SyslogReceivers start(SyslogSettings settings, SyslogSink sink) {
		SyslogReceivers receivers = new SyslogReceivers(settings, sink, null);
		receivers.start();
		started.add(receivers);
		return receivers;
	}

	private SyslogReceivers startTcpAndUdp(SyslogSink sink) {
		return start(settings(0, 0, null, null, 65536, 100, Duration.ofMinutes(5), Duration.ofSeconds(10)), sink);
	}

	private static int port(SyslogReceivers receivers, Transport transport) {
		return receivers.port(transport).orElseThrow();
	}

	private static Socket connect(SyslogReceivers receivers) throws IOException {
		Socket socket = new Socket(LOOPBACK, port(receivers, Transport.TCP));
		socket.setSoTimeout(20_000);
		return socket;
	}

	private static void write(Socket socket, String text) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static void awaitCounters(SyslogReceivers receivers, Transport transport,
			java.util.function.Predicate<SyslogCounters> condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (!condition.test(receivers.counters(transport))) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("counters never got there: " + receivers.counters(transport));
			}
			Thread.sleep(5);
		}
	}

	/** Reads until the server closes: -1, or a reset. */
	private static boolean closedByServer(Socket socket) throws IOException {
		try {
			return socket.getInputStream().read() == -1;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	@Test
	void udpDatagramIsOneMessageWithoutItsTrailingNewline() throws Exception {
		TestSink sink = new TestSink(100);
		SyslogReceivers receivers = startTcpAndUdp(sink);
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
			for (String text : List.of("<34>1 2026-12-01T10:00:00Z host app - - - first", "<13>second\n",
					"<13>third\r\n")) {
				byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
				socket.send(new DatagramPacket(bytes, bytes.length, LOOPBACK, port(receivers, Transport.UDP)));
			}
			SyslogMessage first = sink.next();
			assertThat(first.text()).isEqualTo("<34>1 2026-12-01T10:00:00Z host app - - - first");
			assertThat(first.transport()).isEqualTo(Transport.UDP);
			assertThat(first.peer().getPort()).isEqualTo(socket.getLocalPort());
			assertThat(sink.take(2)).containsExactly("<13>second", "<13>third");
		}
		awaitCounters(receivers, Transport.UDP, c -> c.received() == 3);
	}

	@Test
	void tcpFramesEndedByLfCrlfOrNulArrive() throws Exception {
		TestSink sink = new TestSink(100);
		SyslogReceivers receivers = startTcpAndUdp(sink);
		try (Socket socket = connect(receivers)) {
			write(socket, "<13>one\n<13>two\r\n<13>three\0<13>four\n\n\r\n<13>five\n");
			assertThat(sink.take(5)).containsExactly("<13>one", "<13>two", "<13>three", "<13>four", "<13>five");
		}
		awaitCounters(receivers, Transport.TCP, c -> c.received() == 5);
		assertThat(receivers.counters(Transport.TCP).badFrame()).isZero();
	}

	@Test
	void octetCountedFramesMayHoldNewlines() throws Exception {
		TestSink sink = new TestSink(100);
		SyslogReceivers receivers = startTcpAndUdp(sink);
		try (Socket socket = connect(receivers)) {
			write(socket, "10 <13>a\nb\r\nc4 <1>x8 <13>tail");
			assertThat(sink.take(3)).containsExactly("<13>a\nb\r\nc", "<1>x", "<13>tail");
		}
	}

	@Test
	void mixedFramesSplitAcrossWritesAndManyPerWrite() throws Exception {
		TestSink sink = new TestSink(10_000);
		SyslogReceivers receivers = startTcpAndUdp(sink);
		StringBuilder stream = new StringBuilder();
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			String message = "<134>1 2026-12-01T10:00:00.000Z fw" + i + " kernel - - - message " + i + " ✓ Khiên";
			expected.add(message);
			switch (i % 4) {
				case 0 -> stream.append(message).append('\n');
				case 1 -> stream.append(message).append("\r\n");
				case 2 -> stream.append(message).append('\0');
				default -> stream.append(message.getBytes(StandardCharsets.UTF_8).length).append(' ').append(message);
			}
		}
		byte[] bytes = stream.toString().getBytes(StandardCharsets.UTF_8);
		try (Socket socket = connect(receivers)) {
			socket.setTcpNoDelay(true);
			OutputStream out = socket.getOutputStream();
			// byte by byte for the first frames (every split point), then pieces of
			// growing size, then the rest at once
			int at = 0;
			for (; at < 400; at++) {
				out.write(bytes[at]);
				out.flush();
			}
			for (int size = 1; at + size < bytes.length / 2; size += 7) {
				out.write(bytes, at, size);
				out.flush();
				at += size;
			}
			out.write(bytes, at, bytes.length - at);
			out.flush();
			assertThat(sink.take(300)).containsExactlyElementsOf(expected);
		}
		assertThat(receivers.counters(Transport.TCP).badFrame()).isZero();
	}

	@Test
	void tlsCarriesTheSameFraming() throws Exception {
		TestKeys keys = TestKeys.generate(temp);
		TestSink sink = new TestSink(100);
		SyslogReceivers receivers = start(settings(null, null, 0,
				new SyslogSettings.Tls(keys.keyStore.toString(), TestKeys.PASSWORD, "PKCS12", null), 65536, 100,
				Duration.ofMinutes(5), Duration.ofSeconds(10)), sink);
		assertThat(receivers.port(Transport.TCP)).isEmpty();
		try (SSLSocket socket = (SSLSocket) keys.clientContext()
			.getSocketFactory()
			.createSocket(LOOPBACK, port(receivers, Transport.TLS))) {
			socket.setSoTimeout(20_000);
			socket.startHandshake();
			write(socket, "<13>over tls\n11 <13>counted");
			write(socket, "16 <13>split acr");
			write(socket, "oss\n<13>last\r\n");
			assertThat(sink.take(4)).containsExactly("<13>over tls", "<13>counted", "<13>split across", "<13>last");
			assertThat(sink.queue).isEmpty();
		}
		SyslogMessage none = sink.queue.poll();
		assertThat(none).isNull();
		awaitCounters(receivers, Transport.TLS, c -> c.received() == 4);
	}

	@Test
	void aClientThatDoesNotSpeakTlsIsClosedAndCounted() throws Exception {
		TestKeys keys = TestKeys.generate(temp);
		TestSink sink = new TestSink(100);
		SyslogReceivers receivers = start(
				settings(null, null, 0, new SyslogSettings.Tls(keys.keyStore.toString(), TestKeys.PASSWORD, null, null),
						65536, 100, Duration.ofMinutes(5), Duration.ofSeconds(10)),
				sink);
		try (Socket socket = new Socket(LOOPBACK, port(receivers, Transport.TLS))) {
			socket.setSoTimeout(20_000);
			write(socket, "<13>plain text on the TLS port\n");
			assertThat(closedByServer(socket)).isTrue();
		}
		awaitCounters(receivers, Transport.TLS, c -> c.errors() == 1 && c.connectionsOpen() == 0);
		assertThat(sink.queue).isEmpty();
	}

	@Test
	void aWrongKeyStorePasswordFailsTheStartWithoutShowingIt() throws Exception {
		TestKeys keys = TestKeys.generate(temp);
		SyslogReceivers receivers = new SyslogReceivers(
				settings(null, 0, 0, new SyslogSettings.Tls(keys.keyStore.toString(), "wrong-secret-42", null, null),
						65536, 100, Duration.ofMinutes(5), Duration.ofSeconds(10)),
				new TestSink(1), null);
		assertThatThrownBy(receivers::start).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("syslog-test.p12")
			.message()
			.doesNotContain("wrong-secret-42");
		assertThat(receivers.isRunning()).isFalse();
		assertThat(receivers.port(Transport.TCP)).isEmpty();
		assertThat(new SyslogSettings.Tls("x.p12", "wrong-secret-42", null, null).toString())
			.doesNotContain("wrong-secret-42");
	}

	@Test
	void oversizeFramesAreCountedAndTheNextFrameStillArrives() throws Exception {
		TestSink sink = new TestSink(100);
		SyslogReceivers receivers = start(
				settings(0, 0, null, null, 1024, 100, Duration.ofMinutes(5), Duration.ofSeconds(10)), sink);
		String big = "<13>" + "x".repeat(5000);
		try (Socket socket = connect(receivers)) {
			write(socket, big + "\n<13>after the long line\n");
			write(socket, "5004 " + big + "<13>after the long count\n");
			// exactly the maximum is kept, with a CRLF after it
			String max = "<13>" + "y".repeat(1020);
			write(socket, max + "\r\n1024 " + max);
			// the long line arrives in pieces, and its end in the same write as the next
			// frame
			write(socket, big.substring(0, 1500));
			write(socket, big.substring(1500) + "\r\n<13>after the split line\n");
			assertThat(sink.take(5)).containsExactly("<13>after the long line", "<13>after the long count", max, max,
					"<13>after the split line");
		}
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
			byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
			socket.send(new DatagramPacket(bytes, bytes.length, LOOPBACK, port(receivers, Transport.UDP)));
			byte[] small = "<13>small".getBytes(StandardCharsets.UTF_8);
			socket.send(new DatagramPacket(small, small.length, LOOPBACK, port(receivers, Transport.UDP)));
			assertThat(sink.take(1)).containsExactly("<13>small");
		}
		assertThat(receivers.counters(Transport.TCP).oversize()).isEqualTo(3);
		assertThat(receivers.counters(Transport.TCP).badFrame()).isZero();
		assertThat(receivers.counters(Transport.UDP).oversize()).isEqualTo(1);
	}

	@Test
	void aGarbageLengthClosesOnlyThatConnection() throws Exception {
		TestSink sink = new TestSink(100);
		SyslogReceivers receivers = startTcpAndUdp(sink);
		try (Socket good = connect(receivers); Socket bad = connect(receivers)) {
			write(good, "<13>before\n");
			assertThat(sink.take(1)).containsExactly("<13>before");
			write(bad, "12x <13>not a count\n<13>never read\n");
			assertThat(closedByServer(bad)).isTrue();
			write(good, "<13>after\n");
			assertThat(sink.take(1)).containsExactly("<13>after");
			try (Socket zero = connect(receivers)) {
				write(zero, "05 <13>x\n");
				assertThat(closedByServer(zero)).isTrue();
			}
			try (Socket huge = connect(receivers)) {
				write(huge, "99999999999 <13>x\n");
				assertThat(closedByServer(huge)).isTrue();
			}
			write(good, "<13>still here\n");
			assertThat(sink.take(1)).containsExactly("<13>still here");
		}
		assertThat(sink.queue).isEmpty();
		awaitCounters(receivers, Transport.TCP, c -> c.connectionsOpen() == 0 && c.received() == 3);
		assertThat(receivers.counters(Transport.TCP).badFrame()).isEqualTo(3);
	}

	@Test
	void theLastMessageOfAClosedConnectionArrivesWithoutItsTrailer() throws Exception {
		TestSink sink = new TestSink(100);
		SyslogReceivers receivers = startTcpAndUdp(sink);
		try (Socket socket = connect(receivers)) {
			write(socket, "<13>first\n<13>no newline at the end");
		}
		assertThat(sink.take(2)).containsExactly("<13>first", "<13>no newline at the end");
		try (Socket socket = connect(receivers)) {
			write(socket, "30 <13>cut short");
		}
		awaitCounters(receivers, Transport.TCP, c -> c.badFrame() == 1 && c.connectionsOpen() == 0);
		assertThat(sink.queue).isEmpty();
	}

	@Test
	void aFullSinkSlowsTcpSendersAndLosesNothingWhileUdpDropsAreCounted() throws Exception {
		TestSink sink = new TestSink(50);
		SyslogReceivers receivers = startTcpAndUdp(sink);
		int count = 20_000;
		List<String> expected = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			expected.add("<134>1 2026-12-01T10:00:00Z fw01 filterlog - - - " + i + " block in on em0 "
					+ "p".repeat(i % 150));
		}
		// the sender writes everything at once; the pipeline takes 50 and nothing more
		// until the test drains it
		Thread sender = new Thread(() -> {
			try (Socket socket = connect(receivers)) {
				OutputStream out = socket.getOutputStream();
				StringBuilder chunk = new StringBuilder();
				for (String message : expected) {
					chunk.append(message).append('\n');
					if (chunk.length() > 16_000) {
						out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
						chunk.setLength(0);
					}
				}
				out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		sender.start();
		awaitCounters(receivers, Transport.TCP, c -> c.pauses() > 0);
		assertThat(sink.queue.remainingCapacity()).isZero();

		// UDP meanwhile: the full pipeline cannot take a datagram, each is dropped and
		// counted
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
			for (int i = 0; i < 20; i++) {
				byte[] bytes = ("<13>udp " + i).getBytes(StandardCharsets.UTF_8);
				socket.send(new DatagramPacket(bytes, bytes.length, LOOPBACK, port(receivers, Transport.UDP)));
			}
		}
		awaitCounters(receivers, Transport.UDP, c -> c.droppedFull() == 20);
		assertThat(receivers.counters(Transport.UDP).received()).isZero();

		List<String> arrived = sink.take(count);
		sender.join(20_000);
		assertThat(arrived).containsExactlyElementsOf(expected);
		awaitCounters(receivers, Transport.TCP, c -> c.received() == count);
		SyslogCounters tcp = receivers.counters(Transport.TCP);
		assertThat(tcp.droppedFull()).isZero();
		assertThat(tcp.pauses()).isPositive();
	}

	@Test
	void aStopHandsOnWhatWasReadBeforeClosing() throws Exception {
		TestSink sink = new TestSink(5);
		SyslogReceivers receivers = startTcpAndUdp(sink);
		StringBuilder fifty = new StringBuilder();
		for (int i = 0; i < 50; i++) {
			fifty.append("<13>m").append(i).append('\n');
		}
		try (Socket socket = connect(receivers)) {
			// NB: one small write, so the receiver reads all fifty before the full sink
			// pauses it
			write(socket, fifty.toString());
			awaitCounters(receivers, Transport.TCP, c -> c.pauses() > 0);
			List<String> arrived = new ArrayList<>();
			Thread pipeline = new Thread(() -> {
				try {
					arrived.addAll(sink.take(50));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			pipeline.start();
			receivers.stop();
			pipeline.join(20_000);
			assertThat(arrived).hasSize(50).first().isEqualTo("<13>m0");
			assertThat(arrived).last().isEqualTo("<13>m49");
			assertThat(closedByServer(socket)).isTrue();
		}
		assertThat(receivers.isRunning()).isFalse();
		assertThat(receivers.port(Transport.TCP)).isEmpty();
		SyslogCounters tcp = receivers.counters(Transport.TCP);
		assertThat(tcp.received()).isEqualTo(50);
		assertThat(tcp.droppedFull()).isZero();
		assertThat(tcp.connectionsOpen()).isZero();
	}

	@Test
	void aStopWhoseSinkNeverDrainsCountsWhatWasLost() throws Exception {
		TestSink sink = new TestSink(5);
		SyslogReceivers receivers = start(
				settings(null, 0, null, null, 65536, 100, Duration.ofMinutes(5), Duration.ofMillis(200)), sink);
		StringBuilder fifty = new StringBuilder();
		for (int i = 0; i < 50; i++) {
			fifty.append("<13>m").append(i).append('\n');
		}
		try (Socket socket = connect(receivers)) {
			write(socket, fifty.toString() + "<13>partial");
			awaitCounters(receivers, Transport.TCP, c -> c.pauses() > 0);
			receivers.stop();
		}
		SyslogCounters tcp = receivers.counters(Transport.TCP);
		assertThat(tcp.received()).isEqualTo(5);
		assertThat(tcp.droppedFull()).isEqualTo(45);
		assertThat(tcp.badFrame()).isEqualTo(1);
	}

	@Test
	void connectionsOverTheMaximumAreRefused() throws Exception {
		TestSink sink = new TestSink(100);
		SyslogReceivers receivers = start(
				settings(null, 0, null, null, 65536, 1, Duration.ofMinutes(5), Duration.ofSeconds(10)), sink);
		try (Socket first = connect(receivers)) {
			write(first, "<13>first\n");
			assertThat(sink.take(1)).containsExactly("<13>first");
			try (Socket second = connect(receivers)) {
				assertThat(closedByServer(second)).isTrue();
			}
			write(first, "<13>still first\n");
			assertThat(sink.take(1)).containsExactly("<13>still first");
		}
		awaitCounters(receivers, Transport.TCP, c -> c.connectionsOpen() == 0);
		try (Socket third = connect(receivers)) {
			write(third, "<13>third\n");
			assertThat(sink.take(1)).containsExactly("<13>third");
		}
		assertThat(receivers.counters(Transport.TCP).connectionsRefused()).isEqualTo(1);
	}

	@Test
	void anIdleConnectionIsClosed() throws Exception {
		TestSink sink = new TestSink(100);
		SyslogReceivers receivers = start(
				settings(null, 0, null, null, 65536, 10, Duration.ofMillis(300), Duration.ofSeconds(10)), sink);
		try (Socket socket = connect(receivers)) {
			write(socket, "<13>hello\n");
			assertThat(sink.take(1)).containsExactly("<13>hello");
			assertThat(closedByServer(socket)).isTrue();
		}
		awaitCounters(receivers, Transport.TCP, c -> c.errors() == 1 && c.connectionsOpen() == 0);
	}

	@Test
	void countsAreMicrometerMeters() throws Exception {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		TestSink sink = new TestSink(100);
		SyslogReceivers receivers = new SyslogReceivers(
				settings(null, 0, null, null, 65536, 10, Duration.ofMinutes(5), Duration.ofSeconds(10)), sink, meters);
		receivers.start();
		started.add(receivers);
		try (Socket socket = connect(receivers)) {
			write(socket, "<13>a\n<13>b\n");
			assertThat(sink.take(2)).containsExactly("<13>a", "<13>b");
			awaitCounters(receivers, Transport.TCP, c -> c.received() == 2);
			assertThat(meters.get("khien.syslog.connections").tag("transport", "tcp").gauge().value()).isEqualTo(1);
		}
		assertThat(meters.get("khien.syslog.messages")
			.tag("transport", "tcp")
			.tag("outcome", "received")
			.functionCounter()
			.count()).isEqualTo(2);
		assertThat(meters.get("khien.syslog.messages")
			.tag("transport", "udp")
			.tag("outcome", "dropped_full")
			.functionCounter()
			.count()).isZero();
	}

	@Test
	void wazuhSampleLinesArriveIntactOverTcp() throws Exception {
		Path samples = sharedSamples();
		Assumptions.assumeTrue(samples != null, "../shared/samples is not here");
		Path file = samples.resolve("events/syslog/wazuh-benchmark/syslog.log");
		Assumptions.assumeTrue(Files.isRegularFile(file), file + " is not here");
		// NB: GPL sample, read in place and never copied into the repository
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		assertThat(lines).hasSize(1000);
		TestSink sink = new TestSink(2000);
		SyslogReceivers receivers = startTcpAndUdp(sink);
		try (Socket socket = connect(receivers)) {
			socket.getOutputStream().write(Files.readAllBytes(file));
			socket.getOutputStream().flush();
			assertThat(sink.take(1000)).containsExactlyElementsOf(lines);
		}
		awaitCounters(receivers, Transport.TCP, c -> c.received() == 1000);
	}

	/** /work/shared/samples or the folder named by -Dkhien.samples, when it exists. */
	static @Nullable Path sharedSamples() {
		String property = System.getProperty("khien.samples");
		if (property != null) {
			return Files.isDirectory(Path.of(property)) ? Path.of(property) : null;
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolveSibling("shared").resolve("samples");
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
