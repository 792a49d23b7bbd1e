package org.waypoint.api;

/** The one check every resource that takes a JSON body makes: that there is one. */
public final class Bodies {

    private Bodies() {
    }

    public static <T> T required(T body) {
        if (body == null) {
            throw new IllegalArgumentException("a JSON body is required");
        }
        return body;
    }
}
