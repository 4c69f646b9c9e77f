package vn.khien.registry.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Strict UTF-8 CSV to {@link RawTable}; comma or semicolon delimited. */
final class CsvTableReader {

	private CsvTableReader() {
	}

	static RawTable read(byte[] bytes, int maxColumns) {
		int start = hasBom(bytes) ? 3 : 0;
		byte[] body = Arrays.copyOfRange(bytes, start, bytes.length);
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(body);
		// UTF-8 never decodes to more chars than bytes, so one pass fills this buffer.
		CharBuffer out = CharBuffer.allocate(body.length);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			return RawTable.failed(RowProblem.of(lineAt(body, in.position()), null, ImportKeys.ENCODING));
		}
		String text = out.flip().toString();
		return parse(text, delimiterOf(text), maxColumns);
	}

	private static RawTable parse(String text, char delimiter, int maxColumns) {
		CSVFormat format = CSVFormat.DEFAULT.builder()
				.setDelimiter(delimiter)
				// Kept as records and dropped later: skipping them here shifts getCharacterPosition().
				.setIgnoreEmptyLines(false)
				.get();
		List<RawTable.RawLine> lines = new ArrayList<>();
		CSVParser parser = null;
		try {
			parser = CSVParser.parse(text, format);
			// Records arrive in order, so line counting resumes where the previous record started.
			int counted = 0;
			int line = 1;
			for (CSVRecord record : parser) {
				int position = (int) record.getCharacterPosition();
				line += lineBreaks(text, counted, position);
				counted = position;
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < record.size() && i < maxColumns; i++) {
					cells.add(record.get(i));
				}
				lines.add(new RawTable.RawLine(line, cells));
			}
			return RawTable.of(lines);
		} catch (IOException | UncheckedIOException | IllegalStateException e) {
			// Malformed quoting; report where the parser stopped rather than failing the upload.
			int line = parser == null ? 0 : (int) parser.getCurrentLineNumber() + 1;
			return RawTable.failed(RowProblem.of(line, null, ImportKeys.FILE_UNREADABLE));
		}
	}

	private static char delimiterOf(String text) {
		for (String line : text.split("\\r\\n|\\r|\\n", -1)) {
			if (!line.isBlank()) {
				return line.indexOf(';') >= 0 && line.indexOf(',') < 0 ? ';' : ',';
			}
		}
		return ',';
	}

	private static boolean hasBom(byte[] bytes) {
		return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF;
	}

	// CR and LF are single bytes in UTF-8 and never part of a multi-byte sequence, so counting works on bytes.
	private static int lineAt(byte[] bytes, int offset) {
		int line = 1;
		for (int i = 0; i < offset && i < bytes.length; i++) {
			if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
				line++;
			}
		}
		return line;
	}

	private static int lineBreaks(String text, int from, int to) {
		int breaks = 0;
		for (int i = from; i < to && i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
				breaks++;
			}
		}
		return breaks;
	}
}
