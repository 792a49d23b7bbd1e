package org.waypoint.core.shared;

/**
 * The record does not exist, or the actor may not know that it does: both look the same from
 * outside, so another organisation's record never betrays itself. The message names the kind of
 * record only.
 */
public class NotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String kind) {
        super("error.notFound", kind + " not found");
    }
}
