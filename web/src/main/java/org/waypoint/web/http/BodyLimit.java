package org.waypoint.web.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** How much request body is taken, counted whether the client declared a length or sent chunks. */
final class BodyLimit {

    private final long maxBytes;

    /** A limit of {@code maxBytes}, named by {@code name} (the setting it comes from) should it make no sense. */
    BodyLimit(long maxBytes, String name) {
        if (maxBytes < 0 || maxBytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 0 and " + (Integer.MAX_VALUE - 1));
        }
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Whether a declared Content-Length (-1 when none) is over the limit already. */
    boolean refusesDeclared(long contentLength) {
        return contentLength > maxBytes;
    }

    /** The whole body if it fits, read no further than one byte past the limit; empty if it does not fit. */
    Optional<byte[]> readWithin(InputStream body) throws IOException {
        byte[] read = body.readNBytes((int) maxBytes + 1);
        return read.length > maxBytes ? Optional.empty() : Optional.of(read);
    }
}
