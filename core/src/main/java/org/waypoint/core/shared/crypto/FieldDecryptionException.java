package org.waypoint.core.shared.crypto;

/**
 * A stored value that cannot be decrypted: altered, not encrypted at all, or encrypted with a key no
 * longer in the key ring. The message names at most the key id, never the value.
 */
public class FieldDecryptionException extends RuntimeException {

    public FieldDecryptionException(String message) {
        super(message);
    }

    public FieldDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
