package vn.khien.platform.security;

import java.io.ByteArrayOutputStream;

/** RFC 4648 Base32 (standard alphabet); encodes without padding, decodes leniently. */
public final class Base32 {

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

	private Base32() {
	}

	public static String encode(byte[] data) {
		StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
		int buffer = 0;
		int bits = 0;
		for (byte b : data) {
			buffer = (buffer << 8) | (b & 0xFF);
			bits += 8;
			while (bits >= 5) {
				out.append(ALPHABET[(buffer >> (bits - 5)) & 0x1F]);
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(ALPHABET[(buffer << (5 - bits)) & 0x1F]);
		}
		return out.toString();
	}

	/**
	 * Decodes case-insensitively, ignoring whitespace and trailing '=' padding.
	 * @throws IllegalArgumentException on a character outside the alphabet or an
	 * impossible length
	 */
	public static byte[] decode(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		int symbols = 0;
		boolean padding = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				continue;
			}
			if (c == '=') {
				padding = true;
				continue;
			}
			if (padding) {
				throw new IllegalArgumentException("Base32 data after padding");
			}
			buffer = (buffer << 5) | valueOf(c);
			bits += 5;
			symbols++;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xFF);
				bits -= 8;
			}
		}
		// Lengths 1, 3 and 6 (mod 8) cannot come from whole bytes.
		int rest = symbols % 8;
		if (rest == 1 || rest == 3 || rest == 6) {
			throw new IllegalArgumentException("Invalid Base32 length");
		}
		return out.toByteArray();
	}

	private static int valueOf(char c) {
		if (c >= 'A' && c <= 'Z') {
			return c - 'A';
		}
		if (c >= 'a' && c <= 'z') {
			return c - 'a';
		}
		if (c >= '2' && c <= '7') {
			return c - '2' + 26;
		}
		throw new IllegalArgumentException("Invalid Base32 character");
	}

}
