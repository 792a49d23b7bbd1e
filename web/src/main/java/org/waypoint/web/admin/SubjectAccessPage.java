package org.waypoint.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.waypoint.core.referral.ReferralReference;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.subjectaccess.SubjectAccess;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/**
 * A subject access export: the administrator gives the reference of one of the person's referrals and
 * the reason, and gets one ZIP (an HTML document and a JSON file) of everything held about the person,
 * streamed from memory to the response, never stored, and not cached.
 */
@Named("adminSubjectAccess")
@RequestScoped
public class SubjectAccessPage {

    @Inject
    SubjectAccess subjectAccess;

    @Inject
    AdminGate gate;

    @Inject
    Me me;

    @Inject
    FormErrors errors;

    @Inject
    Clock clock;

    private String reference;
    private String reason;

    public void export() {
        if (!gate.allowed()) {
            return;
        }
        String wanted = Pages.trimmed(reference);
        String why = Pages.trimmed(reason);
        if (wanted == null || !ReferralReference.isWellFormed(wanted.toUpperCase(Locale.ROOT))) {
            errors.add("reference", AdminText.text("subjectAccess.error.reference"));
        }
        try {
            SubjectAccess.checkedReason(why);
        } catch (InvalidField e) {
            errors.add("reason", AdminText.text("subjectAccess.error.reason", SubjectAccess.MAX_REASON));
        }
        if (!errors.isEmpty()) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        try {
            subjectAccess.export(me.actor(), new ReferralReference(wanted.toUpperCase(Locale.ROOT)), why, () -> {
                external.setResponseContentType("application/zip");
                external.setResponseHeader("Content-Disposition",
                        "attachment; filename=\"waypoint-subject-access-" + LocalDate.now(clock) + ".zip\"");
                external.setResponseHeader("Cache-Control", "no-store");
                try {
                    return external.getResponseOutputStream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (NotFoundException unknown) {
            errors.add("reference", AdminText.text("subjectAccess.error.unknown"));
            return;
        }
        faces.responseComplete();
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
