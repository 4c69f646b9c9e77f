package vn.khien.inventory.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.khien.platform.importing.ImportProblem;

class NmapXmlParserTest {

	private final NmapXmlParser parser = new NmapXmlParser();

	@ParameterizedTest
	@CsvSource({ "issue12411.xml, 2, 4", "issue4406.xml, 1, 25", "nmap_0port.xml, 1, 0", "nmap_1port.xml, 1, 1",
			"nmap_multiple_port.xml, 1, 13", "nmap_script_vulners.xml, 1, 1" })
	void realNmapSamplesGiveTheExpectedHostsAndOpenPorts(String file, int hosts, int openPorts) {
		TestFiles.Sink<AssetRecord> sink = new TestFiles.Sink<>();
		int count = parser.parse(TestFiles.sample("nmap/" + file), sink);
		assertThat(count).isEqualTo(hosts);
		assertThat(sink.items).hasSize(hosts);
		assertThat(sink.items.stream().mapToInt(a -> a.ports().size()).sum()).isEqualTo(openPorts);
		assertThat(sink.items).allSatisfy(a -> assertThat(a.kind()).isEqualTo(AssetKind.SERVER));
	}

	@Test
	void userHostnameIsPreferredOverPtrAndOnlyOpenPortsAreKept() {
		TestFiles.Sink<AssetRecord> sink = new TestFiles.Sink<>();
		parser.parse(TestFiles.sample("nmap/issue12411.xml"), sink);
		AssetRecord google = sink.get(0);
		assertThat(google.line()).isEqualTo(1);
		assertThat(google.hostname()).isEqualTo("google.com");
		assertThat(google.addresses()).containsExactly("172.217.18.238");
		assertThat(google.ports()).extracting(OpenPort::port).containsExactly(80, 443);
		AssetRecord amazon = sink.get(1);
		assertThat(amazon.line()).isEqualTo(2);
		assertThat(amazon.ports()).extracting(OpenPort::port).containsExactly(80, 443); // 135/139/445
																						// are
																						// filtered
		assertThat(amazon.identityKey()).isEqualTo("host:amazon.com");
	}

	@Test
	void ptrNameIsUsedWhenNoUserName() {
		TestFiles.Sink<AssetRecord> sink = new TestFiles.Sink<>();
		parser.parse(TestFiles.sample("nmap/nmap_1port.xml"), sink);
		assertThat(sink.get(0).hostname()).isEqualTo("localhost.localdomain");
	}

	@Test
	void serviceProductAndVersionAreKept() {
		TestFiles.Sink<AssetRecord> sink = new TestFiles.Sink<>();
		parser.parse(TestFiles.sample("nmap/nmap_script_vulners.xml"), sink);
		assertThat(sink.get(0).ports()).containsExactly(new OpenPort(5022, "tcp", "ssh", "OpenSSH", "7.4"));
	}

	@Test
	void downHostsAreSkippedButCountedInOrdinalsAndBestOsAndMacAreRead() {
		String xml = """
				<?xml version="1.0"?>
				<!DOCTYPE nmaprun>
				<nmaprun scanner="nmap">
				<hosthint><status state="up"/><address addr="10.0.0.9" addrtype="ipv4"/></hosthint>
				<host><status state="down"/><address addr="10.0.0.1" addrtype="ipv4"/></host>
				<host><status state="up"/>
				<address addr="10.0.0.2" addrtype="ipv4"/><address addr="2001:DB8::0:2" addrtype="ipv6"/>
				<address addr="00:1A:2B:3C:4D:5E" addrtype="mac" vendor="Cisco"/>
				<hostnames/>
				<ports><port protocol="udp" portid="161"><state state="open|filtered"/></port>
				<port protocol="tcp" portid="22"><state state="open"/><service name="ssh"/></port></ports>
				<os><portused state="open" proto="tcp" portid="22"/>
				<osmatch name="Linux 4.15" accuracy="95"/><osmatch name="Linux 5.4" accuracy="98"/><osmatch name="Linux 5.x" accuracy="98"/></os>
				</host>
				</nmaprun>
				""";
		TestFiles.Sink<AssetRecord> sink = new TestFiles.Sink<>();
		assertThat(parser.parse(TestFiles.utf8(xml), sink)).isEqualTo(1);
		AssetRecord host = sink.get(0);
		assertThat(host.line()).isEqualTo(2);
		assertThat(host.hostname()).isNull();
		assertThat(host.addresses()).containsExactly("10.0.0.2", "2001:db8::2");
		assertThat(host.mac()).isEqualTo("00:1a:2b:3c:4d:5e");
		assertThat(host.os()).isEqualTo("Linux 5.4");
		assertThat(host.ports()).extracting(OpenPort::port).containsExactly(22);
		assertThat(host.identityKey()).isEqualTo("ip:10.0.0.2");
	}

	/**
	 * A real sample as some pipelines store it: a licence header, a byte-order mark or
	 * blank lines before {@code <?xml}.
	 */
	static byte[] sampleWith(byte[] before) throws Exception {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		out.writeBytes(before);
		out.writeBytes(TestFiles.sample("nmap/issue12411.xml").readAllBytes());
		return out.toByteArray();
	}

	@Test
	void anSpdxLicenceCommentBeforeTheDeclarationIsSkipped() throws Exception {
		byte[] xml = sampleWith("""
				<!--
				  SPDX-FileCopyrightText: 2024 Trung tâm Giám sát an toàn không gian mạng
				  SPDX-License-Identifier: CC0-1.0
				-->
				""".getBytes(StandardCharsets.UTF_8));
		TestFiles.Sink<AssetRecord> sink = new TestFiles.Sink<>();
		assertThat(parser.parse(new ByteArrayInputStream(xml), sink)).isEqualTo(2);
		assertThat(sink.get(0).hostname()).isEqualTo("google.com");
	}

	@Test
	void aByteOrderMarkBeforeTheDeclarationIsSkipped() throws Exception {
		byte[] xml = sampleWith(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		assertThat(parser.parse(new ByteArrayInputStream(xml), a -> {
		})).isEqualTo(2);
	}

	@Test
	void leadingBlankLinesAreSkippedAndLinesStayThoseOfTheFile() throws Exception {
		byte[] xml = sampleWith("\n\r\n  \n".getBytes(StandardCharsets.US_ASCII));
		assertThat(parser.parse(new ByteArrayInputStream(xml), a -> {
		})).isEqualTo(2);
		String broken = "\n\n<?xml version=\"1.0\"?>\n<nmaprun>\n<host><status state=\"up\"/></hst>\n</nmaprun>";
		assertThatThrownBy(() -> parser.parse(TestFiles.utf8(broken), a -> {
		})).isInstanceOfSatisfying(ImportProblem.class, p -> {
			assertThat(p.messageKey()).isEqualTo("import.xml.malformed");
			assertThat(p.location()).isEqualTo("line:5");
		});
	}

	@Test
	void truncatedXmlIsMalformedWithALine() throws Exception {
		byte[] full = TestFiles.sample("nmap/issue12411.xml").readAllBytes();
		byte[] half = java.util.Arrays.copyOf(full, full.length / 2);
		assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(half), a -> {
		})).isInstanceOfSatisfying(ImportProblem.class, p -> {
			assertThat(p.messageKey()).isEqualTo("import.xml.malformed");
			assertThat(p.line()).isGreaterThan(1);
			assertThat(p.location()).startsWith("line:");
		});
	}

	@Test
	void xmlWithExternalEntityIsRefused(@TempDir Path dir) throws Exception {
		Path secret = dir.resolve("secret.txt");
		Files.writeString(secret, "TOP-SECRET-CONTENT");
		String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
				+ "<nmaprun><host><status state=\"up\"/><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/>"
				+ "<hostnames><hostname name=\"&xxe;\" type=\"user\"/></hostnames></host></nmaprun>";
		TestFiles.Sink<AssetRecord> sink = new TestFiles.Sink<>();
		assertThatThrownBy(() -> parser.parse(TestFiles.utf8(xml), sink)).isInstanceOfSatisfying(ImportProblem.class,
				p -> {
					assertThat(p.messageKey()).isEqualTo("import.xml.dtdForbidden");
					assertThat(p.line()).isEqualTo(2);
					assertThat(String.valueOf(p.getMessage()) + java.util.Arrays.toString(p.args()))
						.doesNotContain("TOP-SECRET");
				});
		assertThat(sink.items).isEmpty();
	}

	@Test
	void xmlWithExternalDtdIsRefused() {
		String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n<nmaprun/>";
		assertThatThrownBy(() -> parser.parse(TestFiles.utf8(xml), a -> {
		})).isInstanceOfSatisfying(ImportProblem.class,
				p -> assertThat(p.messageKey()).isEqualTo("import.xml.dtdForbidden"));
	}

	@Test
	void billionLaughsIsRefused() {
		String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
				+ "<nmaprun>&b;</nmaprun>";
		assertThatThrownBy(() -> parser.parse(TestFiles.utf8(xml), a -> {
		})).isInstanceOfSatisfying(ImportProblem.class,
				p -> assertThat(p.messageKey()).isEqualTo("import.xml.dtdForbidden"));
	}

	@Test
	void otherXmlRootIsNotNmap() {
		String xml = "<?xml version=\"1.0\"?>\n<NessusClientData_v2><Report/></NessusClientData_v2>";
		assertThatThrownBy(() -> parser.parse(TestFiles.utf8(xml), a -> {
		})).isInstanceOfSatisfying(ImportProblem.class, p -> {
			assertThat(p.messageKey()).isEqualTo("import.nmap.notNmap");
			assertThat(p.args()).containsExactly("NessusClientData_v2");
		});
	}

	@Test
	void emptyFileIsReportedAsEmpty() {
		assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(new byte[0]), a -> {
		})).isInstanceOfSatisfying(ImportProblem.class, p -> assertThat(p.messageKey()).isEqualTo("import.file.empty"));
	}

	@Test
	void invalidAddressNamesTheHostElement() {
		String xml = "<nmaprun><host><status state=\"up\"/><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/></host>"
				+ "<host><status state=\"up\"/><address addr=\"10.0.0.300\" addrtype=\"ipv4\"/></host></nmaprun>";
		assertThatThrownBy(() -> parser.parse(TestFiles.utf8(xml), a -> {
		})).isInstanceOfSatisfying(ImportProblem.class, p -> {
			assertThat(p.messageKey()).isEqualTo("import.row.invalidAddress");
			assertThat(p.location()).isEqualTo("element:host[2]");
			assertThat(p.line()).isZero();
		});
	}

	@Test
	void hundredThousandHostsStreamThrough() {
		int hosts = 100_000;
		int[] ports = { 0 };
		int count = parser.parse(generatedScan(hosts), a -> ports[0] += a.ports().size());
		assertThat(count).isEqualTo(hosts);
		assertThat(ports[0]).isEqualTo(hosts * 2);
	}

	/**
	 * A scan of many hosts produced on the fly, so the test itself does not hold the
	 * document in memory.
	 */
	static InputStream generatedScan(int hosts) {
		byte[] head = "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun>\n<nmaprun scanner=\"nmap\">\n"
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = "</nmaprun>\n".getBytes(StandardCharsets.UTF_8);
		Enumeration<InputStream> parts = new Enumeration<>() {
			private int i = -1;

			@Override
			public boolean hasMoreElements() {
				return i <= hosts;
			}

			@Override
			public InputStream nextElement() {
				if (i > hosts) {
					throw new NoSuchElementException();
				}
				int n = i++;
				if (n == -1) {
					return new ByteArrayInputStream(head);
				}
				if (n == hosts) {
					return new ByteArrayInputStream(tail);
				}
				String host = "<host starttime=\"1\" endtime=\"2\"><status state=\"up\" reason=\"syn-ack\"/>"
						+ "<address addr=\"10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255)
						+ "\" addrtype=\"ipv4\"/>" + "<hostnames><hostname name=\"h" + n
						+ ".example.vn\" type=\"PTR\"/></hostnames><ports>"
						+ "<extraports state=\"closed\" count=\"998\"/>"
						+ "<port protocol=\"tcp\" portid=\"22\"><state state=\"open\" reason=\"syn-ack\"/><service name=\"ssh\" product=\"OpenSSH\" version=\"8.9p1\"/></port>"
						+ "<port protocol=\"tcp\" portid=\"443\"><state state=\"open\" reason=\"syn-ack\"/><service name=\"https\"/></port>"
						+ "</ports><times srtt=\"100\" rttvar=\"50\" to=\"100000\"/></host>\n";
				return new ByteArrayInputStream(host.getBytes(StandardCharsets.UTF_8));
			}
		};
		return new java.io.BufferedInputStream(new SequenceInputStream(parts), 64 * 1024);
	}

}
