package org.waypoint.api.client;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waypoint.core.client.Client;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.Guardian;
import org.waypoint.core.client.SafeContact;
import org.waypoint.core.shared.Gender;

/**
 * A person referred, as the API shows them. The safe-contact instructions always come first; contact
 * details (phone, e-mail, address, guardian) only to those the consent shares them with.
 */
@Schema(description = "A person referred: the safe-contact instructions always; contact details only to those "
        + "the consent shares them with.",
        requiredProperties = {"id", "version"})
public record ClientResponse(
        String id,
        SafeContactResponse safeContact,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        int age,
        boolean child,
        @Schema(implementation = Gender.class) String gender,
        String preferredLanguage,
        boolean interpreterNeeded,
        String accessNeeds,
        String postcode,
        ContactResponse contact,
        GuardianResponse guardian,
        @Schema(format = "int64") long version) {

    public record SafeContactResponse(String safeNumber, String safeTimes, boolean voicemailAllowed,
                                      boolean serviceMayIdentifyItself, String coverStory) {
    }

    public record ContactResponse(String phone, String email, String address) {
    }

    public record GuardianResponse(String name, String relationship, String phone) {
    }

    public static ClientResponse of(Client client, boolean withContactDetails, Instant now) {
        ClientDetails details = client.details();
        SafeContact safe = details.safeContact();
        return new ClientResponse(
                client.id(),
                new SafeContactResponse(safe.safeNumber().orElse(null), safe.safeTimes().orElse(null),
                        safe.voicemailAllowed(), safe.serviceMayIdentifyItself(), safe.coverStory().orElse(null)),
                details.givenName(),
                details.familyName(),
                details.dateOfBirth(),
                client.ageOn(now),
                client.isChildOn(now),
                details.gender().name(),
                details.preferredLanguage(),
                details.interpreterNeeded(),
                details.accessNeeds().orElse(null),
                withContactDetails ? details.postcode().orElse(null) : null,
                withContactDetails ? new ContactResponse(details.contact().phone().orElse(null),
                        details.contact().email().orElse(null), details.contact().address().orElse(null)) : null,
                withContactDetails ? details.guardian().map(ClientResponse::guardian).orElse(null) : null,
                client.version());
    }

    private static GuardianResponse guardian(Guardian guardian) {
        return new GuardianResponse(guardian.name(), guardian.relationship(), guardian.phone().orElse(null));
    }
}
