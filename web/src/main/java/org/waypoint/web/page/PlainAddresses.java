package org.waypoint.web.page;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sends a browser that asks for a page by its file ({@code /sign-in.xhtml}, bookmarks and links from
 * before the plain addresses) to the page's plain address ({@code /sign-in}), permanently. Three
 * pages moved further: the start page is {@code /}, {@code /referral.xhtml?id=…} is
 * {@code /referrals/{id}} and {@code /new-referral.xhtml} is {@code /referrals/new}. Only what the
 * browser asked for counts: the container's own forwards to a view file pass.
 */
public class PlainAddresses extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String asked = request.getRequestURI().substring(request.getContextPath().length());
        String plain = plain(asked, request.getParameter("id"));
        if (plain == null || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            chain.doFilter(request, response);
            return;
        }
        String query = request.getQueryString();
        boolean keepQuery = query != null && !asked.startsWith("/referral.") && !asked.equals("/referral");
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", request.getContextPath() + plain + (keepQuery ? "?" + query : ""));
    }

    /** The plain address for a path asked for, or null when it is one already. */
    static String plain(String asked, String id) {
        String page = asked.endsWith(".xhtml") ? asked.substring(0, asked.length() - ".xhtml".length()) : asked;
        if (page.equals("/referral")) {
            return Pages.isId(id) ? "/referrals/" + id : "/referrals";
        }
        if (page.equals("/new-referral")) {
            return "/referrals/new";
        }
        if (page.equals("/index") || page.endsWith("/index")) {
            return page.substring(0, page.length() - "index".length());
        }
        return page.equals(asked) ? null : page;
    }
}
