package org.waypoint.core.referral;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.RuleViolation;

/**
 * The consent a referral rests on: given by the person or a parent or guardian, or overridden under
 * safeguarding with a written justification and the name of who approved it; what may be shared;
 * how and when it was given, and who recorded it.
 */
public record Consent(
        ConsentBasis basis,
        boolean shareContactDetails,
        boolean shareCaseDetails,
        ConsentMethod method,
        Instant givenAt,
        String recordedBy,
        Optional<String> overrideJustification,
        Optional<String> overrideApprovedBy) {

    private static final int MAX_TEXT = 2000;

    public Consent {
        InvalidField.required(basis, "basis", "error.field.required", "the basis of consent is required");
        InvalidField.required(method, "method", "error.field.required", "how consent was given is required");
        InvalidField.required(givenAt, "givenAt", "error.field.required", "when consent was given is required");
        Objects.requireNonNull(recordedBy, "who recorded consent is required");
        overrideJustification = cleaned(overrideJustification);
        overrideApprovedBy = cleaned(overrideApprovedBy);
        if (basis == ConsentBasis.SAFEGUARDING_OVERRIDE
                && (overrideJustification.isEmpty() || overrideApprovedBy.isEmpty())) {
            throw new RuleViolation("error.consent.overrideNeedsJustification",
                    "a safeguarding override needs a justification and who approved it");
        }
        if (basis != ConsentBasis.SAFEGUARDING_OVERRIDE
                && (overrideJustification.isPresent() || overrideApprovedBy.isPresent())) {
            throw new RuleViolation("error.consent.justificationOnlyForOverride",
                    "a justification belongs only to a safeguarding override");
        }
        if (!shareContactDetails && !shareCaseDetails && basis != ConsentBasis.SAFEGUARDING_OVERRIDE) {
            throw new InvalidField("scope", "error.consent.scope", "consent shares contact details, case details or both");
        }
    }

    /** Consent given by the person or their parent or guardian, or implied. */
    public static Consent given(ConsentBasis basis, boolean shareContactDetails, boolean shareCaseDetails,
                                ConsentMethod method, Instant givenAt, String recordedBy) {
        return new Consent(basis, shareContactDetails, shareCaseDetails, method, givenAt, recordedBy,
                Optional.empty(), Optional.empty());
    }

    /** A safeguarding override: everything needed to protect the person may be shared. */
    public static Consent safeguardingOverride(String justification, String approvedBy, ConsentMethod method,
                                               Instant at, String recordedBy) {
        return new Consent(ConsentBasis.SAFEGUARDING_OVERRIDE, true, true, method, at, recordedBy,
                Optional.ofNullable(justification), Optional.ofNullable(approvedBy));
    }

    private static Optional<String> cleaned(Optional<String> text) {
        Optional<String> stripped = text == null ? Optional.empty() : text.map(String::strip).filter(t -> !t.isEmpty());
        stripped.ifPresent(t -> {
            if (t.length() > MAX_TEXT) {
                throw new InvalidField("text", "error.field.tooLong",
                        "consent text is longer than " + MAX_TEXT + " characters", MAX_TEXT);
            }
        });
        return stripped;
    }

    @Override
    public String toString() {
        return "Consent[" + basis + "]";
    }
}
