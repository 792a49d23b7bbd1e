package org.waypoint.web.referral;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import org.waypoint.core.client.Client;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.ClientService;
import org.waypoint.core.referral.Referral;
import org.waypoint.core.referral.ReferralService;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.StaleVersionException;
import org.waypoint.web.page.Form;
import org.waypoint.web.page.Form.Option;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Messages;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/**
 * Correcting the record of the person a referral is for, at {@code /referrals/{id}/person}: only a
 * caseworker of the organisation that recorded them may (anyone else is told it is not found). The
 * questions and their checks are the new referral's ({@link PersonAnswers}); the version read with
 * the record guards against overwriting someone else's correction. Nothing is kept on the server
 * between showing the form and saving it: the form carries the ids and the version (never a detail)
 * back in hidden fields, and the domain checks them again as it saves (ADR 0018).
 */
@Named
@RequestScoped
public class CorrectPersonPage {

    @Inject
    ClientService clients;

    @Inject
    ReferralService referrals;

    @Inject
    Me me;

    @Inject
    FormErrors errors;

    @Inject
    Clock clock;

    @Inject
    NewReferralForm form;

    private String referralId;
    private String clientId;
    private long clientVersion;

    /** At a postback, the record being corrected, from the form's hidden fields. */
    @PostConstruct
    void restore() {
        if (!"POST".equals(Pages.request().getMethod())) {
            return;
        }
        referralId = Form.id("correctReferral");
        clientId = Form.id("correctClient");
        clientVersion = Form.version("correctVersion");
    }

    /**
     * Opens the form filled in from the saved record (GET); a referral or person the reader may not
     * correct is not found. Only caseworkers get this far: service staff opening a referral would
     * acknowledge it.
     */
    public void open() {
        Object id = Pages.request().getAttribute(ReferralAddresses.ID);
        try {
            if (!me.isCaseworker() || !(id instanceof String asked) || !Pages.isId(asked)) {
                throw new NotFoundException("referral");
            }
            Referral referral = referrals.open(me.actor(), asked);
            Client client = clients.get(me.actor(), referral.client().id());
            referralId = referral.id();
            clientId = client.id();
            clientVersion = client.version();
            PersonAnswers.fill(form, client.details());
        } catch (NotFoundException notTheirs) {
            Pages.notFound();
        }
    }

    /** Saves the correction and returns to the referral; bad answers or a record changed meanwhile are shown on the form. */
    public void save() {
        if (!me.isCaseworker() || referralId == null || clientId == null) {
            Pages.notFound();
            return;
        }
        ClientDetails details = PersonAnswers.details(form, errors, clock,
                clients.get(me.actor(), clientId).details().guardian());
        if (details == null) {
            return;
        }
        try {
            clients.update(me.actor(), clientId, details, OptionalLong.of(clientVersion));
        } catch (StaleVersionException | TransactionalException | PersistenceException changedMeanwhile) {
            // Stale when read, or changed by someone else between the check and the commit.
            errors.add("givenName", Messages.text("correct.error.stale"));
            return;
        }
        Pages.redirect("/referrals/" + referralId, "done", "personCorrected");
    }

    public String getReferralId() {
        return referralId;
    }

    public String getClientId() {
        return clientId;
    }

    public long getClientVersion() {
        return clientVersion;
    }

    public List<Option> getGenderOptions() {
        return Option.of(Gender.values(), "gender.");
    }

    public List<Option> getYesNo() {
        return Form.yesNoOptions();
    }
}
