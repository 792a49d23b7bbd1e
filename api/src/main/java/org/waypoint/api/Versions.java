package org.waypoint.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.util.OptionalLong;
import org.waypoint.core.shared.StaleVersionException;

/** Entity tags are record versions: {@code ETag: "3"} out, {@code If-Match: "3"} back in. */
public final class Versions {

    private Versions() {
    }

    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an If-Match header asks for; none when the header is absent or {@code *}. */
    public static OptionalLong expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return OptionalLong.empty();
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() < 3 || !value.startsWith("\"") || !value.endsWith("\"")) {
            throw new StaleVersionException("record");
        }
        try {
            return OptionalLong.of(Long.parseLong(value.substring(1, value.length() - 1)));
        } catch (NumberFormatException e) {
            throw new StaleVersionException("record");
        }
    }

    public static Response.ResponseBuilder ok(Object body, long version) {
        return Response.ok(body).tag(tag(version));
    }
}
