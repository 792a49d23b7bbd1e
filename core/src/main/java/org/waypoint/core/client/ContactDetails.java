package org.waypoint.core.client;

import java.util.Optional;
import org.waypoint.core.shared.InvalidField;

/** How the person can be reached. Read the safe-contact instructions first. */
public record ContactDetails(Optional<String> phone, Optional<String> email, Optional<String> address) {

    public ContactDetails {
        phone = Text.optional(phone, "phone number", 30);
        phone.ifPresent(Text::requirePhone);
        email = Text.optional(email, "e-mail address", 320);
        email.ifPresent(e -> {
            if (!e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new InvalidField("email", "error.email.form", "not an e-mail address");
            }
        });
        address = Text.optional(address, "address", 500);
    }

    public static ContactDetails none() {
        return new ContactDetails(Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "ContactDetails[…]";
    }
}
