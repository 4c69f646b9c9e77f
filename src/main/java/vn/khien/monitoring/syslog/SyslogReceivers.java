package vn.khien.monitoring.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.ResourceUtils;

/**
 * The syslog listeners the settings ask for, started with the application context (after
 * every other bean, so the pipeline is ready) and stopped first: a stop closes the
 * listeners, lets each connection hand the sink what it already read (up to the drain
 * timeout), then closes the connections.
 */
public class SyslogReceivers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SyslogReceivers.class);

	private final SyslogSettings settings;

	private final SyslogSink sink;

	private final Map<Transport, Tally> tallies = new EnumMap<>(Transport.class);

	private final Map<Transport, Channel> listeners = new EnumMap<>(Transport.class);

	private final ChannelGroup connections = new DefaultChannelGroup("syslog", GlobalEventExecutor.INSTANCE);

	/** TCP and TLS connections open together, against {@code max-connections}. */
	private final AtomicInteger streams = new AtomicInteger();

	private @Nullable EventLoopGroup group;

	private volatile boolean running;

	/** Connections are taken: from before the first bind to the start of a stop. */
	private volatile boolean accepting;

	public SyslogReceivers(SyslogSettings settings, SyslogSink sink, @Nullable MeterRegistry meters) {
		this.settings = settings;
		this.sink = sink;
		for (Transport transport : Transport.values()) {
			tallies.put(transport, new Tally(transport, meters));
		}
	}

	@Override
	public synchronized void start() {
		if (running || !settings.anyListener()) {
			return;
		}
		// NB: TLS is set up before anything binds, so a bad key store fails the start
		// with nothing left open
		SslContext tls = settings.tlsPort() != null ? sslContext(settings.tls()) : null;
		EventLoopGroup group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
				new DefaultThreadFactory("syslog", true), NioIoHandler.newFactory());
		this.group = group;
		accepting = true;
		try {
			if (settings.udpPort() != null) {
				listeners.put(Transport.UDP, bindUdp(group, settings.udpPort()));
			}
			if (settings.tcpPort() != null) {
				listeners.put(Transport.TCP, bindStream(group, settings.tcpPort(), Transport.TCP, null));
			}
			if (tls != null) {
				listeners.put(Transport.TLS, bindStream(group, settings.tlsPort(), Transport.TLS, tls));
			}
		}
		catch (RuntimeException ex) {
			accepting = false;
			closeListeners();
			group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
			this.group = null;
			throw ex;
		}
		running = true;
		List<String> bound = new ArrayList<>();
		listeners.forEach((transport, channel) -> bound.add(transport.tag() + " " + channel.localAddress()));
		log.info("Syslog receivers listening: {}", String.join(", ", bound));
	}

	private Channel bindUdp(EventLoopGroup group, int port) {
		int buffer = Math.min(settings.maxBytes() + 1, 65536);
		Bootstrap bootstrap = new Bootstrap().group(group)
			.channel(NioDatagramChannel.class)
			.option(ChannelOption.SO_RCVBUF, (int) Math.min(Integer.MAX_VALUE, settings.udpReceiveBuffer().toBytes()))
			.option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(buffer))
			.handler(new DatagramHandler(sink, tallies.get(Transport.UDP), settings.maxBytes()));
		return bind("udp", port, bootstrap.bind(settings.bindAddress(), port));
	}

	private Channel bindStream(EventLoopGroup group, int port, Transport transport, @Nullable SslContext tls) {
		Tally tally = tallies.get(transport);
		ServerBootstrap bootstrap = new ServerBootstrap().group(group)
			.channel(NioServerSocketChannel.class)
			.option(ChannelOption.SO_BACKLOG, 1024)
			.childOption(ChannelOption.SO_KEEPALIVE, true)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel ch) {
					if (!admit(ch, tally)) {
						return;
					}
					if (tls != null) {
						ch.pipeline().addLast(tls.newHandler(ch.alloc()));
					}
					Duration idle = settings.idleTimeout();
					if (!idle.isZero() && !idle.isNegative()) {
						ch.pipeline().addLast(new IdleStateHandler(idle.toMillis(), 0, 0, TimeUnit.MILLISECONDS));
					}
					ch.pipeline().addLast(new StreamHandler(sink, transport, tally, settings.maxBytes()));
				}
			});
		return bind(transport.tag(), port, bootstrap.bind(settings.bindAddress(), port));
	}

	/** Counts the connection in, or closes it when the maximum is reached. */
	private boolean admit(SocketChannel ch, Tally tally) {
		if (!accepting) {
			ch.close();
			return false;
		}
		if (streams.incrementAndGet() > settings.maxConnections()) {
			streams.decrementAndGet();
			tally.connectionsRefused.increment();
			long refused = tally.connectionsRefused.sum();
			if (refused == 1 || refused % 1000 == 0) {
				log.warn(
						"Syslog {} connection from {} refused: {} connections open (max-connections); {} refused so far",
						tally.transport.tag(), ch.remoteAddress(), settings.maxConnections(), refused);
			}
			ch.close();
			return false;
		}
		tally.connectionsOpen.incrementAndGet();
		ch.closeFuture().addListener(f -> {
			streams.decrementAndGet();
			tally.connectionsOpen.decrementAndGet();
		});
		connections.add(ch);
		return true;
	}

	private Channel bind(String what, int port, io.netty.channel.ChannelFuture future) {
		future.awaitUninterruptibly();
		if (!future.isSuccess()) {
			throw new IllegalStateException("Syslog " + what + " cannot listen on " + settings.bindAddress() + ":"
					+ port + ": " + StreamHandler.shortCause(future.cause()), future.cause());
		}
		return future.channel();
	}

	private static SslContext sslContext(SyslogSettings.Tls tls) {
		if (tls.keyStore() == null || tls.keyStore().isBlank()) {
			throw new IllegalStateException(
					"khien.monitoring.syslog.tls-port is set but khien.monitoring.syslog.tls.key-store is not");
		}
		char[] password = tls.keyStorePassword() == null ? new char[0] : tls.keyStorePassword().toCharArray();
		char[] keyPassword = tls.keyPassword() == null ? password : tls.keyPassword().toCharArray();
		try (InputStream in = ResourceUtils.getURL(tls.keyStore()).openStream()) {
			KeyStore store = KeyStore.getInstance(tls.keyStoreType());
			store.load(in, password);
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(store, keyPassword);
			return SslContextBuilder.forServer(keys)
				.sslProvider(SslProvider.JDK)
				.protocols("TLSv1.3", "TLSv1.2")
				.build();
		}
		catch (IOException | GeneralSecurityException ex) {
			// NB: the message names the file and the cause, never the password
			throw new IllegalStateException("Syslog TLS key store " + tls.keyStore() + " (" + tls.keyStoreType()
					+ ") cannot be read: " + StreamHandler.shortCause(ex), ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (!running) {
			return;
		}
		running = false;
		accepting = false;
		closeListeners();
		List<CompletableFuture<Void>> drains = new ArrayList<>();
		for (Channel ch : connections) {
			StreamHandler handler = ch.pipeline().get(StreamHandler.class);
			if (handler != null) {
				CompletableFuture<Void> drained = new CompletableFuture<>();
				ch.eventLoop().execute(() -> handler.stopReading().whenComplete((v, e) -> drained.complete(null)));
				drains.add(drained);
			}
		}
		try {
			CompletableFuture.allOf(drains.toArray(CompletableFuture[]::new))
				.get(settings.drainTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			log.warn("Syslog receivers: the pipeline did not take every message read within {}; the rest is dropped",
					settings.drainTimeout());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		for (Channel ch : connections) {
			StreamHandler handler = ch.pipeline().get(StreamHandler.class);
			ch.eventLoop().execute(() -> {
				if (handler != null) {
					handler.abandon();
				}
				ch.close();
			});
		}
		connections.newCloseFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
		EventLoopGroup group = this.group;
		if (group != null) {
			group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
			this.group = null;
		}
		log.info("Syslog receivers stopped");
	}

	private void closeListeners() {
		for (Channel listener : listeners.values()) {
			listener.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
		}
		listeners.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** The port a transport listens on, while running; empty when it is off. */
	public OptionalInt port(Transport transport) {
		Channel listener = listeners.get(transport);
		return listener != null && listener.localAddress() instanceof InetSocketAddress address
				? OptionalInt.of(address.getPort()) : OptionalInt.empty();
	}

	/** What one transport has counted since the receivers were made. */
	public SyslogCounters counters(Transport transport) {
		return tallies.get(transport).snapshot();
	}

	/** The counts of every transport, UDP, TCP, TLS. */
	public List<SyslogCounters> counters() {
		return tallies.values().stream().map(Tally::snapshot).toList();
	}

}
