package org.waypoint.api.referral;

import jakarta.validation.Valid;
import org.waypoint.api.json.Filled;
import jakarta.validation.constraints.NotNull;
import org.waypoint.api.json.Limit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waypoint.api.problem.ProblemException;
import org.waypoint.api.problem.ProblemType;
import org.waypoint.core.referral.BusinessStatus;
import org.waypoint.core.referral.Consent;
import org.waypoint.core.referral.ConsentBasis;
import org.waypoint.core.referral.ConsentMethod;
import org.waypoint.core.referral.EndReason;
import org.waypoint.core.referral.NeedsAssessment;
import org.waypoint.core.referral.Urgency;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.RiskLevel;

/**
 * The bodies the referral endpoints accept, and their mapping to the domain's values. Their
 * constraints are checked before a resource runs, so that a 400 names every invalid field at once;
 * the domain checks the same rules again for its other callers.
 */
public final class ReferralRequests {

    /** More needs or crime types than the taxonomy has is never a real request. */
    static final int MAX_CODES = 50;
    static final int MAX_ID = 36;
    static final int MAX_TEXT = 4000;
    static final int MAX_REASON = 2000;

    private ReferralRequests() {
    }

    /** A new draft: for which client, to which service, for what needs. */
    @Schema(requiredProperties = {"clientId", "serviceId", "needs"})
    public record Draft(@NotNull @Limit(max = MAX_ID) String clientId, @NotNull @Limit(max = MAX_ID) String serviceId,
                        @NotNull @Valid Needs needs) {
    }

    /** A changed draft. */
    @Schema(requiredProperties = {"serviceId", "needs"})
    public record UpdateDraft(@NotNull @Limit(max = MAX_ID) String serviceId, @NotNull @Valid Needs needs) {
    }

    @Schema(requiredProperties = {"needs", "riskLevel", "urgency"})
    public record Needs(@NotNull @Limit(min = 1, max = MAX_CODES) List<@Filled @Limit(max = 40) String> needs,
                        @Limit(max = MAX_CODES) List<@NotNull CrimeType> crimeTypes,
                        @NotNull RiskLevel riskLevel, @NotNull Urgency urgency,
                        Boolean reportedToPolice, @Limit(max = 40) String crimeReference,
                        @Limit(max = MAX_TEXT) String safeguardingConcerns) {

        NeedsAssessment toDomain() {
            if (needs == null) {
                throw new ProblemException(ProblemType.VALIDATION, "needs.needs is required");
            }
            return new NeedsAssessment(Set.copyOf(needs), crimeTypes == null ? Set.of() : Set.copyOf(crimeTypes),
                    riskLevel, urgency, Boolean.TRUE.equals(reportedToPolice), Optional.ofNullable(crimeReference),
                    Optional.ofNullable(safeguardingConcerns));
        }
    }

    /** Consent as recorded; {@code givenAt} defaults to now. */
    @Schema(requiredProperties = {"basis", "method"})
    public record ConsentBody(@NotNull ConsentBasis basis, Boolean shareContactDetails, Boolean shareCaseDetails,
                              ConsentMethod method, Instant givenAt, @Limit(max = MAX_REASON) String overrideJustification,
                              @Limit(max = 200) String overrideApprovedBy) {

        Consent toDomain(String recordedBy, Instant now) {
            if (basis == null) {
                throw new ProblemException(ProblemType.VALIDATION, "basis is required");
            }
            return new Consent(basis, Boolean.TRUE.equals(shareContactDetails), Boolean.TRUE.equals(shareCaseDetails),
                    method, givenAt == null ? now : givenAt, recordedBy, Optional.ofNullable(overrideJustification),
                    Optional.ofNullable(overrideApprovedBy));
        }
    }

    /** What an action may carry: a reason (reject, hold, fail, cancel, entered in error, withdraw consent), a business status, or the service to redirect to. */
    public record Action(@Limit(max = MAX_REASON) String reason, EndReason reasonCode, BusinessStatus businessStatus,
                         @Limit(max = MAX_ID) String serviceId) {
    }

    @Schema(requiredProperties = {"body"})
    public record Message(@Filled @Limit(max = MAX_TEXT) String body) {
    }
}
