package org.waypoint.api.referral;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waypoint.core.referral.BusinessStatus;
import org.waypoint.core.referral.Consent;
import org.waypoint.core.referral.ConsentBasis;
import org.waypoint.core.referral.ConsentMethod;
import org.waypoint.core.referral.NeedsAssessment;
import org.waypoint.core.referral.Urgency;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.RiskLevel;

/** The bodies the referral endpoints accept, and their mapping to the domain's values. */
public final class ReferralRequests {

    private ReferralRequests() {
    }

    /** A new draft: for which client, to which service, for what needs. */
    @Schema(requiredProperties = {"clientId", "serviceId", "needs"})
    public record Draft(String clientId, String serviceId, Needs needs) {
    }

    /** A changed draft. */
    @Schema(requiredProperties = {"serviceId", "needs"})
    public record UpdateDraft(String serviceId, Needs needs) {
    }

    @Schema(requiredProperties = {"needs", "riskLevel", "urgency"})

    public record Needs(List<String> needs, List<CrimeType> crimeTypes, RiskLevel riskLevel, Urgency urgency,
                        Boolean reportedToPolice, String crimeReference, String safeguardingConcerns) {

        NeedsAssessment toDomain() {
            if (needs == null) {
                throw new IllegalArgumentException("needs.needs is required");
            }
            return new NeedsAssessment(Set.copyOf(needs), crimeTypes == null ? Set.of() : Set.copyOf(crimeTypes),
                    riskLevel, urgency, Boolean.TRUE.equals(reportedToPolice), Optional.ofNullable(crimeReference),
                    Optional.ofNullable(safeguardingConcerns));
        }
    }

    /** Consent as recorded; {@code givenAt} defaults to now. */
    @Schema(requiredProperties = {"basis", "method"})
    public record ConsentBody(ConsentBasis basis, Boolean shareContactDetails, Boolean shareCaseDetails,
                              ConsentMethod method, Instant givenAt, String overrideJustification,
                              String overrideApprovedBy) {

        Consent toDomain(String recordedBy, Instant now) {
            if (basis == null) {
                throw new IllegalArgumentException("basis is required");
            }
            return new Consent(basis, Boolean.TRUE.equals(shareContactDetails), Boolean.TRUE.equals(shareCaseDetails),
                    method, givenAt == null ? now : givenAt, recordedBy, Optional.ofNullable(overrideJustification),
                    Optional.ofNullable(overrideApprovedBy));
        }
    }

    /** What an action may carry: a reason (reject, hold, fail, cancel, entered in error, withdraw consent), a business status, or the service to redirect to. */
    public record Action(String reason, BusinessStatus businessStatus, String serviceId) {
    }

    @Schema(requiredProperties = {"body"})

    public record Message(String body) {
    }
}
