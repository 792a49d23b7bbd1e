package org.waypoint.core.client;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.InvalidField;

/**
 * Everything recorded about a person referred. Every text here is personal data: it is encrypted at
 * rest and never logged ({@link #toString()} says nothing).
 *
 * @param preferredLanguage ISO 639-1 code, e.g. {@code en}, {@code pl}
 * @param guardian for a child: the parent or guardian, where one may be contacted
 */
public record ClientDetails(
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        Gender gender,
        String preferredLanguage,
        boolean interpreterNeeded,
        Optional<String> accessNeeds,
        Optional<String> postcode,
        ContactDetails contact,
        SafeContact safeContact,
        Optional<Guardian> guardian) {

    static final int MAX_NAME = 100;

    public ClientDetails {
        givenName = Text.required(givenName, "given name", MAX_NAME);
        familyName = Text.required(familyName, "family name", MAX_NAME);
        InvalidField.required(dateOfBirth, "dateOfBirth", "error.field.required", "a date of birth is required");
        if (dateOfBirth.isBefore(LocalDate.of(1900, 1, 1))) {
            throw new InvalidField("dateOfBirth", "error.client.dateOfBirth.range", "a date of birth is after 1900");
        }
        InvalidField.required(gender, "gender", "error.field.required", "a gender (or 'not said') is required");
        if (preferredLanguage == null || !preferredLanguage.matches("[a-z]{2}")) {
            throw new InvalidField("language", "error.language.code", "a preferred language is a two-letter ISO 639-1 code");
        }
        accessNeeds = Text.optional(accessNeeds, "access needs", 2000);
        postcode = Text.optional(postcode, "postcode", 10).map(p -> p.toUpperCase(java.util.Locale.ROOT));
        postcode.ifPresent(p -> {
            if (!p.matches("[A-Z]{1,2}[0-9][0-9A-Z]?( ?[0-9][A-Z]{2})?")) {
                throw new InvalidField("postcode", "error.postcode.uk", "not a UK postcode");
            }
        });
        Objects.requireNonNull(contact, "contact details are required, even if empty");
        Objects.requireNonNull(safeContact, "safe-contact instructions are required");
        guardian = guardian == null ? Optional.empty() : guardian;
    }

    /** The names of the fields that differ in {@code other}: what a change touched, without its values. */
    public java.util.List<String> changedFields(ClientDetails other) {
        java.util.List<String> changed = new java.util.ArrayList<>();
        java.util.function.BiConsumer<String, java.util.function.Function<ClientDetails, Object>> compare =
                (name, field) -> {
                    if (!Objects.equals(field.apply(this), field.apply(other))) {
                        changed.add(name);
                    }
                };
        compare.accept("givenName", ClientDetails::givenName);
        compare.accept("familyName", ClientDetails::familyName);
        compare.accept("dateOfBirth", ClientDetails::dateOfBirth);
        compare.accept("gender", ClientDetails::gender);
        compare.accept("preferredLanguage", ClientDetails::preferredLanguage);
        compare.accept("interpreterNeeded", ClientDetails::interpreterNeeded);
        compare.accept("accessNeeds", ClientDetails::accessNeeds);
        compare.accept("postcode", ClientDetails::postcode);
        compare.accept("contact", ClientDetails::contact);
        compare.accept("safeContact", ClientDetails::safeContact);
        compare.accept("guardian", ClientDetails::guardian);
        return changed;
    }

    @Override
    public String toString() {
        return "ClientDetails[…]";
    }
}
