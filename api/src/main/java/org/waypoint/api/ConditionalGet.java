package org.waypoint.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.waypoint.api.json.StrictJsonb;

/**
 * Conditional GET for every answer of the API: a 200 to a GET carries an {@code ETag} (a record's
 * own, from its version; for anything else, a list above all, a weak tag computed from the JSON it
 * answers), and a GET whose {@code If-None-Match} names that tag gets {@code 304 Not Modified} with
 * the tag and no body instead.
 * <p>
 * Only a 200 becomes a 304, after the resource has run: whoever may not see the record still gets
 * their 401, 403 or 404, and the read is audited as every read is. A 304 is a read: it tells the
 * caller that what they hold of the person is still current, so it is audited the same (decided in
 * issue #15). A 304 carries no body, and so no personal data.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class ConditionalGet implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != Response.Status.OK.getStatusCode()
                || !response.hasEntity()) {
            return;
        }
        EntityTag tag = response.getEntityTag();
        if (tag == null) {
            tag = weakTag(response.getEntity());
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        }
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        }
    }

    /** A weak tag from the JSON of the answer: equal answers, equal tags. */
    static EntityTag weakTag(Object entity) {
        byte[] json = (entity instanceof String text ? text : new StrictJsonb().getContext(Object.class).toJson(entity))
                .getBytes(StandardCharsets.UTF_8);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27), true);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * Whether an {@code If-None-Match} header names the tag, by the weak comparison RFC 9110 §13.1.2
     * asks for: {@code W/"x"} and {@code "x"} match; {@code *} matches anything.
     */
    static boolean matches(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : List.of(ifNoneMatch.split(","))) {
            String value = candidate.strip();
            if (value.equals("*")) {
                return true;
            }
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                    && value.substring(1, value.length() - 1).equals(tag.getValue())) {
                return true;
            }
        }
        return false;
    }
}
