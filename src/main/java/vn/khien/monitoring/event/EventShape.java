package vn.khien.monitoring.event;

/**
 * The shape an event arrived in, as the decoder recognised it (docs/event-formats.md).
 */
public enum EventShape {

	/**
	 * evtx_dump JSON: {@code Event.System}, {@code Event.EventData}, {@code #attributes}.
	 */
	WINDOWS_EVTX_JSON,
	/**
	 * Sigma names at top level (NXLog, OTRF Security-Datasets, Sentinel SecurityEvent).
	 */
	WINDOWS_FLAT,
	/**
	 * Azure Sentinel {@code Event}/{@code WindowsEvent} rows, EventData as a JSON or XML
	 * string.
	 */
	WINDOWS_SENTINEL,
	/** Winlogbeat / Elastic Agent documents: {@code winlog.*} and ECS. */
	WINDOWS_ECS,
	/** A rendered Windows event as XML text ({@code <Event xmlns=...>}). */
	WINDOWS_XML,
	/** Sysmon for Linux: the Windows event XML, from a Linux host. */
	LINUX_SYSMON, WAZUH_ALERT, SURICATA_EVE,
	/** Any other Elastic Common Schema document, passed through. */
	ECS, SYSLOG_RFC3164, SYSLOG_RFC5424, CEF,
	/**
	 * Linux audit records ({@code type=... msg=audit(...)}, AUOMS), raw or in a syslog
	 * row.
	 */
	AUDITD,
	/** An Azure Sentinel {@code Syslog} row that is not auditd or Sysmon. */
	SENTINEL_SYSLOG,
	/** A JSON object of no known shape, kept with its fields flattened. */
	GENERIC_JSON,
	/** A text line of no known shape, kept as its message. */
	GENERIC_TEXT

}
