package org.waypoint.web.session;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The page a signed-out person asked for, to bring them back to after signing in. Only a path on
 * this site is ever accepted: anything with a scheme or a host ({@code https://elsewhere},
 * {@code //elsewhere}), a backslash (which browsers read as a slash), a control character or an
 * encoded slash after the first one is ignored, so the sign-in page can never send anyone elsewhere.
 */
public final class ReturnAddress {

    /** The sign-in form's field and the sign-in page's query parameter that carry it. */
    public static final String PARAMETER = "returnTo";

    private static final Pattern SAFE = Pattern.compile("/[A-Za-z0-9\\-._~!$&'()*+,;=:@/%?]*");
    private static final int LONGEST = 500;

    private ReturnAddress() {
    }

    /** The address a request was made to (before any forward inside the server), as a same-site path with its query. */
    public static String of(HttpServletRequest request) {
        String uri = (String) request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String query = (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        if (uri == null) {
            uri = request.getRequestURI();
            query = request.getQueryString();
        }
        String path = uri.substring(request.getContextPath().length());
        return query == null ? path : path + "?" + query;
    }

    /** {@code candidate} if it is a path on this site, never the sign-in or sign-out page; empty otherwise. */
    public static Optional<String> checked(String candidate) {
        if (candidate == null || candidate.length() > LONGEST || !SAFE.matcher(candidate).matches()
                || candidate.startsWith("//") || candidate.toLowerCase().contains("%2f") || candidate.toLowerCase().contains("%5c")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(candidate);
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                return Optional.empty();
            }
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
        String path = candidate.replaceAll("[?#].*", "");
        if (path.equals(PageAuthentication.SIGN_IN) || path.equals("/sign-out")) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }
}
