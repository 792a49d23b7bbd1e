package org.waypoint.core.shared;

import java.util.List;

/**
 * A failure the domain's rules foresee, as opposed to a fault in the code. Each carries a stable
 * message key, which the pages translate from their bundle, and the arguments the words need: only
 * limits, codes and kinds, never a value someone typed. The message is the English the API shows
 * as its problem's detail. The doors map these by type: anything else that escapes is a fault
 * (docs/adr/0019-typed-domain-errors.md).
 */
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient List<Object> arguments;

    protected DomainException(String key, String message, Object... arguments) {
        super(message, null, false, true);
        this.key = key;
        this.arguments = List.of(arguments);
    }

    /** The message key, such as {@code error.referral.reason.required}. */
    public String key() {
        return key;
    }

    /** What the words for the key are filled in with: limits, codes, kinds. */
    public Object[] arguments() {
        return arguments.toArray();
    }
}
