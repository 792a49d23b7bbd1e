package org.waypoint.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.waypoint.core.referral.ReferralStatus;
import org.waypoint.core.retention.Retention;
import org.waypoint.core.shared.ConflictException;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.web.page.Form;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Format;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/**
 * Retention for administrators: what the next run will anonymise (counts by rule and referral
 * references, never a name), and a person found by one of their referrals' references, with their
 * referrals' states and legal holds, where holds are set and lifted and the person erased on request.
 */
@Named("adminRetention")
@RequestScoped
public class RetentionPage {

    static final String PAGE = "/admin/retention";
    private static final String PERSON = "person";

    @Inject
    Retention retention;

    @Inject
    AdminGate gate;

    @Inject
    Me me;

    @Inject
    FormErrors errors;

    private String reference;
    private String holdReason;
    private String liftReason;
    private String eraseReason;
    private DryRun dryRun;
    private Optional<Person> person;

    public DryRun getDryRun() {
        if (dryRun == null) {
            Retention.DryRun preview = retention.preview(me.actor());
            List<RuleRow> rules = new ArrayList<>();
            for (Retention.Rule rule : Retention.Rule.values()) {
                rules.add(new RuleRow(AdminText.text("retention.rule." + rule.name()),
                        preview.referralsByRule().getOrDefault(rule, 0)));
            }
            dryRun = new DryRun(Format.time(preview.asOf()), preview.people(), rules, preview.keptUntilAdult(),
                    preview.references());
        }
        return dryRun;
    }

    /** The page's view action: administrators only, and the person asked for looked up before the error summary is drawn. */
    public void load() {
        if (gate.allowed()) {
            getPerson();
        }
    }

    /** The person found by the reference asked for; null when none is asked for or none found. */
    public Person getPerson() {
        if (person == null) {
            person = Optional.empty();
            // On a form's postback the view parameter is not set yet when Faces decides whether the
            // form is there to take the click: the form's hidden field says which person.
            if (reference == null) {
                reference = Form.value("reference");
            }
            String asked = Pages.trimmed(reference);
            if (asked != null && gate.allowed()) {
                try {
                    person = Optional.of(view(retention.find(me.actor(), asked)));
                } catch (NotFoundException notFound) {
                    errors.add("reference", AdminText.text("retention.error.noReferral"));
                }
            }
        }
        return person.orElse(null);
    }

    private static Person view(Retention.PersonRecord found) {
        Map<String, String> references = new java.util.HashMap<>();
        List<ReferralRow> referrals = found.referrals().stream().map(r -> {
            String shown = r.reference().orElse(AdminText.text("retention.draft"));
            references.put(r.referralId(), shown);
            return new ReferralRow(r.referralId(), shown, Format.status(r.status()), r.status() == ReferralStatus.DRAFT);
        }).toList();
        List<HoldRow> holds = found.holds().stream().map(h -> new HoldRow(h.id(),
                h.referralId().map(references::get).orElse(AdminText.text("retention.onPerson")),
                Format.time(h.setAt()), h.reason(), h.isActive(), h.liftedAt().map(Format::time).orElse(""))).toList();
        List<Form.Option> targets = new ArrayList<>();
        targets.add(new Form.Option(PERSON, AdminText.text("retention.onPerson"), null));
        referrals.forEach(r -> targets.add(new Form.Option(r.id(), r.reference(), null)));
        List<Form.Option> active = holds.stream().filter(HoldRow::active)
                .map(h -> new Form.Option(h.id(), AdminText.text("retention.holdLabel", h.on(), h.setAt()), null)).toList();
        return new Person(found.clientId(), found.anonymisedAt().map(Format::time).orElse(""), referrals, holds, targets,
                active, found.held());
    }

    /** Puts the person, or one referral of theirs, under a legal hold. */
    public void hold() {
        Person found = actionable();
        if (found == null) {
            return;
        }
        String target = Form.value("holdOn");
        boolean onPerson = PERSON.equals(target);
        if (!onPerson && found.referrals().stream().noneMatch(r -> r.id().equals(target))) {
            errors.add("holdOn", AdminText.text("retention.error.holdOn"));
        }
        if (Pages.trimmed(holdReason) == null) {
            errors.add("holdReason", AdminText.text("retention.error.reason"));
        }
        if (!errors.isEmpty()) {
            return;
        }
        try {
            retention.hold(me.actor(), found.clientId(), onPerson ? Optional.empty() : Optional.of(target), holdReason);
        } catch (InvalidField tooLong) {
            errors.add("holdReason", AdminText.text("retention.error.reason"));
            return;
        }
        Pages.redirect(PAGE, "reference", reference.strip(), "done", "held");
    }

    public void lift() {
        Person found = actionable();
        if (found == null) {
            return;
        }
        String hold = Form.value("hold");
        if (found.activeHolds().stream().noneMatch(h -> h.value().equals(hold))) {
            errors.add("hold", AdminText.text("retention.error.hold"));
        }
        if (Pages.trimmed(liftReason) == null) {
            errors.add("liftReason", AdminText.text("retention.error.reason"));
        }
        if (!errors.isEmpty()) {
            return;
        }
        try {
            retention.lift(me.actor(), hold, liftReason);
        } catch (InvalidField tooLong) {
            errors.add("liftReason", AdminText.text("retention.error.reason"));
            return;
        } catch (ConflictException | NotFoundException gone) {
            errors.add("hold", AdminText.text("retention.error.hold"));
            return;
        }
        Pages.redirect(PAGE, "reference", reference.strip(), "done", "lifted");
    }

    /** Erases the person on their request: refused while a hold stands. */
    public void erase() {
        Person found = actionable();
        if (found == null) {
            return;
        }
        if (Pages.trimmed(eraseReason) == null) {
            errors.add("eraseReason", AdminText.text("retention.error.reason"));
            return;
        }
        try {
            retention.erase(me.actor(), found.clientId(), eraseReason);
        } catch (Retention.HeldException held) {
            errors.add("eraseReason", AdminText.text("retention.error.held"));
            return;
        } catch (InvalidField tooLong) {
            errors.add("eraseReason", AdminText.text("retention.error.reason"));
            return;
        } catch (ConflictException already) {
            errors.add("eraseReason", AdminText.text("retention.error.anonymised"));
            return;
        }
        Pages.redirect(PAGE, "reference", reference.strip(), "done", "erased");
    }

    private Person actionable() {
        if (!gate.allowed()) {
            return null;
        }
        Person found = getPerson();
        if (found == null && !errors.has("reference")) {
            errors.add("reference", AdminText.text("retention.error.noReferral"));
        }
        return found;
    }

    public record DryRun(String asOf, int people, List<RuleRow> rules, int keptUntilAdult, List<String> references) {
    }

    public record RuleRow(String rule, int referrals) {
    }

    public record Person(String clientId, String anonymisedAt, List<ReferralRow> referrals, List<HoldRow> holds,
                         List<Form.Option> holdTargets, List<Form.Option> activeHolds, boolean held) {

        public boolean anonymised() {
            return !anonymisedAt.isEmpty();
        }
    }

    public record ReferralRow(String id, String reference, String status, boolean draft) {
    }

    public record HoldRow(String id, String on, String setAt, String reason, boolean active, String liftedAt) {
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getHoldReason() {
        return holdReason;
    }

    public void setHoldReason(String holdReason) {
        this.holdReason = holdReason;
    }

    public String getLiftReason() {
        return liftReason;
    }

    public void setLiftReason(String liftReason) {
        this.liftReason = liftReason;
    }

    public String getEraseReason() {
        return eraseReason;
    }

    public void setEraseReason(String eraseReason) {
        this.eraseReason = eraseReason;
    }
}
