package vn.khien.incident;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The incident module’s settings ({@code khien.incidents.*}).
 *
 * @param attachmentMaxBytes largest evidence file or attachment (default 20 MB)
 * @param publicMaxBytes largest file attached to a public report (default 5 MB)
 * @param publicReportsPerAddress public reports accepted from one address per
 * {@code publicWindow} (default 5 per 10 minutes)
 * @param deadlineWarning how long before a deadline its warning goes out (default 12 h)
 * @param responseTeam the name the province’s response team signs exports with
 */
@ConfigurationProperties("khien.incidents")
public record IncidentSettings(@Nullable Long attachmentMaxBytes, @Nullable Long publicMaxBytes,
		@Nullable Integer publicReportsPerAddress, @Nullable Duration publicWindow, @Nullable Duration deadlineWarning,
		@Nullable String responseTeam) {

	public long maxAttachmentBytes() {
		return attachmentMaxBytes == null || attachmentMaxBytes <= 0 ? 20L * 1024 * 1024 : attachmentMaxBytes;
	}

	public long maxPublicBytes() {
		return publicMaxBytes == null || publicMaxBytes <= 0 ? 5L * 1024 * 1024 : publicMaxBytes;
	}

	public int reportsPerAddress() {
		return publicReportsPerAddress == null || publicReportsPerAddress <= 0 ? 5 : publicReportsPerAddress;
	}

	public Duration window() {
		return publicWindow == null || publicWindow.isNegative() || publicWindow.isZero() ? Duration.ofMinutes(10)
				: publicWindow;
	}

	public Duration warning() {
		return deadlineWarning == null || deadlineWarning.isNegative() ? Duration.ofHours(12) : deadlineWarning;
	}

	public String teamName() {
		return responseTeam == null || responseTeam.isBlank() ? "Đội ứng cứu sự cố an toàn thông tin mạng của tỉnh"
				: responseTeam;
	}

}
