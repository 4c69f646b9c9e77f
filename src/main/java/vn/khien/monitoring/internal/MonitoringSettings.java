package vn.khien.monitoring.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import vn.khien.monitoring.AlertSeverity;

/**
 * The SOC's settings ({@code khien.monitoring.*}; the syslog receivers and Kafka have
 * their own).
 *
 * @param alertWindow one alert per rule and group within this window (default 1 h)
 * @param retentionDays raw events are kept this many days (default 30)
 * @param autoEscalate alerts of this severity or above become incidents without an
 * analyst (default off)
 * @param bodyMaxBytes largest bulk request, after decompression (default 32 MB)
 * @param eventMaxBytes largest single event (default 64 KB)
 * @param concurrentBatches bulk requests processed at once; more are answered 503
 * (default 2)
 * @param mailsPerHour alert mails at most per hour, the rest summed up in the next
 * (default 20)
 */
@ConfigurationProperties("khien.monitoring")
public record MonitoringSettings(@Nullable Duration alertWindow, @Nullable Integer retentionDays,
		@Nullable AlertSeverity autoEscalate, @Nullable Long bodyMaxBytes, @Nullable Integer eventMaxBytes,
		@Nullable Integer concurrentBatches, @Nullable Integer mailsPerHour) {

	public Duration dedupWindow() {
		return alertWindow == null || alertWindow.isNegative() || alertWindow.isZero() ? Duration.ofHours(1)
				: alertWindow;
	}

	public int keepDays() {
		return retentionDays == null || retentionDays <= 0 ? 30 : retentionDays;
	}

	public long maxBodyBytes() {
		return bodyMaxBytes == null || bodyMaxBytes <= 0 ? 32L * 1024 * 1024 : bodyMaxBytes;
	}

	public int maxEventBytes() {
		return eventMaxBytes == null || eventMaxBytes <= 0 ? 64 * 1024 : eventMaxBytes;
	}

	public int batchesAtOnce() {
		return concurrentBatches == null || concurrentBatches <= 0 ? 2 : concurrentBatches;
	}

	public int mailCap() {
		return mailsPerHour == null || mailsPerHour < 0 ? 20 : mailsPerHour;
	}

}
