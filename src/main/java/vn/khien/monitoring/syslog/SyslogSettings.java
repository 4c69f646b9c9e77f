package vn.khien.monitoring.syslog;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The syslog receivers' settings ({@code khien.monitoring.syslog.*}); docs/syslog.md.
 *
 * @param udpPort the UDP port; unset: no UDP listener; 0: any free port (tests)
 * @param tcpPort the plain TCP port (RFC 6587 framing); unset: none
 * @param tlsPort the TLS port (RFC 5425, same framing inside); unset: none; needs
 * {@code tls.key-store}
 * @param bindAddress the local address listened on; default {@code 0.0.0.0} (every
 * interface, since senders are other hosts): set the collector's own interface
 * @param tls the server's key store for the TLS port
 * @param maxMessageSize the largest message kept; larger frames are counted and
 * discarded; default 64 KiB
 * @param maxConnections the most TCP and TLS connections open at once (the two counted
 * together); more are closed at once; default 1,000
 * @param idleTimeout a stream connection that sends nothing for this long is closed (not
 * while it is paused by a full pipeline); 0: never; default 30 minutes
 * @param udpReceiveBuffer the UDP socket's receive buffer (SO_RCVBUF), which absorbs
 * bursts; the kernel caps it at {@code net.core.rmem_max}; default 4 MiB
 * @param drainTimeout how long a stop waits for the pipeline to take the messages already
 * read; default 10 seconds
 */
@ConfigurationProperties("khien.monitoring.syslog")
public record SyslogSettings(@Nullable Integer udpPort, @Nullable Integer tcpPort, @Nullable Integer tlsPort,
		@Nullable String bindAddress, @Nullable Tls tls, @Nullable DataSize maxMessageSize,
		@Nullable Integer maxConnections, @Nullable Duration idleTimeout, @Nullable DataSize udpReceiveBuffer,
		@Nullable Duration drainTimeout) {

	public SyslogSettings {
		port("udp-port", udpPort);
		port("tcp-port", tcpPort);
		port("tls-port", tlsPort);
		if (bindAddress == null || bindAddress.isBlank()) {
			bindAddress = "0.0.0.0";
		}
		if (tls == null) {
			tls = new Tls(null, null, null, null);
		}
		if (maxMessageSize == null) {
			maxMessageSize = DataSize.ofKilobytes(64);
		}
		if (maxMessageSize.toBytes() < 480 || maxMessageSize.toBytes() > 64L * 1024 * 1024) {
			// NB: RFC 5424 has receivers take at least 480 bytes; past 64 MiB one
			// connection could hold the heap
			throw new IllegalArgumentException(
					"khien.monitoring.syslog.max-message-size must be between 480 B and 64 MB: " + maxMessageSize);
		}
		if (maxConnections == null) {
			maxConnections = 1000;
		}
		if (maxConnections < 1) {
			throw new IllegalArgumentException(
					"khien.monitoring.syslog.max-connections must be at least 1: " + maxConnections);
		}
		if (idleTimeout == null) {
			idleTimeout = Duration.ofMinutes(30);
		}
		if (udpReceiveBuffer == null) {
			udpReceiveBuffer = DataSize.ofMegabytes(4);
		}
		if (drainTimeout == null) {
			drainTimeout = Duration.ofSeconds(10);
		}
	}

	private static void port(String name, @Nullable Integer port) {
		if (port != null && (port < 0 || port > 65535)) {
			throw new IllegalArgumentException("khien.monitoring.syslog." + name + " must be 0 - 65535: " + port);
		}
	}

	/** Settings with the given ports and every default (tests, the bench). */
	public static SyslogSettings ports(@Nullable Integer udpPort, @Nullable Integer tcpPort,
			@Nullable Integer tlsPort) {
		return new SyslogSettings(udpPort, tcpPort, tlsPort, null, null, null, null, null, null, null);
	}

	/** True when at least one listener is configured. */
	public boolean anyListener() {
		return udpPort != null || tcpPort != null || tlsPort != null;
	}

	/** The maximum message size in bytes. */
	int maxBytes() {
		return (int) maxMessageSize.toBytes();
	}

	/**
	 * The TLS port's key store: the server's private key and certificate chain.
	 *
	 * @param keyStore a file path, or {@code classpath:...}
	 * @param keyStorePassword the key store's password; never logged
	 * @param keyStoreType {@code PKCS12} (default) or {@code JKS}
	 * @param keyPassword the private key's password if it differs from the store's
	 */
	public record Tls(@Nullable String keyStore, @Nullable String keyStorePassword, @Nullable String keyStoreType,
			@Nullable String keyPassword) {

		public Tls {
			if (keyStoreType == null || keyStoreType.isBlank()) {
				keyStoreType = "PKCS12";
			}
		}

		@Override
		public String toString() {
			return "Tls[keyStore=" + keyStore + ", keyStoreType=" + keyStoreType + ", passwords=***]";
		}

	}

}
