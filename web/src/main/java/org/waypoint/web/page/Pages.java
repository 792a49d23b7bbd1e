package org.waypoint.web.page;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Small things every backing bean needs: the request, and a redirect after a successful form (POST, redirect, GET). */
public final class Pages {

    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

    private Pages() {
    }

    public static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public static HttpServletResponse response() {
        return (HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse();
    }

    /** Sends the browser to {@code page} (a plain address such as {@code /referrals}) with query parameters given as name, value pairs. */
    public static void redirect(String page, String... parameters) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        StringBuilder url = new StringBuilder(external.getRequestContextPath()).append(page);
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            url.append(i == 0 ? '?' : '&').append(parameters[i]).append('=')
                    .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
        }
        try {
            external.redirect(url.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FacesContext.getCurrentInstance().responseComplete();
    }

    /** Answers the request with 404 (the problem page), as for a record the reader may not see, unless something has answered already. */
    public static void notFound() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!faces.getResponseComplete()) {
            try {
                faces.getExternalContext().responseSendError(404, "Not Found");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
        }
    }

    /** Whether a value from an address or a form has the shape of a record's id (a UUID), before anything looks it up. */
    public static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** Turns a blank form value into null. */
    public static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
