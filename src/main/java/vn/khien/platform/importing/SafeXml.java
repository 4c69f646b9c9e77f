package vn.khien.platform.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An uploaded XML document opened safely and tolerantly, for every XML import (Nmap
 * today, vulnerability scanners next). Safely: no DTD is processed and no entity
 * resolved; a document declaring entities, an internal subset or an external DTD is
 * refused ({@code import.xml.dtdForbidden}) before anything else is read, and an entity
 * reference too. Only the bare {@code <!DOCTYPE nmaprun>} that tools write is accepted.
 * Tolerantly: a byte-order mark, blank lines, and comments such as an SPDX licence header
 * before the {@code <?xml} declaration are skipped, as real tool outputs carry them and
 * the XML specification does not allow them there; lines are still those of the file as
 * uploaded.
 */
public final class SafeXml implements AutoCloseable {

	private static final XMLInputFactory FACTORY = factory();

	private static final Pattern BARE_DOCTYPE = Pattern.compile("<!DOCTYPE\\s+[\\p{L}_:][\\p{L}\\p{N}_:.-]*\\s*>",
			Pattern.CASE_INSENSITIVE);

	/**
	 * What scanners write: an external DTD named (never fetched) and an internal subset
	 * of element and attribute declarations only, as Burp Suite and Qualys do. No entity
	 * and no parameter entity: with DTD support off nothing in it is read anyway, but a
	 * document that declares one is an attack, not a report.
	 */
	private static final Pattern DECLARATIONS_DOCTYPE = Pattern.compile("<!DOCTYPE\\s+[\\p{L}_:][\\p{L}\\p{N}_:.-]*"
			+ "(?:\\s+(?:SYSTEM\\s+(?:\"[^\"]*\"|'[^']*')|PUBLIC\\s+(?:\"[^\"]*\"|'[^']*')\\s+(?:\"[^\"]*\"|'[^']*')))?"
			+ "\\s*(?:\\[(?:\\s|<!(?:ELEMENT|ATTLIST)\\s[^<>%]*>|<!--(?:[^-]|-(?!-))*-->)*\\])?\\s*>",
			Pattern.CASE_INSENSITIVE);

	private final XMLStreamReader reader;

	private final int skippedLines;

	private final Pattern allowedDoctype;

	private SafeXml(XMLStreamReader reader, int skippedLines, Pattern allowedDoctype) {
		this.reader = reader;
		this.skippedLines = skippedLines;
		this.allowedDoctype = allowedDoctype;
	}

	private static XMLInputFactory factory() {
		// The JDK's own StAX implementation, so behaviour does not depend on what else is
		// on the classpath.
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		// NB: a broken file is reported through the exception, with its line; the JDK's
		// reader would also print each error to the console
		factory.setXMLReporter((message, errorType, info, location) -> {
		});
		return factory;
	}

	/**
	 * Opens the document; the caller closes {@code in}.
	 * @throws ImportProblem {@code import.file.empty} (nothing but blanks and comments),
	 * {@code import.xml.malformed} (a comment never closed, a broken prolog),
	 * {@code import.file.unreadable}
	 */
	public static SafeXml open(InputStream in) {
		return open(in, BARE_DOCTYPE);
	}

	/**
	 * Opens a scanner's report as {@link #open} does, also letting through the DOCTYPE
	 * that scanners write: an external DTD's name (never fetched) and an internal subset
	 * of element and attribute declarations. Entities are refused as always.
	 */
	public static SafeXml openReport(InputStream in) {
		return open(in, DECLARATIONS_DOCTYPE);
	}

	private static SafeXml open(InputStream in, Pattern allowedDoctype) {
		BufferedInputStream input = new BufferedInputStream(in, 8192);
		int skipped;
		try {
			skipped = new Prolog(input).skip();
		}
		catch (IOException ex) {
			throw new ImportProblem("import.file.unreadable", null, ex);
		}
		try {
			return new SafeXml(FACTORY.createXMLStreamReader(input), skipped, allowedDoctype);
		}
		catch (XMLStreamException ex) {
			throw malformed(ex, skipped);
		}
	}

	/** For reading names, attributes and text of the current event. */
	public XMLStreamReader reader() {
		return reader;
	}

	public boolean hasNext() {
		try {
			return reader.hasNext();
		}
		catch (XMLStreamException ex) {
			throw malformed(ex, skippedLines);
		}
		catch (ImportProblem problem) {
			throw problem;
		}
		catch (RuntimeException ex) {
			// NB: the JDK's parser lets some errors out unchecked (a bad character in a
			// DOCTYPE's internal subset gives MissingResourceException): still a broken
			// file
			throw brokenAt(ex);
		}
	}

	/**
	 * The next event, as {@link XMLStreamReader#next()}; DTDs are checked here and entity
	 * references refused.
	 * @throws ImportProblem {@code import.xml.malformed} or
	 * {@code import.xml.dtdForbidden}, at their line
	 */
	public int next() {
		int event;
		try {
			event = reader.next();
		}
		catch (XMLStreamException ex) {
			throw malformed(ex, skippedLines);
		}
		catch (ImportProblem problem) {
			throw problem;
		}
		catch (RuntimeException ex) {
			throw brokenAt(ex);
		}
		if (event == XMLStreamConstants.DTD) {
			refuseDangerousDoctype();
		}
		else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
			throw ImportProblem.atLine(line(), "import.xml.dtdForbidden");
		}
		return event;
	}

	/** The line, in the file as uploaded, of the current event. */
	public int line() {
		return reader.getLocation().getLineNumber() + skippedLines;
	}

	@Override
	public void close() {
		try {
			reader.close();
		}
		catch (XMLStreamException ignored) {
			// nothing useful to do: the input stream belongs to the caller
		}
	}

	/**
	 * A bare DOCTYPE names the root and nothing else; anything more (entities, an
	 * internal subset, an external DTD) is an attack (XXE, billion laughs) or no tool
	 * output, and is refused before going on. Only the bare form is let through: the
	 * parser's text of a richer DOCTYPE is not reliable (the JDK's drops part of a
	 * parameter entity).
	 */
	private void refuseDangerousDoctype() {
		String doctype = reader.getText();
		if (doctype == null || !allowedDoctype.matcher(doctype.strip()).matches()) {
			throw ImportProblem.atLine(line(), "import.xml.dtdForbidden");
		}
	}

	private ImportProblem brokenAt(RuntimeException ex) {
		int line;
		try {
			line = line();
		}
		catch (RuntimeException unknown) {
			line = 0;
		}
		return new ImportProblem("import.xml.malformed", line > 0 ? "line:" + line : null, ex);
	}

	private static ImportProblem malformed(XMLStreamException ex, int skippedLines) {
		Location location = ex.getLocation();
		int line = location == null ? 0 : Math.max(location.getLineNumber(), 0);
		return new ImportProblem("import.xml.malformed", line > 0 ? "line:" + (line + skippedLines) : null, ex);
	}

	/**
	 * Skips what may come before the first markup that is not a comment: a UTF-8
	 * byte-order mark, white space and comments, counting the lines. Works on bytes, as
	 * such a header is ASCII; a UTF-16 document (its own byte-order mark) is left to the
	 * parser as it is.
	 */
	private static final class Prolog {

		private final BufferedInputStream in;

		private int lines;

		private int previous = -1;

		Prolog(BufferedInputStream in) {
			this.in = in;
		}

		int skip() throws IOException {
			in.mark(3);
			byte[] bom = in.readNBytes(3);
			boolean utf8Bom = bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB
					&& (bom[2] & 0xFF) == 0xBF;
			if (!utf8Bom) {
				in.reset();
				if (bom.length >= 2 && ((bom[0] & 0xFF) == 0xFE && (bom[1] & 0xFF) == 0xFF
						|| (bom[0] & 0xFF) == 0xFF && (bom[1] & 0xFF) == 0xFE)) {
					return 0;
				}
			}
			while (true) {
				in.mark(4);
				int b = in.read();
				if (b < 0) {
					throw ImportProblem.ofFile("import.file.empty");
				}
				if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
					count(b);
					continue;
				}
				if (b == '<' && in.read() == '!' && in.read() == '-' && in.read() == '-') {
					previous = '-';
					skipComment();
					continue;
				}
				in.reset();
				return lines;
			}
		}

		private void skipComment() throws IOException {
			int start = lines + 1;
			int dashes = 0;
			while (true) {
				int b = in.read();
				if (b < 0) {
					throw ImportProblem.atLine(start, "import.xml.malformed");
				}
				count(b);
				if (b == '>' && dashes >= 2) {
					return;
				}
				dashes = b == '-' ? dashes + 1 : 0;
			}
		}

		// CRLF and a lone CR are one line break each, as XML parsers count them.
		private void count(int b) {
			if (b == '\n' && previous != '\r' || b == '\r') {
				lines++;
			}
			previous = b;
		}

	}

}
