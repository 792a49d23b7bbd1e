package org.waypoint.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Who the caller is and whether they came over TLS, when Waypoint stands behind its edge (HAProxy,
 * {@code deploy/haproxy}): the edge's own address would otherwise be every caller's, so per-address
 * limits (sign-in, password reset, API quota) would be shared by everyone, and its plain-HTTP connection
 * would make cookies go out without {@code Secure}. Only a request whose connection comes from a trusted
 * proxy ({@code waypoint.trusted-proxies}, loopback by default) is read for the edge's
 * {@code X-Forwarded-For} (its last address: the edge sets the header to the address it saw) and
 * {@code X-Forwarded-Proto}; from anywhere else both headers are ignored. Cookies are also marked Secure
 * whenever the configured public address ({@code waypoint.public-url}) is https, for TLS ended before
 * the edge.
 */
public class ForwardedFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private transient TrustedProxies trusted;
    private boolean publicUrlIsHttps;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        var settings = ConfigProvider.getConfig();
        trusted = TrustedProxies.parse(settings.getOptionalValue("waypoint.trusted-proxies", String.class)
                .orElse(TrustedProxies.LOOPBACK));
        publicUrlIsHttps = settings.getOptionalValue("waypoint.public-url", String.class)
                .map(url -> "https".equalsIgnoreCase(URI.create(url.trim()).getScheme())).orElse(false);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Forwarded forwarded = Forwarded.of(trusted, request.getRemoteAddr(),
                request.getHeader("X-Forwarded-For"), request.getHeader("X-Forwarded-Proto"));
        boolean secure = request.isSecure() || forwarded.https() || publicUrlIsHttps;
        chain.doFilter(new AsForwarded(request, forwarded.client(), secure), response);
    }

    /** The caller's address and the scheme they used, as the trusted edge saw them. */
    record Forwarded(String client, boolean https) {

        static Forwarded of(TrustedProxies trusted, String peer, String forwardedFor, String forwardedProto) {
            if (!trusted.contains(peer)) {
                return new Forwarded(peer, false);
            }
            String client = peer;
            if (forwardedFor != null && !forwardedFor.isBlank()) {
                String[] hops = forwardedFor.split(",");
                String last = hops[hops.length - 1].trim();
                if (TrustedProxies.isAddress(last)) {
                    client = last;
                }
            }
            return new Forwarded(client, forwardedProto != null && "https".equalsIgnoreCase(forwardedProto.trim()));
        }
    }

    private static final class AsForwarded extends HttpServletRequestWrapper {

        private final String client;
        private final boolean secure;

        AsForwarded(HttpServletRequest request, String client, boolean secure) {
            super(request);
            this.client = client;
            this.secure = secure;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }
    }
}
