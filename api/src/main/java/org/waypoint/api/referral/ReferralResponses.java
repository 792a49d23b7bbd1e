package org.waypoint.api.referral;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waypoint.api.client.ClientResponse;
import org.waypoint.core.referral.Consent;
import org.waypoint.core.referral.NeedsAssessment;
import org.waypoint.core.referral.Referral;
import org.waypoint.core.referral.ReferralMessage;
import org.waypoint.core.referral.ReferralReference;
import org.waypoint.core.referral.TimelineEvent;
import org.waypoint.core.shared.Actor;

/** What the referral endpoints answer, mapped from the domain in one place. */
public final class ReferralResponses {

    private ReferralResponses() {
    }

    /**
     * One referral as the actor may see it: the service sees the person's contact details and the
     * case details only as far as consent shares them.
     */
    @Schema(description = "One referral as the caller may see it: the service sees the person's contact details "
            + "and the case details only as far as consent shares them.")
    public record ReferralResponse(
            String id,
            String reference,
            String status,
            String fhirStatus,
            String businessStatus,
            ServiceRef service,
            String referringOrganisationId,
            String referrerUserId,
            String urgency,
            ClientResponse client,
            NeedsResponse needs,
            ConsentResponse consent,
            Instant createdAt,
            Instant submittedAt,
            Instant acknowledgeBy,
            Instant receivedAt,
            boolean overdue,
            String redirectedFrom,
            @Schema(description = "When the referral last changed: the time of its latest timeline entry.")
            Instant updatedAt,
            @Schema(format = "int64") long version) {
    }

    public record ServiceRef(String id, String name, String organisationId) {
    }

    public record NeedsResponse(List<String> needs, List<String> crimeTypes, String riskLevel, boolean reportedToPolice,
                                String crimeReference, String safeguardingConcerns) {
    }

    public record ConsentResponse(String basis, boolean shareContactDetails, boolean shareCaseDetails, String method,
                                  Instant givenAt, String overrideJustification, String overrideApprovedBy) {
    }

    @Schema(description = "One entry of a referral's timeline: who did what, when, from which status to which.")
    public record TimelineEntry(Instant at, String action, String from, String to, String reason, String actorUserId,
                                String actorOrganisationId) {
    }

    @Schema(description = "A message between the referrer and the service about one referral.")
    public record MessageResponse(String id, Instant at, String side, String authorUserId, String body) {
    }

    /** A line in a list: enough to find and sort, nothing about the person. */
    public record ReferralSummary(String id, String reference, String status, String businessStatus, ServiceRef service,
                                  String urgency, Instant createdAt, Instant submittedAt, Instant acknowledgeBy,
                                  boolean overdue,
                                  @Schema(description = "When the referral last changed: the time of its latest "
                                          + "timeline entry (a message is not a change of the referral).")
                                  Instant updatedAt,
                                  @Schema(format = "int64") long version) {
    }

    public static ReferralResponse of(Referral referral, Actor actor, Instant now) {
        boolean caseDetails = referral.sharesCaseDetailsWith(actor);
        return new ReferralResponse(
                referral.id(),
                referral.reference().map(ReferralReference::value).orElse(null),
                referral.status().name(),
                referral.status().fhirCode(),
                referral.businessStatus().map(Enum::name).orElse(null),
                service(referral),
                referral.referringOrganisationId(),
                referral.referrerUserId(),
                urgency(referral),
                ClientResponse.of(referral.client(), referral.sharesContactDetailsWith(actor), now),
                caseDetails ? referral.assessment().map(ReferralResponses::needs).orElse(null) : null,
                referral.consent().map(ReferralResponses::consent).orElse(null),
                referral.createdAt(),
                referral.submittedAt().orElse(null),
                referral.acknowledgeBy().orElse(null),
                referral.receivedAt().orElse(null),
                referral.isOverdue(now),
                referral.redirectedFrom().orElse(null),
                referral.updatedAt(),
                referral.version());
    }

    public static ReferralSummary summary(Referral referral, Instant now) {
        return new ReferralSummary(referral.id(), referral.reference().map(ReferralReference::value).orElse(null),
                referral.status().name(), referral.businessStatus().map(Enum::name).orElse(null), service(referral),
                urgency(referral), referral.createdAt(), referral.submittedAt().orElse(null),
                referral.acknowledgeBy().orElse(null), referral.isOverdue(now), referral.updatedAt(), referral.version());
    }

    public static TimelineEntry entry(TimelineEvent event) {
        return new TimelineEntry(event.at(), event.action().name(), event.from().map(Enum::name).orElse(null),
                event.to().name(), event.reason().orElse(null), event.actorUserId(), event.actorOrganisationId());
    }

    public static MessageResponse message(ReferralMessage message) {
        return new MessageResponse(message.id(), message.at(), message.side().name(), message.authorUserId(), message.body());
    }

    /** None for a draft whose service is not chosen yet. */
    private static ServiceRef service(Referral referral) {
        return referral.chosenService().map(s -> new ServiceRef(s.id(), s.name(), s.organisation().id())).orElse(null);
    }

    /** None for a draft whose needs are not recorded yet. */
    private static String urgency(Referral referral) {
        return referral.assessment().map(n -> n.urgency().name()).orElse(null);
    }

    private static NeedsResponse needs(NeedsAssessment needs) {
        return new NeedsResponse(List.copyOf(needs.needs()), needs.crimeTypes().stream().map(Enum::name).sorted().toList(),
                needs.riskLevel().name(), needs.reportedToPolice(), needs.crimeReference().orElse(null),
                needs.safeguardingConcerns().orElse(null));
    }

    private static ConsentResponse consent(Consent consent) {
        return new ConsentResponse(consent.basis().name(), consent.shareContactDetails(), consent.shareCaseDetails(),
                consent.method().name(), consent.givenAt(), consent.overrideJustification().orElse(null),
                consent.overrideApprovedBy().orElse(null));
    }
}
