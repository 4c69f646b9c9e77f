package vn.khien.inventory.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

import org.junit.jupiter.api.Test;

import vn.khien.platform.importing.ImportProblem;
import vn.khien.platform.importing.ImportProblems;
import vn.khien.platform.importing.ParseResult;
import vn.khien.platform.importing.TableFormat;

class AssetTableParserCsvTest {

	private final AssetTableParser parser = new AssetTableParser();

	private static final String GOOD = """
			Kind,HOSTNAME,addresses,mac,os,url,system
			Máy chủ,WEB01.sotttt.example.vn,10.0.0.5;10.0.0.6,AA-BB-CC-DD-EE-01,Ubuntu 22.04,,HTTT-01
			máy trạm,KT-PC07,192.168.10.27 2001:db8::27,,Windows 10,,
			cổng thông tin,,,,,https://SoTTTT.example.vn/,HTTT-02
			network_device,,10.0.0.1,,,,
			""";

	@Test
	void validRowsAreMappedWithPhysicalLineNumbers() {
		TestFiles.Sink<AssetRecord> sink = new TestFiles.Sink<>();
		assertThat(parser.parse(TestFiles.utf8(GOOD), TableFormat.CSV, sink)).isEqualTo(4);
		AssetRecord web = sink.get(0);
		assertThat(web.line()).isEqualTo(2);
		assertThat(web.kind()).isEqualTo(AssetKind.SERVER);
		assertThat(web.hostname()).isEqualTo("web01.sotttt.example.vn");
		assertThat(web.addresses()).containsExactly("10.0.0.5", "10.0.0.6");
		assertThat(web.mac()).isEqualTo("aa:bb:cc:dd:ee:01");
		assertThat(web.systemCode()).isEqualTo("HTTT-01");
		assertThat(sink.get(1).addresses()).containsExactly("192.168.10.27", "2001:db8::27");
		assertThat(sink.get(2).identityKey()).isEqualTo("url:https://sotttt.example.vn");
		assertThat(sink.get(3).identityKey()).isEqualTo("ip:10.0.0.1");
		assertThat(sink.items).extracting(AssetRecord::line).containsExactly(2, 3, 4, 5);
	}

	@Test
	void lineNumbersCountBlankLinesAndMultiLineQuotedCells() {
		String csv = "kind,hostname,os\r\nserver,a,\"Windows\r\nServer 2019\"\r\n\r\nserver,b,Linux\r\n";
		TestFiles.Sink<AssetRecord> sink = new TestFiles.Sink<>();
		parser.parse(TestFiles.utf8(csv), TableFormat.CSV, sink);
		assertThat(sink.items).extracting(AssetRecord::line).containsExactly(2, 5);
		assertThat(sink.get(0).os()).isEqualTo("Windows\r\nServer 2019");
	}

	@Test
	void utf8WithBomIsAccepted() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		bytes.writeBytes("kind,hostname\nmáy chủ,srv01\n".getBytes(StandardCharsets.UTF_8));
		TestFiles.Sink<AssetRecord> sink = new TestFiles.Sink<>();
		assertThat(parser.parse(new ByteArrayInputStream(bytes.toByteArray()), TableFormat.CSV, sink)).isEqualTo(1);
		assertThat(sink.get(0).kind()).isEqualTo(AssetKind.SERVER);
	}

	@Test
	void windows1258BytesAreAnEncodingProblemOnTheirLine() {
		byte[] bytes;
		if (Charset.isSupported("windows-1258")) {
			bytes = "kind,hostname\nserver,a\nserver,b\nmáy trạm,c\n".getBytes(Charset.forName("windows-1258"));
		}
		else {
			bytes = "kind,hostname\nserver,a\nserver,b\nm\u00e1y,c\n".getBytes(StandardCharsets.ISO_8859_1);
		}
		assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(bytes), TableFormat.CSV, a -> {
		})).isInstanceOfSatisfying(ImportProblem.class, p -> {
			assertThat(p.messageKey()).isEqualTo("import.csv.encoding");
			assertThat(p.line()).isEqualTo(4);
		});
	}

	@Test
	void encodingProblemFarIntoTheFileHasTheRightLine() {
		StringBuilder csv = new StringBuilder("kind,hostname\n");
		for (int i = 0; i < 5000; i++) {
			csv.append("server,host").append(i).append('\n');
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
		bytes.writeBytes(new byte[] { 's', 'e', 'r', 'v', 'e', 'r', ',', (byte) 0xC3, '(', '\n' });
		assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(bytes.toByteArray()), TableFormat.CSV, a -> {
		})).isInstanceOfSatisfying(ImportProblem.class, p -> {
			assertThat(p.messageKey()).isEqualTo("import.csv.encoding");
			assertThat(p.line()).isEqualTo(5002);
		});
	}

	@Test
	void multiByteCharactersAcrossDecoderBufferBoundariesAreKept() {
		String longOs = "ệ".repeat(30_000) + "😀".repeat(10_000);
		TestFiles.Sink<AssetRecord> sink = new TestFiles.Sink<>();
		parser.parse(TestFiles.utf8("kind,hostname,os\nserver,a,\"" + longOs + "\"\nserver,b,x\n"), TableFormat.CSV,
				sink);
		assertThat(sink.get(0).os()).isEqualTo(longOs);
		assertThat(sink.get(1).line()).isEqualTo(3);
	}

	@Test
	void wrongColumnsNameWhatIsMissingAndUnknown() {
		assertThatThrownBy(
				() -> parser.parse(TestFiles.utf8("type,host,ip address\nserver,a,10.0.0.1\n"), TableFormat.CSV, a -> {
				}))
			.isInstanceOfSatisfying(ImportProblem.class, p -> {
				assertThat(p.messageKey()).isEqualTo("import.csv.columns");
				assertThat(p.line()).isEqualTo(1);
				assertThat(p.args()).containsExactly("kind, hostname/addresses/url", "type, host, ip address", 2, 3);
			});
	}

	@Test
	void vietnameseHeadersAndSpacedNamesAreTheSameColumns() {
		TestFiles.Sink<AssetRecord> sink = new TestFiles.Sink<>();
		parser.parse(
				TestFiles.utf8("Loại;Tên máy;Địa chỉ IP;Hệ điều hành;System code\nmáy chủ;srv1;10.0.0.1;Ubuntu;HT-1\n"),
				TableFormat.CSV, sink);
		assertThat(sink.get(0).hostname()).isEqualTo("srv1");
		assertThat(sink.get(0).addresses()).containsExactly("10.0.0.1");
		assertThat(sink.get(0).os()).isEqualTo("Ubuntu");
		assertThat(sink.get(0).systemCode()).isEqualTo("HT-1");
	}

	@Test
	void duplicateHostInAFileNamesTheFirstLine() {
		String csv = "kind,hostname,addresses\nserver,WEB01,10.0.0.1\nserver,other,10.0.0.2\nserver,web01.,10.0.0.3\n";
		assertThatThrownBy(() -> parser.parse(TestFiles.utf8(csv), TableFormat.CSV, a -> {
		})).isInstanceOfSatisfying(ImportProblem.class, p -> {
			assertThat(p.messageKey()).isEqualTo("import.row.duplicate");
			assertThat(p.line()).isEqualTo(4);
			assertThat(p.args()).containsExactly("web01", 2);
		});
	}

	@Test
	void invalidIpIsReportedWithLineAndValue() {
		assertThatThrownBy(() -> parser.parse(
				TestFiles.utf8("kind,addresses\nserver,10.0.0.1\nserver,10.0.0.1;10.0.0.999\n"), TableFormat.CSV, a -> {
				}))
			.isInstanceOfSatisfying(ImportProblem.class, p -> {
				assertThat(p.messageKey()).isEqualTo("import.row.invalidAddress");
				assertThat(p.line()).isEqualTo(3);
				assertThat(p.args()).containsExactly("10.0.0.999");
			});
	}

	@Test
	void invalidUrlIsReportedWithLineAndValue() {
		assertThatThrownBy(() -> parser.parse(TestFiles.utf8("kind,url\nweb_portal,ftp://files.example.vn\n"),
				TableFormat.CSV, a -> {
				}))
			.isInstanceOfSatisfying(ImportProblem.class, p -> {
				assertThat(p.messageKey()).isEqualTo("import.row.invalidUrl");
				assertThat(p.line()).isEqualTo(2);
				assertThat(p.args()).containsExactly("ftp://files.example.vn");
			});
	}

	@Test
	void portalWithoutUrlAndHostWithoutIdentityAreRejected() {
		ParseResult<AssetRecord> result = parser.parseCollecting(
				TestFiles.utf8("kind,hostname,url\nweb_portal,www,\nserver,,\nserver,ok,\n"), TableFormat.CSV, a -> {
				});
		assertThat(result.parsed()).isEqualTo(1);
		assertThat(result.problems()).extracting(ImportProblem::messageKey)
			.containsExactly("import.row.missingUrl", "import.row.missingIdentity");
	}

	@Test
	void collectModeKeepsGoingAndOnlyEmitsValidRows() {
		String csv = "kind,hostname,addresses\nserver,a,10.0.0.1\nprinter,b,10.0.0.2\nserver,c,10.0.0.x\nserver,d,10.0.0.4\nserver,A,\n";
		TestFiles.Sink<AssetRecord> sink = new TestFiles.Sink<>();
		ParseResult<AssetRecord> result = parser.parseCollecting(TestFiles.utf8(csv), TableFormat.CSV, sink);
		assertThat(result.parsed()).isEqualTo(2);
		assertThat(sink.items).extracting(AssetRecord::hostname).containsExactly("a", "d");
		assertThat(result.problems()).extracting(ImportProblem::messageKey)
			.containsExactly("import.row.invalidKind", "import.row.invalidAddress", "import.row.duplicate");
		assertThat(result.problems()).extracting(ImportProblem::line).containsExactly(3, 4, 6);
		assertThat(result.truncated()).isFalse();
	}

	@Test
	void collectedProblemsAreCappedButCounted() {
		StringBuilder csv = new StringBuilder("kind,hostname\n");
		for (int i = 0; i < 1500; i++) {
			csv.append("toaster,h").append(i).append('\n');
		}
		ParseResult<AssetRecord> result = parser.parseCollecting(TestFiles.utf8(csv.toString()), TableFormat.CSV, a -> {
		});
		assertThat(result.parsed()).isZero();
		assertThat(result.problems()).hasSize(ImportProblems.MAX_KEPT);
		assertThat(result.problemCount()).isEqualTo(1500);
		assertThat(result.truncated()).isTrue();
	}

	@Test
	void emptyFileIsReportedAsEmpty() {
		for (String empty : new String[] { "", "\n\n", "\uFEFF" }) {
			assertThatThrownBy(() -> parser.parse(TestFiles.utf8(empty), TableFormat.CSV, a -> {
			})).isInstanceOfSatisfying(ImportProblem.class,
					p -> assertThat(p.messageKey()).isEqualTo("import.file.empty"));
		}
	}

	@Test
	void unterminatedQuoteIsMalformedCsv() {
		assertThatThrownBy(() -> parser.parse(TestFiles.utf8("kind,hostname\nserver,\"abc\n"), TableFormat.CSV, a -> {
		})).isInstanceOfSatisfying(ImportProblem.class,
				p -> assertThat(p.messageKey()).isEqualTo("import.csv.malformed"));
	}

	@Test
	void hundredThousandRowsStreamThrough() {
		int rows = 100_000;
		Enumeration<InputStream> parts = new Enumeration<>() {
			private int i = -1;

			@Override
			public boolean hasMoreElements() {
				return i < rows;
			}

			@Override
			public InputStream nextElement() {
				int n = i++;
				String line = n < 0 ? "kind,hostname,addresses,os\n" : "máy chủ,srv" + n + ".example.vn,10."
						+ (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255) + ",Ubuntu\n";
				return new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8));
			}
		};
		int count = parser.parse(new java.io.BufferedInputStream(new SequenceInputStream(parts), 64 * 1024),
				TableFormat.CSV, a -> {
				});
		assertThat(count).isEqualTo(rows);
	}

}
