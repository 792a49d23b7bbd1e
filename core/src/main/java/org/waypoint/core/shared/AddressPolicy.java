package org.waypoint.core.shared;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs the server may call when someone else chose them (a webhook's receiver, a directory
 * being imported). HTTPS only, unless {@code allowHttp}; no user name or password in the URL, no
 * fragment; and, unless {@code allowPrivateAddresses}, a host whose every address is public: never
 * loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (which holds the clouds'
 * metadata services), carrier-grade NAT, multicast or unspecified, so that whoever gives the URL
 * cannot make the server call into its own network. Callers check again before each call
 * ({@link #requirePublic}), so a name that later points inward is refused then too. Messages name the
 * rule broken, never the URL.
 */
public record AddressPolicy(boolean allowHttp, boolean allowPrivateAddresses) {

    public static final int MAX_LENGTH = 2000;

    /** The URL, checked; an {@link IllegalArgumentException} says what is wrong with it. */
    public URI check(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidField("url", "error.url.required", "url is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw new InvalidField("url", "error.field.tooLong", "url is at most " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidField("url", "error.url.invalid", "url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new InvalidField("url", allowHttp ? "error.url.scheme" : "error.url.https",
                    allowHttp ? "url must be http or https" : "url must be https");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new InvalidField("url", "error.url.parts", "url needs a host, and has no user name, password or fragment");
        }
        requirePublic(uri);
        return uri;
    }

    /** Refuses a host that resolves to no address, or to one this policy does not allow. */
    public void requirePublic(URI uri) {
        if (allowPrivateAddresses) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new InvalidField("url", "error.url.unresolved", "url's host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new InvalidField("url", "error.url.private", "url's host is a loopback, private or link-local address, "
                        + "which the server does not call");
            }
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first != 0 && !(first == 100 && second >= 64 && second < 128);
    }
}
