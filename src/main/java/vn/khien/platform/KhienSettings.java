package vn.khien.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * Settings read from the environment ({@code KHIEN_DATA_DIR},
 * {@code KHIEN_ADMIN_PASSWORD}, {@code KHIEN_DEMO}, {@code KHIEN_DEMO_PASSWORD}, ...).
 * {@code secretKey} ({@code KHIEN_SECRET_KEY}, base64 of 32 bytes) seals stored secrets,
 * see {@link SecretBox}.
 */
@ConfigurationProperties("khien")
public record KhienSettings(@DefaultValue("./data") Path dataDir, @Nullable String adminPassword,
		@Nullable Boolean demo, @Nullable String demoPassword, @Nullable String secretKey, @DefaultValue Login login,
		@DefaultValue Jobs jobs, @DefaultValue Uploads uploads, @DefaultValue Proxy proxy) {

	/**
	 * Per-account lock-out, per-address throttle (failures within {@code addressWindow})
	 * and token lifetime.
	 */
	public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockFor,
			@DefaultValue("8h") Duration tokenLifetime, @DefaultValue("20") int maxFailuresPerAddress,
			@DefaultValue("5m") Duration addressWindow) {
	}

	/**
	 * The reverse proxies in front of Khiên ({@code KHIEN_PROXY_TRUSTED}: addresses or
	 * CIDR ranges, comma separated). Only requests from them may name the client's
	 * address and scheme in {@code X-Forwarded-For} / {@code X-Forwarded-Proto}; from
	 * anyone else those headers are ignored.
	 */
	public record Proxy(@DefaultValue List<String> trusted) {
	}

	/**
	 * The job queue: worker threads per node, how often a node looks for due work (new
	 * jobs start at once on the node that queued them), how often a running job proves
	 * its node alive and how many missed proofs hand it to another node, and how long a
	 * stopping node lets a running job go on before handing it back.
	 */
	public record Jobs(@DefaultValue("2") int threads, @DefaultValue("5s") Duration pollingInterval,
			@DefaultValue("5s") Duration heartbeat, @DefaultValue("4") int missedHeartbeats,
			@DefaultValue("20s") Duration shutdownGrace) {
	}

	/**
	 * What each agency may keep in the {@link FileStore}
	 * ({@code KHIEN_UPLOADS_QUOTAPERAGENCY}, a number alone is megabytes) and how long an
	 * upload is kept before {@link UploadRetention} removes it
	 * ({@code KHIEN_UPLOADS_RETENTION}, a number alone is days).
	 */
	public record Uploads(@DefaultValue("5GB") @DataSizeUnit(DataUnit.MEGABYTES) DataSize quotaPerAgency,
			@DefaultValue("365d") @DurationUnit(ChronoUnit.DAYS) Duration retention) {

		public Uploads {
			// NB: refused at start-up: a zero quota refuses every upload, and "365" read
			// as milliseconds (Spring's
			// unit for a bare number) would have the nightly purge delete every upload,
			// hence days and a minimum
			if (quotaPerAgency.toBytes() <= 0) {
				throw new IllegalArgumentException(
						"khien.uploads.quota-per-agency must be positive: " + quotaPerAgency);
			}
			if (retention.compareTo(Duration.ofDays(1)) < 0) {
				throw new IllegalArgumentException("khien.uploads.retention must be at least 1d: " + retention);
			}
		}
	}
}
