package org.waypoint.api.referral;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waypoint.api.client.ClientResponse;
import org.waypoint.core.referral.BusinessStatus;
import org.waypoint.core.referral.Consent;
import org.waypoint.core.referral.ConsentBasis;
import org.waypoint.core.referral.ConsentMethod;
import org.waypoint.core.referral.NeedsAssessment;
import org.waypoint.core.referral.Referral;
import org.waypoint.core.referral.EndReason;
import org.waypoint.core.referral.ReferralAction;
import org.waypoint.core.referral.ReferralMessage;
import org.waypoint.core.referral.ReferralReference;
import org.waypoint.core.referral.ReferralStatus;
import org.waypoint.core.referral.TimelineEvent;
import org.waypoint.core.referral.Urgency;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.RiskLevel;

/** What the referral endpoints answer, mapped from the domain in one place. */
public final class ReferralResponses {

    private ReferralResponses() {
    }

    /**
     * One referral as the actor may see it: the service sees the person's contact details and the
     * case details only as far as consent shares them.
     */
    @Schema(description = "One referral as the caller may see it: the service sees the person's contact details "
            + "and the case details only as far as consent shares them.",
            requiredProperties = {"id", "status", "fhirStatus", "referringOrganisationId", "referrerUserId", "client", "createdAt", "overdue", "version"})
    public record ReferralResponse(
            String id,
            String reference,
            ReferralStatus status,
            String fhirStatus,
            BusinessStatus businessStatus,
            ServiceRef service,
            String referringOrganisationId,
            String referrerUserId,
            Urgency urgency,
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

    @Schema(requiredProperties = {"id", "name", "organisationId"})
    public record ServiceRef(String id, String name, String organisationId) {
    }

    @Schema(requiredProperties = {"needs", "crimeTypes", "riskLevel", "reportedToPolice"})
    public record NeedsResponse(List<String> needs, List<CrimeType> crimeTypes, RiskLevel riskLevel, boolean reportedToPolice,
                                String crimeReference, String safeguardingConcerns) {
    }

    @Schema(requiredProperties = {"basis", "shareContactDetails", "shareCaseDetails", "method", "givenAt"})
    public record ConsentResponse(ConsentBasis basis, boolean shareContactDetails, boolean shareCaseDetails,
                                  ConsentMethod method,
                                  Instant givenAt, String overrideJustification, String overrideApprovedBy) {
    }

    @Schema(description = "One entry of a referral's timeline: who did what, when, from which status to which.",
            requiredProperties = {"at", "action", "to", "actorUserId", "actorOrganisationId"})
    public record TimelineEntry(Instant at, ReferralAction action, ReferralStatus from, ReferralStatus to, String reason,
                                @Schema(description = "A rejection's or failure's reason as a code, where one was given.")
                                EndReason reasonCode, String actorUserId, String actorOrganisationId) {
    }

    @Schema(description = "A message between the referrer and the service about one referral.",
            requiredProperties = {"id", "at", "side", "authorUserId", "body"})
    public record MessageResponse(String id, Instant at, ReferralMessage.Side side, String authorUserId, String body) {
    }

    /** A line in a list: enough to find and sort, nothing about the person. */
    @Schema(requiredProperties = {"id", "status", "createdAt", "overdue", "updatedAt", "version"})
    public record ReferralSummary(String id, String reference, ReferralStatus status, BusinessStatus businessStatus,
                                  ServiceRef service, Urgency urgency, Instant createdAt, Instant submittedAt,
                                  Instant acknowledgeBy, boolean overdue,
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
                referral.status(),
                referral.status().fhirCode(),
                referral.businessStatus().orElse(null),
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
                referral.status(), referral.businessStatus().orElse(null), service(referral),
                urgency(referral), referral.createdAt(), referral.submittedAt().orElse(null),
                referral.acknowledgeBy().orElse(null), referral.isOverdue(now), referral.updatedAt(), referral.version());
    }

    public static TimelineEntry entry(TimelineEvent event) {
        return new TimelineEntry(event.at(), event.action(), event.from().orElse(null), event.to(), event.reason().orElse(null),
                event.reasonCode().orElse(null), event.actorUserId(), event.actorOrganisationId());
    }

    public static MessageResponse message(ReferralMessage message) {
        return new MessageResponse(message.id(), message.at(), message.side(), message.authorUserId(), message.body());
    }

    /** None for a draft whose service is not chosen yet. */
    private static ServiceRef service(Referral referral) {
        return referral.chosenService().map(s -> new ServiceRef(s.id(), s.name(), s.organisation().id())).orElse(null);
    }

    /** None for a draft whose needs are not recorded yet. */
    private static Urgency urgency(Referral referral) {
        return referral.assessment().map(NeedsAssessment::urgency).orElse(null);
    }

    private static NeedsResponse needs(NeedsAssessment needs) {
        return new NeedsResponse(List.copyOf(needs.needs()), needs.crimeTypes().stream().sorted(java.util.Comparator.comparing(Enum::name)).toList(),
                needs.riskLevel(), needs.reportedToPolice(), needs.crimeReference().orElse(null),
                needs.safeguardingConcerns().orElse(null));
    }

    private static ConsentResponse consent(Consent consent) {
        return new ConsentResponse(consent.basis(), consent.shareContactDetails(), consent.shareCaseDetails(),
                consent.method(), consent.givenAt(), consent.overrideJustification().orElse(null),
                consent.overrideApprovedBy().orElse(null));
    }
}
