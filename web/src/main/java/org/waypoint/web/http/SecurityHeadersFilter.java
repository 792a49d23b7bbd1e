package org.waypoint.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers every response carries: no script but our own files, no framing, no referrer, no
 * type sniffing. Pages are never stored, since most show personal data; only the static files
 * (styles, fonts, images, scripts) may be cached. The API page (Swagger UI) styles itself inline
 * and draws icons from data: URLs, so its policy allows those and nothing more. A response that went
 * out over TLS (to the application, or to the trusted edge: {@link ForwardedFilter}) tells the browser to
 * come back to this host and its subdomains only over TLS for a year (HSTS); over plain HTTP, where a
 * browser would ignore it, it is not sent.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    private static final String API_DOCS_POLICY = POLICY + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:";
    static final String TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("Content-Security-Policy", path.startsWith("/api-docs") ? API_DOCS_POLICY : POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", TRANSPORT_SECURITY);
        }
        if (!isStatic(path)) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    private static boolean isStatic(String path) {
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/api-docs/");
    }
}
