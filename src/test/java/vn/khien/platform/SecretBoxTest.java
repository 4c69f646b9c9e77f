package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

class SecretBoxTest {

	static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	static final String CONTEXT = "app_user.totp_secret:7";

	static SecretBox box() {
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		return new SecretBox(key, "test");
	}

	@Test
	void sealedSecretOpensAgainAndShowsNothingOfIt() {
		var box = box();
		String sealed = box.seal(SECRET, CONTEXT);
		assertThat(sealed).startsWith(SecretBox.PREFIX).doesNotContain(SECRET).hasSizeLessThanOrEqualTo(255);
		assertThat(SecretBox.isSealed(sealed)).isTrue();
		assertThat(SecretBox.isSealed(SECRET)).isFalse();
		assertThat(box.open(sealed, CONTEXT)).isEqualTo(SECRET);
	}

	@Test
	void sameSecretSealsDifferentlyEachTime() {
		var box = box();
		String first = box.seal(SECRET, CONTEXT);
		String second = box.seal(SECRET, CONTEXT);
		assertThat(first).isNotEqualTo(second);
		// a random 12-byte IV leads each value
		assertThat(java.util.Arrays.copyOf(Base64.getDecoder().decode(first.substring(3)), 12))
			.isNotEqualTo(java.util.Arrays.copyOf(Base64.getDecoder().decode(second.substring(3)), 12));
		assertThat(box.open(first, CONTEXT)).isEqualTo(box.open(second, CONTEXT));
	}

	@Test
	void alteredValueIsRefused() {
		var box = box();
		byte[] bytes = Base64.getDecoder().decode(box.seal(SECRET, CONTEXT).substring(SecretBox.PREFIX.length()));
		for (int i : new int[] { 0, 11, 12, bytes.length - 1 }) {
			byte[] altered = bytes.clone();
			altered[i] ^= 1;
			String value = SecretBox.PREFIX + Base64.getEncoder().encodeToString(altered);
			assertThatThrownBy(() -> box.open(value, CONTEXT)).isInstanceOf(SecretBox.UnreadableSecret.class);
		}
		String truncated = SecretBox.PREFIX + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, 20));
		assertThatThrownBy(() -> box.open(truncated, CONTEXT)).isInstanceOf(SecretBox.UnreadableSecret.class);
		assertThatThrownBy(() -> box.open("v1:not base64!", CONTEXT)).isInstanceOf(SecretBox.UnreadableSecret.class);
		assertThatThrownBy(() -> box.open(SECRET, CONTEXT)).isInstanceOf(SecretBox.UnreadableSecret.class);
	}

	@Test
	void anotherKeyIsRefusedWithoutRevealingTheValue() {
		String sealed = box().seal(SECRET, CONTEXT);
		assertThatThrownBy(() -> box().open(sealed, CONTEXT)).isInstanceOf(SecretBox.UnreadableSecret.class)
			.hasMessageContaining("another key")
			.satisfies(ex -> assertThat(ex.getMessage()).doesNotContain(sealed.substring(3)).doesNotContain(SECRET));
	}

	@Test
	void valueMovedToAnotherContextIsRefused() {
		var box = box();
		String sealed = box.seal(SECRET, CONTEXT);
		assertThatThrownBy(() -> box.open(sealed, "app_user.totp_secret:8"))
			.isInstanceOf(SecretBox.UnreadableSecret.class);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void keyFileIsGeneratedOnceForItsOwnerAndReused(@TempDir Path dataDir, CapturedOutput output) throws Exception {
		Path dir = dataDir.resolve("not-yet-there");
		var first = new SecretBox(null, dir);
		Path file = dir.resolve("secret.key");
		assertThat(file).exists();
		String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
		assertThat(Base64.getDecoder().decode(key)).hasSize(32);
		if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
		assertThat(first.keySource()).isEqualTo(file.toAbsolutePath().normalize().toString());

		var again = new SecretBox("  ", dir);
		assertThat(Files.readString(file, StandardCharsets.US_ASCII).strip()).isEqualTo(key);
		assertThat(again.open(first.seal(SECRET, CONTEXT), CONTEXT)).isEqualTo(SECRET);
		try (var files = Files.list(dir)) {
			assertThat(files.map(p -> p.getFileName().toString())).containsExactly("secret.key");
		}

		assertThat(output.getAll()).contains("Secret key for stored secrets taken from " + first.keySource())
			.contains("generated now")
			.doesNotContain(key);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void keyFromTheEnvironmentWinsOverTheFile(@TempDir Path dataDir, CapturedOutput output) {
		byte[] key = new byte[32];
		key[0] = 42;
		String base64 = Base64.getEncoder().encodeToString(key);
		var fromEnvironment = new SecretBox(base64, dataDir);
		assertThat(dataDir.resolve("secret.key")).doesNotExist();
		assertThat(fromEnvironment.keySource()).isEqualTo("KHIEN_SECRET_KEY");
		assertThat(new SecretBox(key.clone(), "same").open(fromEnvironment.seal(SECRET, CONTEXT), CONTEXT))
			.isEqualTo(SECRET);
		assertThat(output.getAll()).contains("taken from KHIEN_SECRET_KEY").doesNotContain(base64);
	}

	@Test
	void malformedKeyStopsWithAClearMessage(@TempDir Path dataDir) throws Exception {
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatThrownBy(() -> new SecretBox(shortKey, dataDir)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("KHIEN_SECRET_KEY must be the base64 of 32 bytes, not 16")
			.satisfies(ex -> assertThat(ex.getMessage()).doesNotContain(shortKey));
		assertThatThrownBy(() -> new SecretBox("not base64 at all!", dataDir)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("KHIEN_SECRET_KEY is not base64");
		Files.writeString(dataDir.resolve("secret.key"), "");
		assertThatThrownBy(() -> new SecretBox(null, dataDir)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("secret.key must be the base64 of 32 bytes");
	}

}
