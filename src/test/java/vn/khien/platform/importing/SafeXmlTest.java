package vn.khien.platform.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;

import org.junit.jupiter.api.Test;

class SafeXmlTest {

	static final String SPDX = """
			<!--
			  SPDX-FileCopyrightText: 2024 Sở Thông tin và Truyền thông
			  SPDX-License-Identifier: CC-BY-4.0 -- scanner output, kept as evidence
			-->
			""";

	/** The root's name and the line of every element, read through SafeXml. */
	static List<String> elements(byte[] bytes) {
		List<String> seen = new ArrayList<>();
		try (SafeXml xml = SafeXml.open(new ByteArrayInputStream(bytes))) {
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT) {
					seen.add(xml.reader().getLocalName() + "@" + xml.line());
				}
			}
		}
		return seen;
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void aLicenceCommentBlankLinesAndAByteOrderMarkBeforeTheDeclarationAreSkipped() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		bytes.writeBytes(utf8("\r\n\n" + SPDX + "  <!-- second -->\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<!DOCTYPE run>\n<run>\n<item/>\n</run>\n"));
		// the BOM, two blank lines, four lines of licence, one of comment, the
		// declaration, the doctype: <run> is line 10
		assertThat(elements(bytes.toByteArray())).containsExactly("run@10", "item@11");
	}

	@Test
	void aDocumentWithoutDeclarationOrWithATextEncodingOfItsOwnStillReads() {
		assertThat(elements(utf8("\n\n<run><item/></run>"))).containsExactly("run@3", "item@3");
		assertThat(elements("<?xml version=\"1.0\" encoding=\"UTF-16\"?><run/>".getBytes(Charset.forName("UTF-16"))))
			.containsExactly("run@1");
	}

	@Test
	void malformedXmlIsReportedAtItsLineInTheFile() {
		assertThatThrownBy(() -> elements(utf8(SPDX + "<?xml version=\"1.0\"?>\n<run>\n<item>\n</run>")))
			.isInstanceOfSatisfying(ImportProblem.class, p -> {
				assertThat(p.messageKey()).isEqualTo("import.xml.malformed");
				assertThat(p.location()).isEqualTo("line:8");
			});
		assertThatThrownBy(() -> elements(utf8("\n<!-- never closed\n<run/>")))
			.isInstanceOfSatisfying(ImportProblem.class, p -> {
				assertThat(p.messageKey()).isEqualTo("import.xml.malformed");
				assertThat(p.location()).isEqualTo("line:2");
			});
	}

	@Test
	void nothingButBlanksAndCommentsIsAnEmptyFile() {
		for (String empty : new String[] { "", "\n  \n", "\uFEFF", SPDX }) {
			assertThatThrownBy(() -> elements(utf8(empty))).isInstanceOfSatisfying(ImportProblem.class,
					p -> assertThat(p.messageKey()).isEqualTo("import.file.empty"));
		}
	}

	@Test
	void aDoctypeWithAnExternalEntityIsRefusedWithoutReadingTheEntity() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			String url = "http://127.0.0.1:" + server.getLocalPort();
			String entity = SPDX + "<?xml version=\"1.0\"?>\n<!DOCTYPE run [<!ENTITY xxe SYSTEM \"" + url
					+ "/secret\">]>\n" + "<run>&xxe;</run>";
			String dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE run SYSTEM \"" + url + "/evil.dtd\">\n<run/>";
			String parameter = "<!DOCTYPE run [<!ENTITY % p SYSTEM \"" + url + "/p\"> %p;]><run/>";
			// a parser that fetched would wait on the socket for an answer that never
			// comes
			assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
				assertThatThrownBy(() -> elements(utf8(entity))).isInstanceOfSatisfying(ImportProblem.class, p -> {
					assertThat(p.messageKey()).isEqualTo("import.xml.dtdForbidden");
					assertThat(p.location()).isEqualTo("line:6");
				});
				for (String xml : List.of(dtd, parameter)) {
					assertThatThrownBy(() -> elements(utf8(xml))).isInstanceOfSatisfying(ImportProblem.class,
							p -> assertThat(p.messageKey()).isEqualTo("import.xml.dtdForbidden"));
				}
			});
			// and no connection was even attempted: it would be waiting in the backlog
			server.setSoTimeout(200);
			assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
		}
	}

	@Test
	void theBareDoctypeToolsWriteIsAccepted() {
		assertThat(elements(utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun>\n<nmaprun/>")))
			.containsExactly("nmaprun@3");
	}

}
