package vn.khien.inventory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Anti-malware coverage settings ({@code khien.coverage.*}).
 *
 * @param maxSignatureAgeDays a host counts as protected only when its signatures are at
 * most this many days old
 */
@ConfigurationProperties("khien.coverage")
public record CoverageSettings(@DefaultValue("7") int maxSignatureAgeDays) {
}
