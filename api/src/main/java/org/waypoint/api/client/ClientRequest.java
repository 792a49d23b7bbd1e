package org.waypoint.api.client;

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
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        Gender gender,
        String preferredLanguage,
        Boolean interpreterNeeded,
        String accessNeeds,
        String postcode,
        Contact contact,
        Safe safeContact,
        GuardianBody guardian) {

    public record Contact(String phone, String email, String address) {
    }

    public record Safe(String safeNumber, String safeTimes, Boolean voicemailAllowed, Boolean serviceMayIdentifyItself,
                       String coverStory) {
    }

    public record GuardianBody(String name, String relationship, String phone) {
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
