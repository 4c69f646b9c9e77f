package vn.khien.inventory.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class AssetIdentityTest {

	@Test
	void hostnameIsTrimmedLowerCasedAndKeepsItsDomain() {
		assertThat(AssetIdentity.normaliseHostname("  WEB01.SoTTTT.Example.VN. ")).isEqualTo("web01.sotttt.example.vn");
		assertThat(AssetIdentity.normaliseHostname("  ")).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> AssetIdentity.normaliseHostname("web 01"));
	}

	@Test
	void ipv4IsValidatedStrictly() {
		assertThat(AssetIdentity.normaliseAddress(" 10.0.0.5 ")).isEqualTo("10.0.0.5");
		for (String bad : List.of("10.0.0", "10.0.0.256", "010.0.0.1", "10.0.0.1.", "1.2.3.4.5", "", "10..0.1",
				"1e1.0.0.1")) {
			assertThatIllegalArgumentException().as(bad).isThrownBy(() -> AssetIdentity.normaliseAddress(bad));
		}
	}

	@Test
	void namesAreRejectedInsteadOfResolved() {
		// Would resolve via DNS if passed to InetAddress.getByName; must fail without any
		// lookup.
		assertThatIllegalArgumentException().isThrownBy(() -> AssetIdentity.normaliseAddress("localhost"));
		assertThatIllegalArgumentException().isThrownBy(() -> AssetIdentity.normaliseAddress("example.com"));
		assertThatIllegalArgumentException().isThrownBy(() -> AssetIdentity.normaliseAddress("fe80::1%eth0"));
	}

	@Test
	void ipv6IsCompressedLowerCasePerRfc5952() {
		assertThat(AssetIdentity.normaliseAddress("2001:0DB8:0000:0000:0000:0000:0000:0001")).isEqualTo("2001:db8::1");
		assertThat(AssetIdentity.normaliseAddress("2001:db8:0:1:0:0:0:1")).isEqualTo("2001:db8:0:1::1");
		assertThat(AssetIdentity.normaliseAddress("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
		assertThat(AssetIdentity.normaliseAddress("::")).isEqualTo("::");
		assertThat(AssetIdentity.normaliseAddress("[::1]")).isEqualTo("::1");
		assertThat(AssetIdentity.normaliseAddress("1:2:3:4:5:6:7:0")).isEqualTo("1:2:3:4:5:6:7:0");
		assertThat(AssetIdentity.normaliseAddress("::ffff:192.168.1.10")).isEqualTo("192.168.1.10");
		assertThat(AssetIdentity.normaliseAddress("64:ff9b::192.0.2.33")).isEqualTo("64:ff9b::c000:221");
		for (String bad : List.of("1:2:3:4:5:6:7", "1::2::3", "12345::1", "g::1", ":1:2:3:4:5:6:7",
				"1:2:3:4:5:6:7:8:9")) {
			assertThatIllegalArgumentException().as(bad).isThrownBy(() -> AssetIdentity.normaliseAddress(bad));
		}
	}

	@Test
	void urlIsCanonicalised() {
		assertThat(AssetIdentity.normaliseUrl("HTTPS://SoTTTT.Example.VN:443/Portal/?a=B#top"))
			.isEqualTo("https://sotttt.example.vn/Portal?a=B");
		assertThat(AssetIdentity.normaliseUrl("http://example.vn:80/")).isEqualTo("http://example.vn");
		assertThat(AssetIdentity.normaliseUrl("http://example.vn:8080/a//")).isEqualTo("http://example.vn:8080/a");
		assertThat(AssetIdentity.normaliseUrl("https://[2001:DB8::1]/")).isEqualTo("https://[2001:db8::1]");
	}

	@Test
	void urlsThatAreNotPlainHttpAreRejected() {
		for (String bad : List.of("ftp://example.vn", "example.vn", "javascript:alert(1)",
				"https://user:pw@example.vn/", "http://exa mple.vn", "http:///path", "file:///etc/passwd")) {
			assertThatIllegalArgumentException().as(bad).isThrownBy(() -> AssetIdentity.normaliseUrl(bad));
		}
	}

	@Test
	void macAcceptsCommonNotations() {
		assertThat(AssetIdentity.normaliseMac("AA-BB-CC-DD-EE-0F")).isEqualTo("aa:bb:cc:dd:ee:0f");
		assertThat(AssetIdentity.normaliseMac("aabb.ccdd.ee0f")).isEqualTo("aa:bb:cc:dd:ee:0f");
		assertThat(AssetIdentity.normaliseMac("AABBCCDDEE0F")).isEqualTo("aa:bb:cc:dd:ee:0f");
		assertThatIllegalArgumentException().isThrownBy(() -> AssetIdentity.normaliseMac("aa:bb:cc:dd:ee"));
		assertThatIllegalArgumentException().isThrownBy(() -> AssetIdentity.normaliseMac("aa:bb:cc:dd:ee:gg"));
	}

	@Test
	void keyPrefersUrlForPortalsThenHostnameThenFirstAddress() {
		AssetRecord portal = new AssetRecord(2, AssetKind.WEB_PORTAL, "ignored", List.of("10.0.0.1"), null, null,
				"https://Example.vn/", null, List.of());
		AssetRecord named = new AssetRecord(3, AssetKind.SERVER, "Web01", List.of("10.0.0.1"), null, null, null, null,
				List.of());
		AssetRecord unnamed = new AssetRecord(4, AssetKind.SERVER, null, List.of("2001:DB8::0:1", "10.0.0.1"), null,
				null, null, null, List.of());
		assertThat(AssetIdentity.key(portal)).isEqualTo("url:https://example.vn");
		assertThat(AssetIdentity.key(named)).isEqualTo("host:web01");
		assertThat(AssetIdentity.key(unnamed)).isEqualTo("ip:2001:db8::1");
	}

}
