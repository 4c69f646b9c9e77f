package vn.khien.platform;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings read from the environment ({@code KHIEN_DATA_DIR}, {@code KHIEN_ADMIN_PASSWORD},
 * {@code KHIEN_DEMO}, {@code KHIEN_DEMO_PASSWORD}, ...). {@code secretKey} ({@code KHIEN_SECRET_KEY}, base64
 * of 32 bytes) seals stored secrets, see {@link SecretBox}.
 */
@ConfigurationProperties("khien")
public record KhienSettings(@DefaultValue("./data") Path dataDir, @Nullable String adminPassword,
		@Nullable Boolean demo, @Nullable String demoPassword, @Nullable String secretKey, @DefaultValue Login login,
		@DefaultValue Jobs jobs) {

	/** Per-account lock-out, per-address throttle (failures within {@code addressWindow}) and token lifetime. */
	public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockFor,
			@DefaultValue("8h") Duration tokenLifetime, @DefaultValue("20") int maxFailuresPerAddress,
			@DefaultValue("5m") Duration addressWindow) {
	}

	/**
	 * The job queue: worker threads per node, how often a node looks for due work (new jobs start at once on
	 * the node that queued them), how often a running job proves its node alive and how many missed proofs
	 * hand it to another node, and how long a stopping node lets a running job go on before handing it back.
	 */
	public record Jobs(@DefaultValue("2") int threads, @DefaultValue("5s") Duration pollingInterval,
			@DefaultValue("5s") Duration heartbeat, @DefaultValue("4") int missedHeartbeats,
			@DefaultValue("20s") Duration shutdownGrace) {
	}
}
