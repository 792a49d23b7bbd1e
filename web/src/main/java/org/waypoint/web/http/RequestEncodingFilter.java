package org.waypoint.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads every request that does not name its character set as UTF-8, before anything reads it.
 * Browsers send a form in the page's own encoding (UTF-8) without naming it; Payara would read it
 * as ISO-8859-1, and the CSRF filter reads the form's token before Faces asks for UTF-8 (too late
 * then: Payara ignores the request and logs "Unable to set request character encoding"). Faces asks
 * on every postback; a request to set the encoding already set is answered here, so that only a
 * real change of encoding, too late, still reaches Payara and its warning.
 */
public class RequestEncodingFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        chain.doFilter(new EncodingSet(request), response);
    }

    private static final class EncodingSet extends HttpServletRequestWrapper {

        EncodingSet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public void setCharacterEncoding(String encoding) throws UnsupportedEncodingException {
            if (!same(encoding, getCharacterEncoding())) {
                super.setCharacterEncoding(encoding);
            }
        }

        private static boolean same(String wanted, String set) {
            try {
                return set != null && Charset.forName(wanted).equals(Charset.forName(set));
            } catch (IllegalArgumentException unknown) {
                return false;
            }
        }
    }
}
