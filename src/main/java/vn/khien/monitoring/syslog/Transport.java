package vn.khien.monitoring.syslog;

/** How a syslog message arrived. */
public enum Transport {

	UDP, TCP, TLS;

	/** The name in meters and logs: {@code udp}, {@code tcp}, {@code tls}. */
	public String tag() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
