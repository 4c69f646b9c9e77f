package vn.khien.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.springframework.util.unit.DataSize;
import vn.khien.monitoring.syslog.SyslogCounters;
import vn.khien.monitoring.syslog.SyslogMessage;
import vn.khien.monitoring.syslog.SyslogReceivers;
import vn.khien.monitoring.syslog.SyslogSettings;
import vn.khien.monitoring.syslog.SyslogSink;
import vn.khien.monitoring.syslog.Transport;

/**
 * The syslog receivers over loopback, in this JVM: several TCP senders (half octet counted, half LF framed) send
 * N messages of 200 bytes into a bounded hand-off that a pipeline thread drains and checks (every sender's
 * sequence, each message's length); the same over TLS; a stream sender into a pipeline slowed to 20,000
 * messages/s (back-pressure: nothing may be lost); then UDP as fast as one sender can, and paced at 50,000
 * datagrams/s, counting what arrived, what the full hand-off dropped and what the kernel lost. Run with
 * bench/syslog.sh; bench/README.md says what each figure means.
 */
public final class SyslogBench {

	static final int SIZE = 200;

	/** The hand-off's capacity: a pipeline's queue. */
	static final int QUEUE = 10_000;

	static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

	private final List<String> table = new ArrayList<>();

	public static void main(String[] args) throws Exception {
		long messages = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
		int senders = args.length > 1 ? Integer.parseInt(args[1]) : 4;
		new SyslogBench().run(messages, senders);
	}

	private void run(long messages, int senders) throws Exception {
		String keyStore = System.getProperty("bench.keystore");
		String password = System.getProperty("bench.keystorePassword", "");
		boolean tls = keyStore != null && Files.isRegularFile(Path.of(keyStore));
		Pipeline pipeline = new Pipeline(Math.max(senders, 1));
		DataSize maxMessageSize = DataSize.parse(System.getProperty("bench.maxMessageSize", "64KB"));
		SyslogSettings settings = new SyslogSettings(0, 0, tls ? 0 : null, "127.0.0.1",
				tls ? new SyslogSettings.Tls(keyStore, password, "PKCS12", null) : null, maxMessageSize, 1000,
				Duration.ofMinutes(5), null, null);
		SyslogReceivers receivers = new SyslogReceivers(settings, pipeline, null);
		receivers.start();
		SSLContext client = tls ? clientContext(keyStore, password) : null;
		try {
			System.out.printf("Syslog bench: %,d messages of %d bytes, %d senders, hand-off of %,d, %d processors%n",
					messages, SIZE, senders, QUEUE, Runtime.getRuntime().availableProcessors());
			stream("warm-up (tcp, not measured)", receivers, Transport.TCP, null, pipeline, Math.min(messages, 200_000),
					senders, false);
			stream("tcp", receivers, Transport.TCP, null, pipeline, messages, senders, true);
			if (client != null) {
				stream("tls", receivers, Transport.TLS, client, pipeline, messages, senders, true);
			}
			pipeline.ratePerSecond = 20_000;
			stream("tcp, pipeline slowed to 20,000/s", receivers, Transport.TCP, null, pipeline,
					Math.min(messages, 100_000), 1, true);
			pipeline.ratePerSecond = 0;
			udp("udp, one sender as fast as it can", receivers, pipeline, Math.min(messages, 500_000), 0);
			udp("udp, paced at 50,000/s", receivers, pipeline, Math.min(messages, 250_000), 50_000);
		}
		finally {
			receivers.stop();
			pipeline.stop();
		}
		System.out.println();
		System.out.println("| phase | messages | seconds | messages/s | lost | notes |");
		System.out.println("|---|---|---|---|---|---|");
		table.forEach(System.out::println);
		for (SyslogCounters c : receivers.counters()) {
			System.out.println(c);
		}
	}

	private void stream(String phase, SyslogReceivers receivers, Transport transport, SSLContext tls,
			Pipeline pipeline, long messages, int senders, boolean record) throws Exception {
		pipeline.reset(senders);
		SyslogCounters before = receivers.counters(transport);
		int port = receivers.port(transport).orElseThrow();
		long perSender = messages / senders;
		long total = perSender * senders;
		List<Thread> threads = new ArrayList<>();
		AtomicLong failures = new AtomicLong();
		long start = System.nanoTime();
		for (int s = 0; s < senders; s++) {
			int sender = s;
			Thread t = new Thread(() -> {
				try (Socket socket = tls != null ? tls.getSocketFactory().createSocket(LOOPBACK, port)
						: new Socket(LOOPBACK, port)) {
					if (socket instanceof SSLSocket ssl) {
						ssl.startHandshake();
					}
					send(socket.getOutputStream(), sender, perSender, sender % 2 == 1);
				}
				catch (IOException ex) {
					failures.incrementAndGet();
					System.out.println("  sender " + sender + " failed: " + ex);
				}
			}, "sender-" + s);
			t.start();
			threads.add(t);
		}
		boolean all = pipeline.await(total, Duration.ofMinutes(10));
		double seconds = (System.nanoTime() - start) / 1e9;
		for (Thread t : threads) {
			t.join();
		}
		SyslogCounters after = receivers.counters(transport);
		long received = pipeline.count.get();
		long lost = total - received;
		String notes = String.format("sequence errors %d, bad length %d, pauses %,d, dropped %d, bad frames %d",
				pipeline.sequenceErrors.get(), pipeline.badLength.get(), after.pauses() - before.pauses(),
				after.droppedFull() - before.droppedFull(), after.badFrame() - before.badFrame());
		System.out.printf("%s: %,d of %,d messages in %.2f s: %,.0f messages/s; lost %,d; %s%s%n", phase, received,
				total, seconds, received / seconds, lost, notes, all ? "" : " (timed out)");
		if (record) {
			table.add(String.format("| %s | %,d | %.2f | %,.0f | %,d | %s |", phase, total, seconds, received / seconds,
					lost, notes));
		}
		if (failures.get() > 0 || lost != 0 || pipeline.sequenceErrors.get() != 0 || pipeline.badLength.get() != 0) {
			System.out.println("  LOSS OR DAMAGE over " + transport.tag());
		}
	}

	/** Writes messages numbered 0 .. n - 1 of one sender, octet counted or LF framed. */
	private static void send(OutputStream raw, int sender, long n, boolean octetCounted) throws IOException {
		OutputStream out = new BufferedOutputStream(raw, 64 * 1024);
		Message message = new Message(sender);
		byte[] count = (SIZE + " ").getBytes(StandardCharsets.US_ASCII);
		for (long seq = 0; seq < n; seq++) {
			message.number(seq);
			if (octetCounted) {
				out.write(count);
				out.write(message.bytes);
			}
			else {
				out.write(message.bytes);
				out.write('\n');
			}
		}
		out.flush();
	}

	private void udp(String phase, SyslogReceivers receivers, Pipeline pipeline, long datagrams, int rate)
			throws Exception {
		pipeline.reset(1);
		SyslogCounters before = receivers.counters(Transport.UDP);
		int port = receivers.port(Transport.UDP).orElseThrow();
		Message message = new Message(0);
		long start = System.nanoTime();
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
			DatagramPacket packet = new DatagramPacket(message.bytes, SIZE, LOOPBACK, port);
			for (long seq = 0; seq < datagrams; seq++) {
				if (rate > 0) {
					long due = start + seq * 1_000_000_000L / rate;
					long wait;
					while ((wait = due - System.nanoTime()) > 0) {
						LockSupport.parkNanos(Math.min(wait, 200_000));
					}
				}
				message.number(seq);
				socket.send(packet);
			}
		}
		double sendSeconds = (System.nanoTime() - start) / 1e9;
		// what is still in the socket's buffer arrives within moments: wait until the counts stand still
		long last = -1;
		while (true) {
			SyslogCounters now = receivers.counters(Transport.UDP);
			long seen = now.received() + now.droppedFull();
			if (seen == last) {
				break;
			}
			last = seen;
			Thread.sleep(300);
		}
		pipeline.await(receivers.counters(Transport.UDP).received() - before.received(), Duration.ofSeconds(30));
		SyslogCounters after = receivers.counters(Transport.UDP);
		long received = after.received() - before.received();
		long dropped = after.droppedFull() - before.droppedFull();
		long kernel = datagrams - received - dropped;
		String notes = String.format("sent at %,.0f/s; hand-off full: %,d dropped; kernel: %,d lost (%.2f %%)",
				datagrams / sendSeconds, dropped, kernel, 100.0 * kernel / datagrams);
		System.out.printf("%s: %,d of %,d datagrams in %.2f s: %,.0f received/s; %s%n", phase, received, datagrams,
				sendSeconds, received / sendSeconds, notes);
		table.add(String.format("| %s | %,d | %.2f | %,.0f | %,d (%.2f %%) | %s |", phase, datagrams, sendSeconds,
				received / sendSeconds, datagrams - received, 100.0 * (datagrams - received) / datagrams, notes));
	}

	private static SSLContext clientContext(String keyStore, String password) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(Path.of(keyStore))) {
			store.load(in, password.toCharArray());
		}
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		trust.setCertificateEntry("server", store.getCertificate("syslog"));
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context;
	}

	/**
	 * A 200-byte RFC 5424 firewall line whose sender and number sit at fixed places, rewritten in place for each
	 * message.
	 */
	static final class Message {

		final byte[] bytes;

		final int numberAt;

		Message(int sender) {
			String head = String.format("<134>1 2026-12-01T10:00:00.000+07:00 fw-%02d.bench.lachong.gov.vn filterlog "
					+ "4021 - - s%02d n", sender, sender);
			numberAt = head.length();
			String body = head + "0000000000 block in on em0: tcp 198.51.100.23:51234 > 10.20.30.40:443 flags S len 0 ";
			StringBuilder text = new StringBuilder(body);
			while (text.length() < SIZE) {
				text.append('x');
			}
			bytes = text.substring(0, SIZE).getBytes(StandardCharsets.US_ASCII);
		}

		void number(long n) {
			for (int i = numberAt + 9; i >= numberAt; i--) {
				bytes[i] = (byte) ('0' + n % 10);
				n /= 10;
			}
		}

		static int sender(byte[] b, int numberAt) {
			return (b[numberAt - 4] - '0') * 10 + (b[numberAt - 3] - '0');
		}

		static long number(byte[] b, int numberAt) {
			long n = 0;
			for (int i = numberAt; i < numberAt + 10; i++) {
				n = n * 10 + (b[i] - '0');
			}
			return n;
		}

	}

	/**
	 * The pipeline's stand-in: a bounded queue, drained by one thread that checks each message (its length, its
	 * sender's next number) and may be slowed to a rate.
	 */
	static final class Pipeline implements SyslogSink {

		final BlockingQueue<SyslogMessage> queue = new ArrayBlockingQueue<>(QUEUE);

		final AtomicLong count = new AtomicLong();

		final AtomicLong sequenceErrors = new AtomicLong();

		final AtomicLong badLength = new AtomicLong();

		volatile long[] next;

		volatile int ratePerSecond;

		private final int numberAt = new Message(0).numberAt;

		private final Thread thread;

		private volatile boolean running = true;

		Pipeline(int senders) {
			next = new long[Math.max(senders, 100)];
			thread = new Thread(this::drain, "pipeline");
			thread.setDaemon(true);
			thread.start();
		}

		@Override
		public boolean offer(SyslogMessage message) {
			return queue.offer(message);
		}

		void reset(int senders) {
			count.set(0);
			sequenceErrors.set(0);
			badLength.set(0);
			next = new long[Math.max(senders, 100)];
		}

		private void drain() {
			List<SyslogMessage> batch = new ArrayList<>(1024);
			long started = 0;
			long taken = 0;
			while (running) {
				try {
					SyslogMessage first = queue.poll(100, TimeUnit.MILLISECONDS);
					if (first == null) {
						started = 0;
						continue;
					}
					batch.add(first);
					int rate = ratePerSecond;
					queue.drainTo(batch, rate > 0 ? 99 : 1023);
					long[] expected = next;
					for (SyslogMessage m : batch) {
						byte[] b = m.bytes();
						if (b.length != SIZE) {
							badLength.incrementAndGet();
						}
						else if (m.transport() != Transport.UDP) {
							int sender = Message.sender(b, numberAt);
							long n = Message.number(b, numberAt);
							if (n != expected[sender]) {
								sequenceErrors.incrementAndGet();
							}
							expected[sender] = n + 1;
						}
					}
					count.addAndGet(batch.size());
					if (rate > 0) {
						if (started == 0) {
							started = System.nanoTime();
							taken = 0;
						}
						taken += batch.size();
						long due = started + taken * 1_000_000_000L / rate;
						long wait = due - System.nanoTime();
						if (wait > 0) {
							LockSupport.parkNanos(wait);
						}
					}
					batch.clear();
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		boolean await(long n, Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (count.get() < n) {
				if (System.nanoTime() > deadline) {
					return false;
				}
				Thread.sleep(1);
			}
			return true;
		}

		void stop() {
			running = false;
			thread.interrupt();
		}

	}

}
