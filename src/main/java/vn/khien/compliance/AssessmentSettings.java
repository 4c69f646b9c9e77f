package vn.khien.compliance;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The assessments' settings ({@code khien.assessments.*}).
 *
 * @param evidenceMaxBytes largest evidence file accepted (default 20 MB)
 */
@ConfigurationProperties("khien.assessments")
public record AssessmentSettings(@Nullable Long evidenceMaxBytes) {

	public AssessmentSettings {
		if (evidenceMaxBytes == null || evidenceMaxBytes <= 0) {
			evidenceMaxBytes = 20L * 1024 * 1024;
		}
	}

	public long maxEvidenceBytes() {
		return evidenceMaxBytes == null ? 20L * 1024 * 1024 : evidenceMaxBytes;
	}

}
