package vn.khien.law;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code khien.law.packs-dir}: a folder whose {@code *.yaml} packs are loaded at start-up
 * after those shipped with Khiên (default {@code rule-packs} under the data folder); a
 * pack there with the id of a shipped one replaces it.
 */
@ConfigurationProperties("khien.law")
public record LawSettings(@Nullable Path packsDir) {
}
