package org.waypoint.web.page;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A page's form is small: a body declared over {@link #MAX_BYTES} is refused with 413 before anything
 * reads it (browsers always declare a form's length). Only the import page
 * takes a large body, the directory file it uploads, up to the Faces servlet's multipart limit and
 * then {@code waypoint.import.max-bytes}, which it checks itself. Without this, every page would take
 * the import's 256 MiB.
 */
public class PageBodyLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Far above any form but the import's: the longest free texts are some thousands of characters. */
    static final long MAX_BYTES = 1024 * 1024;
    private static final String IMPORT = "/admin/import";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getRequestURI().equals(request.getContextPath() + IMPORT)) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > MAX_BYTES) {
            // The body is never read: the connection cannot carry another request.
            response.setHeader("Connection", "close");
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
