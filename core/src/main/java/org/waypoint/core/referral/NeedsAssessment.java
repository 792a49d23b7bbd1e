package org.waypoint.core.referral;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.core.shared.RuleViolation;

/**
 * What the person needs and why: the support categories asked for, the crimes, the assessed risk,
 * how urgent it is, whether it was reported to police (with the crime reference) and any
 * safeguarding concerns.
 */
public record NeedsAssessment(
        Set<String> needs,
        Set<CrimeType> crimeTypes,
        RiskLevel riskLevel,
        Urgency urgency,
        boolean reportedToPolice,
        Optional<String> crimeReference,
        Optional<String> safeguardingConcerns) {

    private static final int MAX_CONCERNS = 4000;
    private static final int MAX_NEEDS = 50;

    public NeedsAssessment {
        if (needs == null || needs.isEmpty()) {
            throw new InvalidField("needs", "error.needs.required", "at least one need is required");
        }
        if (needs.size() > MAX_NEEDS || needs.stream().anyMatch(Objects::isNull)) {
            throw new InvalidField("needs", "error.needs.tooMany",
                    "needs are at most " + MAX_NEEDS + " category codes", MAX_NEEDS);
        }
        needs = Set.copyOf(new TreeSet<>(needs));
        crimeTypes = crimeTypes == null ? Set.of() : Set.copyOf(crimeTypes);
        InvalidField.required(riskLevel, "riskLevel", "error.field.required", "a risk level is required");
        InvalidField.required(urgency, "urgency", "error.field.required", "an urgency is required");
        crimeReference = crimeReference == null ? Optional.empty() : crimeReference.map(String::strip).filter(r -> !r.isEmpty());
        safeguardingConcerns = safeguardingConcerns == null ? Optional.empty()
                : safeguardingConcerns.map(String::strip).filter(c -> !c.isEmpty());
        if (crimeReference.isPresent() && !reportedToPolice) {
            throw new RuleViolation("error.needs.crimeReferenceWithoutReport",
                    "a crime reference means the crime was reported to police");
        }
        crimeReference.ifPresent(r -> {
            if (r.length() > 40) {
                throw new InvalidField("crimeReference", "error.field.tooLong", "a crime reference is at most 40 characters", 40);
            }
        });
        safeguardingConcerns.ifPresent(c -> {
            if (c.length() > MAX_CONCERNS) {
                throw new InvalidField("safeguardingConcerns", "error.field.tooLong",
                        "safeguarding concerns are at most " + MAX_CONCERNS + " characters", MAX_CONCERNS);
            }
        });
    }

    /** Whether any crime needs the person's explicit consent before a referral (sexual offences, domestic abuse). */
    public boolean needsExplicitConsent() {
        return crimeTypes.stream().anyMatch(CrimeType::needsExplicitConsent);
    }

    @Override
    public String toString() {
        return "NeedsAssessment[" + needs + "]";
    }
}
