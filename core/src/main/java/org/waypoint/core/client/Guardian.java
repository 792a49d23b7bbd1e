package org.waypoint.core.client;

import java.util.Optional;

/** A child's parent or guardian (or the local authority), where they may be contacted. */
public record Guardian(String name, String relationship, Optional<String> phone) {

    public Guardian {
        name = Text.required(name, "guardian's name", 200);
        relationship = Text.required(relationship, "guardian's relationship", 100);
        phone = Text.optional(phone, "guardian's phone", 30);
        phone.ifPresent(Text::requirePhone);
    }

    @Override
    public String toString() {
        return "Guardian[…]";
    }
}
