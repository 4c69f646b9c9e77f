package vn.khien.platform.stix;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Identifiers and timestamps every STIX writer shares. Ids are name-based (UUID version
 * 5) so that exporting a case or an alert again gives the same ids and a receiver updates
 * instead of duplicating (ADR 0010).
 */
public final class Ids {

	/** Khiên's own namespace for the ids of the objects it writes; never change it. */
	public static final UUID KHIEN = UUID.fromString("c7140a8b-f151-43b6-abe2-9f764ec674b5");

	/** The namespace STIX 2.1 gives for the ids of cyber-observables (section 2.9). */
	public static final UUID STIX_SCO = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");

	private static final DateTimeFormatter STIX_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private Ids() {
	}

	public static UUID v5(UUID namespace, String name) {
		MessageDigest sha1;
		try {
			sha1 = MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		sha1.update(ByteBuffer.allocate(16)
			.putLong(namespace.getMostSignificantBits())
			.putLong(namespace.getLeastSignificantBits())
			.array());
		byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
		hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
		hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
		ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
		return new UUID(bits.getLong(), bits.getLong());
	}

	/**
	 * The id of a Khiên object: the producer is part of the name because every province
	 * numbers its cases from 1, and the national network holds them all.
	 */
	public static String khien(String type, String producer, Object... parts) {
		StringBuilder name = new StringBuilder(producer).append('\n').append(type);
		for (Object part : parts) {
			name.append('\n').append(part);
		}
		return type + "--" + v5(KHIEN, name.toString());
	}

	/**
	 * The id STIX prescribes for a cyber-observable: UUID v5 over the canonical JSON (RFC
	 * 8785) of its id-contributing property, so two producers seeing one address agree.
	 */
	public static String sco(String type, String canonicalJson) {
		return type + "--" + v5(STIX_SCO, canonicalJson);
	}

	/**
	 * A one-string-property object in RFC 8785 form: no spaces, the two strings escaped.
	 */
	public static String canonical(String key, String value) {
		return "{" + canonicalString(key) + ":" + canonicalString(value) + "}";
	}

	public static String canonicalString(String value) {
		StringBuilder out = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	/** A STIX timestamp: UTC, to the millisecond, with Z. */
	public static String stixTime(Instant instant) {
		return STIX_TIME.format(instant);
	}

}
