package vn.khien.inventory.importing;

import org.jspecify.annotations.Nullable;

/** An open port seen by a scanner; protocol is lower-case ("tcp", "udp", "sctp"). */
public record OpenPort(int port, String protocol, @Nullable String service, @Nullable String product,
		@Nullable String version) {
}
