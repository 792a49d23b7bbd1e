package org.waypoint.api.client;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Optional;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.ContactDetails;
import org.waypoint.core.client.Guardian;
import org.waypoint.core.client.SafeContact;
import org.waypoint.core.shared.Gender;

/** A person's details as the API takes them. */
public record ClientRequest(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotNull LocalDate dateOfBirth,
        @NotNull Gender gender,
        @Pattern(regexp = "[a-z]{2}") String preferredLanguage,
        Boolean interpreterNeeded,
        @Size(max = 2000) String accessNeeds,
        @Size(max = 10) String postcode,
        @Valid Contact contact,
        @Valid Safe safeContact,
        @Valid GuardianBody guardian) {

    public record Contact(@Size(max = 30) String phone, @Size(max = 320) String email, @Size(max = 500) String address) {
    }

    public record Safe(@Size(max = 30) String safeNumber, @Size(max = 500) String safeTimes, Boolean voicemailAllowed,
                       Boolean serviceMayIdentifyItself, @Size(max = 1000) String coverStory) {
    }

    public record GuardianBody(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String relationship,
                               @Size(max = 30) String phone) {
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
