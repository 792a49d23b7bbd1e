package org.waypoint.core.client;

import java.util.Optional;

/**
 * How to contact the person without putting them at risk: shown to a service before any contact
 * details. A cover story is what the caller says if someone else answers.
 */
public record SafeContact(
        Optional<String> safeNumber,
        Optional<String> safeTimes,
        boolean voicemailAllowed,
        boolean serviceMayIdentifyItself,
        Optional<String> coverStory) {

    public SafeContact {
        safeNumber = Text.optional(safeNumber, "safe number", 30);
        safeNumber.ifPresent(Text::requirePhone);
        safeTimes = Text.optional(safeTimes, "safe times", 500);
        coverStory = Text.optional(coverStory, "cover story", 1000);
    }

    /** The most careful default: no voicemail, the service does not say who it is. */
    public static SafeContact mostCareful() {
        return new SafeContact(Optional.empty(), Optional.empty(), false, false, Optional.empty());
    }

    @Override
    public String toString() {
        return "SafeContact[…]";
    }
}
