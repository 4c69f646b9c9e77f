package vn.khien.monitoring.sigma;

import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 network, and addresses parsed by hand: no name lookup can happen, and a
 * field that is not an address simply does not match.
 */
final class Cidr {

	private final boolean v6;

	private final long hi;

	private final long lo;

	private final long maskHi;

	private final long maskLo;

	private Cidr(boolean v6, long hi, long lo, int bits) {
		this.v6 = v6;
		int total = v6 ? 128 : 32;
		if (!v6) {
			this.maskHi = 0;
			this.maskLo = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
		}
		else {
			this.maskHi = bits == 0 ? 0 : bits >= 64 ? -1L : -1L << (64 - bits);
			this.maskLo = bits <= 64 ? 0 : bits == 128 ? -1L : -1L << (128 - bits);
		}
		this.hi = hi & maskHi;
		this.lo = lo & maskLo;
		if (bits < 0 || bits > total) {
			throw new IllegalArgumentException();
		}
	}

	/** The network, or null when the text is not one. */
	static @Nullable Cidr parse(String text) {
		String t = text.trim();
		int slash = t.indexOf('/');
		String address = slash < 0 ? t : t.substring(0, slash);
		boolean v6 = address.indexOf(':') >= 0;
		int bits;
		try {
			bits = slash < 0 ? (v6 ? 128 : 32) : Integer.parseInt(t.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			return null;
		}
		if (bits < 0 || bits > (v6 ? 128 : 32)) {
			return null;
		}
		if (!v6) {
			long ip = ipv4(address, 0, address.length());
			return ip < 0 ? null : new Cidr(false, 0, ip, bits);
		}
		long[] ip = ipv6(address);
		return ip == null ? null : new Cidr(true, ip[0], ip[1], bits);
	}

	boolean contains(String address) {
		if (!v6) {
			long ip = ipv4(address, 0, address.length());
			return ip >= 0 && (ip & maskLo) == lo;
		}
		if (address.indexOf(':') < 0) {
			return false;
		}
		long[] ip = ipv6(address);
		return ip != null && (ip[0] & maskHi) == hi && (ip[1] & maskLo) == lo;
	}

	/** Dotted quad to a 32-bit value, or -1. */
	static long ipv4(String s, int from, int to) {
		long ip = 0;
		int parts = 0;
		int i = from;
		while (i < to) {
			int value = 0;
			int digits = 0;
			while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
				value = value * 10 + (s.charAt(i++) - '0');
				if (++digits > 3) {
					return -1;
				}
			}
			if (digits == 0 || value > 255) {
				return -1;
			}
			ip = (ip << 8) | value;
			parts++;
			if (i < to) {
				if (s.charAt(i) != '.' || parts == 4) {
					return -1;
				}
				i++;
				if (i == to) {
					return -1;
				}
			}
		}
		return parts == 4 ? ip : -1;
	}

	static long @Nullable [] ipv6(String text) {
		String s = text;
		int zone = s.indexOf('%');
		if (zone >= 0) {
			s = s.substring(0, zone);
		}
		if (s.startsWith("[") && s.endsWith("]")) {
			s = s.substring(1, s.length() - 1);
		}
		int[] groups = new int[8];
		int count = 0;
		int gap = -1;
		int i = 0;
		int n = s.length();
		if (s.startsWith("::")) {
			gap = 0;
			i = 2;
		}
		while (i < n) {
			int start = i;
			int value = 0;
			while (i < n && Character.digit(s.charAt(i), 16) >= 0 && i - start < 4) {
				value = value * 16 + Character.digit(s.charAt(i), 16);
				i++;
			}
			if (i < n && s.charAt(i) == '.') {
				long v4 = ipv4(s, start, n);
				if (v4 < 0 || count > 6) {
					return null;
				}
				groups[count++] = (int) (v4 >> 16);
				groups[count++] = (int) (v4 & 0xFFFF);
				i = n;
				break;
			}
			if (i == start || count == 8) {
				return null;
			}
			groups[count++] = value;
			if (i < n) {
				if (s.charAt(i) != ':') {
					return null;
				}
				i++;
				if (i < n && s.charAt(i) == ':') {
					if (gap >= 0) {
						return null;
					}
					gap = count;
					i++;
				}
				else if (i == n) {
					return null;
				}
			}
		}
		if (gap < 0 && count != 8 || gap >= 0 && count > 7) {
			return null;
		}
		int[] full = new int[8];
		if (gap < 0) {
			full = groups;
		}
		else {
			int tail = count - gap;
			System.arraycopy(groups, 0, full, 0, gap);
			System.arraycopy(groups, gap, full, 8 - tail, tail);
		}
		long hi = 0;
		long lo = 0;
		for (int g = 0; g < 4; g++) {
			hi = (hi << 16) | full[g];
			lo = (lo << 16) | full[g + 4];
		}
		return new long[] { hi, lo };
	}

}
