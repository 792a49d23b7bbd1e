package org.waypoint.web.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The addresses Waypoint's edge connects from ({@code waypoint.trusted-proxies}): a comma-separated list
 * of IP addresses and CIDR ranges, such as {@code 127.0.0.1,::1,10.0.0.0/8}. Only literal addresses are
 * read, never a name, so nothing here asks DNS.
 */
final class TrustedProxies {

    static final String LOOPBACK = "127.0.0.1,::1";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** The setting's list; an entry that is not an address or range fails the start, naming the entry. */
    static TrustedProxies parse(String setting) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : setting.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int slash = trimmed.indexOf('/');
            String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
            byte[] bytes = bytes(address);
            if (bytes == null) {
                throw new IllegalStateException("waypoint.trusted-proxies: not an IP address or range: " + trimmed);
            }
            int bits = bytes.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(trimmed.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > bytes.length * 8) {
                    throw new IllegalStateException("waypoint.trusted-proxies: not a prefix length: " + trimmed);
                }
            }
            ranges.add(new Range(bytes, bits));
        }
        return new TrustedProxies(ranges);
    }

    /** Whether a connection from {@code address} (as the container gives it) is the edge's. */
    boolean contains(String address) {
        byte[] bytes = bytes(address);
        return bytes != null && ranges.stream().anyMatch(range -> range.contains(bytes));
    }

    /** Whether {@code text} is a literal IPv4 or IPv6 address. */
    static boolean isAddress(String text) {
        return bytes(text) != null;
    }

    private static byte[] bytes(String text) {
        boolean v4 = text != null && IPV4.matcher(text).matches();
        if (text == null || !(v4 || IPV6.matcher(text).matches())) {
            return null;
        }
        if (v4 && Arrays.stream(text.split("\\.")).anyMatch(part -> Integer.parseInt(part) > 255)) {
            return null; // else InetAddress would take it for a name and ask DNS
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Range(byte[] network, int bits) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
