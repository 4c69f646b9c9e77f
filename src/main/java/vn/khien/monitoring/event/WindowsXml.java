package vn.khien.monitoring.event;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * A rendered Windows event ({@code <Event><System>…<EventData><Data Name=…>}) or a bare
 * {@code <EventData>} / Sentinel {@code <DataItem>} read with the JDK's StAX, no DTD, no
 * entity resolution. Gives the System values under Sigma names and the event data.
 */
final class WindowsXml {

	private static final XMLInputFactory FACTORY = factory();

	private WindowsXml() {
	}

	private static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		return factory;
	}

	/** System values (Sigma names), event data, and the SystemTime text. */
	record Parsed(Map<String, Object> system, Map<String, Object> data, @Nullable String systemTime,
			@Nullable String userId, boolean complete) {
	}

	/**
	 * The parsed event; when the XML breaks off (Sentinel cuts long SyslogMessage values)
	 * what came before, marked incomplete; null when nothing could be read.
	 */
	static @Nullable Parsed parse(String xml) {
		Map<String, Object> system = new LinkedHashMap<>();
		Map<String, Object> data = new LinkedHashMap<>();
		String systemTime = null;
		String userId = null;
		boolean complete = false;
		XMLStreamReader reader = null;
		try {
			reader = FACTORY.createXMLStreamReader(new StringReader(xml));
			int depth = 0;
			boolean inSystem = false;
			boolean inEventData = false;
			int userDataDepth = -1;
			String capture = null;
			boolean unnamedData = false;
			StringBuilder text = new StringBuilder();
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					depth++;
					String name = reader.getLocalName();
					capture = null;
					if ("System".equals(name)) {
						inSystem = true;
					}
					else if ("EventData".equals(name)) {
						inEventData = true;
					}
					else if ("UserData".equals(name)) {
						userDataDepth = depth;
					}
					else if (inSystem) {
						switch (name) {
							case "Provider" -> put(system, "Provider_Name", reader.getAttributeValue(null, "Name"));
							case "TimeCreated" -> systemTime = reader.getAttributeValue(null, "SystemTime");
							case "Security" -> userId = attribute(reader, "UserID", "UserId");
							case "Execution", "Correlation" -> {
							}
							default -> capture = name;
						}
					}
					else if (inEventData && "Data".equals(name)) {
						capture = reader.getAttributeValue(null, "Name");
						unnamedData = capture == null;
						if (unnamedData) {
							capture = "Data";
						}
					}
					else if (userDataDepth > 0 && depth >= userDataDepth + 2) {
						capture = name;
						unnamedData = false;
					}
					text.setLength(0);
				}
				else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
					if (capture != null) {
						text.append(reader.getText());
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					String name = reader.getLocalName();
					if (capture != null) {
						if (inSystem) {
							system.put(capture, text.toString());
						}
						else if (unnamedData) {
							FlatMaps.add(data, "Data", text.toString());
						}
						else {
							data.put(capture, text.toString());
						}
						capture = null;
					}
					if ("System".equals(name)) {
						inSystem = false;
					}
					else if ("EventData".equals(name)) {
						inEventData = false;
					}
					else if (depth == userDataDepth) {
						userDataDepth = -1;
					}
					depth--;
				}
			}
			complete = true;
		}
		catch (XMLStreamException | RuntimeException ex) {
			// partial: what was read so far is kept
		}
		finally {
			if (reader != null) {
				try {
					reader.close();
				}
				catch (XMLStreamException ex) {
					// nothing held
				}
			}
		}
		if (system.isEmpty() && data.isEmpty()) {
			return null;
		}
		return new Parsed(system, data, systemTime, userId, complete);
	}

	private static @Nullable String attribute(XMLStreamReader reader, String name, String alternative) {
		String value = reader.getAttributeValue(null, name);
		return (value != null) ? value : reader.getAttributeValue(null, alternative);
	}

	private static void put(Map<String, Object> map, String key, @Nullable String value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
