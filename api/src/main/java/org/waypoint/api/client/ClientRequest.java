package org.waypoint.api.client;

import jakarta.validation.Valid;
import org.waypoint.api.json.Filled;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.waypoint.api.json.Limit;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.ContactDetails;
import org.waypoint.core.client.Guardian;
import org.waypoint.core.client.SafeContact;
import org.waypoint.core.shared.Gender;

/** A person's details as the API takes them. */
@Schema(requiredProperties = {"givenName", "familyName", "dateOfBirth", "gender"})
public record ClientRequest(
        @Filled @Limit(max = 100) String givenName,
        @Filled @Limit(max = 100) String familyName,
        @NotNull LocalDate dateOfBirth,
        @NotNull Gender gender,
        @Pattern(regexp = "[a-z]{2}") String preferredLanguage,
        Boolean interpreterNeeded,
        @Limit(max = 2000) String accessNeeds,
        @Limit(max = 10) String postcode,
        @Valid Contact contact,
        @Valid Safe safeContact,
        @Valid GuardianBody guardian) {

    public record Contact(@Limit(max = 30) String phone, @Limit(max = 320) String email, @Limit(max = 500) String address) {
    }

    public record Safe(@Limit(max = 30) String safeNumber, @Limit(max = 500) String safeTimes, Boolean voicemailAllowed,
                       Boolean serviceMayIdentifyItself, @Limit(max = 1000) String coverStory) {
    }

    public record GuardianBody(@Filled @Limit(max = 200) String name, @Filled @Limit(max = 100) String relationship,
                               @Limit(max = 30) String phone) {
    }

    /** Missing safe-contact choices default to the most careful: no voicemail, the service does not say who it is. */
    ClientDetails toDomain() {
        Contact c = contact == null ? new Contact(null, null, null) : contact;
        Safe s = safeContact == null ? new Safe(null, null, null, null, null) : safeContact;
        return new ClientDetails(givenName, familyName, dateOfBirth, gender,
                preferredLanguage == null ? "en" : preferredLanguage, Boolean.TRUE.equals(interpreterNeeded),
                Optional.ofNullable(accessNeeds), Optional.ofNullable(postcode),
                new ContactDetails(Optional.ofNullable(c.phone()), Optional.ofNullable(c.email()),
                        Optional.ofNullable(c.address())),
                new SafeContact(Optional.ofNullable(s.safeNumber()), Optional.ofNullable(s.safeTimes()),
                        Boolean.TRUE.equals(s.voicemailAllowed()), Boolean.TRUE.equals(s.serviceMayIdentifyItself()),
                        Optional.ofNullable(s.coverStory())),
                Optional.ofNullable(guardian).map(g -> new Guardian(g.name(), g.relationship(), Optional.ofNullable(g.phone()))));
    }

    @Override
    public String toString() {
        return "ClientRequest[…]";
    }
}
