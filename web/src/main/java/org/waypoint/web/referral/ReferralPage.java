package org.waypoint.web.referral;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.SafeContact;
import org.waypoint.core.directory.DirectoryService;
import org.waypoint.core.referral.BusinessStatus;
import org.waypoint.core.referral.Consent;
import org.waypoint.core.referral.ConsentBasis;
import org.waypoint.core.referral.ConsentMethod;
import org.waypoint.core.referral.IllegalTransitionException;
import org.waypoint.core.referral.NeedsAssessment;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationRepository;
import org.waypoint.core.referral.Referral;
import org.waypoint.core.referral.EndReason;
import org.waypoint.core.referral.ReferralAction;
import org.waypoint.core.referral.ReferralCommand;
import org.waypoint.core.referral.ReferralMessage;
import org.waypoint.core.referral.ReferralReference;
import org.waypoint.core.referral.ReferralService;
import org.waypoint.core.referral.ReferralStatus;
import org.waypoint.core.referral.TimelineEvent;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.ConflictException;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.RuleViolation;
import org.waypoint.web.page.Form;
import org.waypoint.web.page.Form.Option;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Format;
import org.waypoint.web.page.Messages;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/**
 * One referral, for both sides. The caseworker finishes a draft here (consent, check the answers,
 * send), follows it, messages the service, cancels, redirects after a rejection, or withdraws the
 * person's consent. The service's staff see how to contact the person safely before anything
 * else, and work the referral through its lifecycle; their first look marks it received. Each
 * action is a form; after it succeeds the browser is sent back here (POST, redirect, GET).
 */
@Named
@RequestScoped
public class ReferralPage {

    @Inject
    ReferralService referrals;

    @Inject
    DirectoryService directory;

    @Inject
    OrganisationRepository organisations;

    @Inject
    Me me;

    @Inject
    FormErrors errors;

    @Inject
    Clock clock;

    /** The referral's id, from its address {@code /referrals/{id}} ({@link ReferralAddresses}); its forms post back to the same address. */
    private String id;
    private final Map<String, String> organisationNames = new HashMap<>();
    private Referral referral;
    private Set<ReferralAction> available;
    private String messageBody;

    /** Loads the referral for a first look (GET); one the reader may not see is not found. */
    public void load() {
        try {
            referral();
        } catch (NotFoundException notVisible) {
            Pages.notFound();
        }
    }

    /**
     * Loads the referral and the ending action to confirm, from the address
     * {@code /referrals/{id}/{action}}; an action that does not end anything, or that the reader may
     * not take now, is not found.
     */
    public void loadConfirmation() {
        load();
        if (FacesContext.getCurrentInstance().getResponseComplete()) {
            return;
        }
        if (confirming().filter(a -> a.isEnding() && available().contains(a)).isEmpty()) {
            Pages.notFound();
        }
    }

    private Optional<ReferralAction> confirming() {
        Object slug = Pages.request().getAttribute(ReferralAddresses.ACTION);
        return slug instanceof String name ? ReferralAction.fromSlug(name) : Optional.empty();
    }

    /** What the reader may do to the referral now, as the referral itself says. */
    private Set<ReferralAction> available() {
        if (available == null) {
            available = referral().availableActions(me.actor());
        }
        return available;
    }

    private Referral referral() {
        if (id == null) {
            id = (String) Pages.request().getAttribute(ReferralAddresses.ID);
        }
        if (referral == null) {
            if (!Pages.isId(id)) {
                throw new NotFoundException("referral");
            }
            referral = referrals.open(me.actor(), id);
        }
        return referral;
    }

    // Actions.

    /** Records (or changes) the draft's consent and returns to checking the answers. */
    public void recordConsent() {
        Consent consent = consentFromForm();
        if (consent != null) {
            attempt("basis", () -> referrals.recordConsent(me.actor(), id, consent), "consentRecorded");
        }
    }

    /** The last step of a draft in one go: records the consent given and sends the referral. */
    public void consentAndSubmit() {
        Consent consent = consentFromForm();
        if (consent == null) {
            return;
        }
        attempt("basis", () -> {
            referrals.recordConsent(me.actor(), id, consent);
            referrals.submit(me.actor(), id);
        }, "submitted");
    }

    /** Deletes the draft, after the caseworker has confirmed it, and shows the list. */
    public void discard() {
        try {
            referrals.discard(me.actor(), id);
        } catch (IllegalTransitionException | ConflictException refused) {
            errors.add("confirm-discard", refused);
            return;
        }
        Pages.redirect("/referrals", "done", "discarded");
    }

    private Consent consentFromForm() {
        ConsentBasis basis = Form.choice("basis", ConsentBasis.class);
        ConsentMethod method = Form.choice("method", ConsentMethod.class);
        Set<String> sharing = Form.values("sharing");
        if (basis == null) {
            errors.add("basis", Messages.text("consent.error.basis"));
        }
        if (method == null) {
            errors.add("method", Messages.text("consent.error.method"));
        }
        String justification = Form.value("justification");
        String approvedBy = Form.value("approvedBy");
        if (basis == ConsentBasis.SAFEGUARDING_OVERRIDE) {
            if (justification == null) {
                errors.add("justification", Messages.text("consent.error.justification"));
            }
            if (approvedBy == null) {
                errors.add("approvedBy", Messages.text("consent.error.approvedBy"));
            }
        } else if (basis != null && sharing.isEmpty()) {
            errors.add("sharing", Messages.text("consent.error.sharing"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return basis == ConsentBasis.SAFEGUARDING_OVERRIDE
                ? Consent.safeguardingOverride(justification, approvedBy, method, clock.instant(), me.actor().userId())
                : Consent.given(basis, sharing.contains("contact"), sharing.contains("case"), method, clock.instant(), me.actor().userId());
    }

    public void submit() {
        attempt("submit", () -> referrals.submit(me.actor(), id), "submitted");
    }

    public void sendMessage() {
        String body = Pages.trimmed(messageBody);
        if (body == null || body.length() > 4000) {
            errors.add("messageBody", Messages.text("referral.error.message"));
            return;
        }
        attempt("messageBody", () -> referrals.sendMessage(me.actor(), id, body), "messageSent");
    }

    public void setBusinessStatus() {
        BusinessStatus status = Form.choice("businessStatus", BusinessStatus.class);
        if (status == null) {
            errors.add("businessStatus", Messages.text("referral.error.businessStatus"));
            return;
        }
        attempt("businessStatus", () -> referrals.setBusinessStatus(me.actor(), id, status), "businessStatusSet");
    }

    public void redirectTo() {
        String serviceId = Form.value("otherService");
        if (serviceId == null) {
            errors.add("otherService", Messages.text("referral.error.otherService"));
            return;
        }
        try {
            Referral draft = referrals.redirect(me.actor(), id, serviceId);
            Pages.redirect("/referrals/" + draft.id(), "done", "redirected");
        } catch (NotFoundException | ConflictException | InvalidField | RuleViolation | IllegalTransitionException refused) {
            errors.add("otherService", Messages.text("referral.error.refused"));
        }
    }

    /**
     * A lifecycle action that does not end anything, by name, with a reason where it needs one. The
     * ending ones are taken only from their confirmation page ({@link #confirm()}).
     */
    public void act(String action) {
        referral();
        String field = "reason-" + action;
        String reason = Form.value(field);
        Optional<ReferralAction> named = ReferralAction.fromSlug(action).filter(a -> !a.isEnding());
        Optional<ReferralCommand> command = named.flatMap(a -> ReferralCommand.of(a, reason, null, null));
        if (command.isEmpty()) {
            return;
        }
        if (named.get().needsReason() && !reasonable(reason)) {
            errors.add(field, Messages.text("referral.error.reason"));
            return;
        }
        attempt(field, () -> referrals.perform(me.actor(), id, command.get(), OptionalLong.empty()), action);
    }

    /** The confirmed ending action of the confirmation page, with its reason. */
    public void confirm() {
        referral();
        ReferralAction action = confirming().orElse(null);
        if (action == null || !action.isEnding()) {
            return;
        }
        String reason = Form.value("reason");
        EndReason code = Form.choice("reasonCode", EndReason.class);
        boolean codeMissing = !EndReason.forAction(action).isEmpty() && (code == null || !code.explains(action));
        if (codeMissing) {
            errors.add("reasonCode", Messages.text("referral.error.reasonCode"));
        }
        if (action.needsReason() && !reasonable(reason)) {
            errors.add("reason", Messages.text("referral.error.reason"));
        }
        if (codeMissing || errors.has("reason")) {
            return;
        }
        if (action == ReferralAction.WITHDRAW_CONSENT) {
            attempt("reason", () -> referrals.withdrawConsent(me.actor(), referral().client().id(), reason), "consentWithdrawn");
            return;
        }
        ReferralCommand command = ReferralCommand.of(action, reason, code, null).orElseThrow();
        attempt("reason", () -> referrals.perform(me.actor(), id, command, OptionalLong.empty()), done(action));
    }

    private static boolean reasonable(String reason) {
        return reason != null && reason.length() <= 2000;
    }

    /** The {@code done} word for the banner after an action: letters only, as {@link #getNotice()} reads it. */
    private static String done(ReferralAction action) {
        return action == ReferralAction.MARK_ENTERED_IN_ERROR ? "enteredInError" : action.slug();
    }

    /** Runs a use case; a refusal (the referral moved on meanwhile, or the rules say no) is shown against the form. */
    private void attempt(String field, Runnable useCase, String done) {
        try {
            useCase.run();
        } catch (IllegalTransitionException | ConflictException | InvalidField | RuleViolation refused) {
            errors.add(field, refused);
            return;
        }
        Pages.redirect("/referrals/" + id, "done", done);
    }

    // What the page shows.

    /** The words for what was just done (the redirect's {@code done} parameter); nothing for an unknown one. */
    public String getNotice() {
        String done = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("done");
        if (done == null || !done.matches("[A-Za-z]{1,30}") || "submitted".equals(done)) {
            return null;
        }
        try {
            return Messages.text("done." + done);
        } catch (java.util.MissingResourceException unknown) {
            return null;
        }
    }

    public boolean isDraft() {
        return referral().status() == ReferralStatus.DRAFT;
    }

    public String getHeading() {
        return referral().reference().map(ReferralReference::value).orElse(Messages.text("referral.draftHeading"));
    }

    public String getReference() {
        return referral().reference().map(ReferralReference::value).orElse("");
    }

    public String getStatus() {
        return Format.status(referral().status());
    }

    public String getStatusTag() {
        return Format.statusTag(referral().status());
    }

    public String getBusinessStatus() {
        return referral().businessStatus().map(s -> Messages.text("business." + s.name())).orElse(null);
    }

    public boolean isOverdue() {
        return referral().isOverdue(clock.instant());
    }

    public String getDue() {
        return referral().acknowledgeBy().map(Format::time).orElse("");
    }

    public String getService() {
        return referral().chosenService().map(s -> s.name() + " (" + s.organisation().name() + ")")
                .orElse(Messages.text("referral.noService"));
    }

    /** Whether the reader is changing the draft's consent ({@code ?change=consent}, kept in the form when it posts). */
    public boolean isChangingConsent() {
        return isDraft() && "consent".equals(Pages.request().getParameter("change"));
    }

    /** Whether the reader is asked to confirm discarding the draft ({@code ?confirm=discard}). */
    public boolean isConfirmingDiscard() {
        return isDraft() && me.isCaseworker() && "discard".equals(Pages.request().getParameter("confirm"));
    }

    /** What the draft still lacks before it can be sent, as the names of its parts (needs, service, consent). */
    public List<String> getMissing() {
        return referral().missing().stream().map(p -> p.name().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    /** Whether the draft has all it needs but consent. */
    public boolean isReadyForConsent() {
        List<String> missing = getMissing();
        return !missing.contains("needs") && !missing.contains("service");
    }

    public List<Row> getServiceRows() {
        return referral().chosenService().map(s -> List.of(new Row(Messages.text("referral.serviceTitle"), s.name()),
                new Row(Messages.text("referral.provider"), s.organisation().name()))).orElse(List.of());
    }

    public boolean isServiceChosen() {
        return referral().chosenService().isPresent();
    }

    /** The saved consent's answers, to fill in the form when it is changed. */
    public String getConsentBasis() {
        return referral().consent().map(c -> c.basis().name()).orElse("");
    }

    public String getConsentMethod() {
        return referral().consent().map(c -> c.method().name()).orElse("");
    }

    public Set<String> getConsentSharing() {
        return referral().consent().map(c -> {
            Set<String> shared = new java.util.HashSet<>();
            if (c.shareContactDetails()) {
                shared.add("contact");
            }
            if (c.shareCaseDetails()) {
                shared.add("case");
            }
            return shared;
        }).orElse(Set.of());
    }

    public boolean isContactShared() {
        return referral().sharesContactDetailsWith(me.actor());
    }

    public boolean isCaseShared() {
        return referral().sharesCaseDetailsWith(me.actor());
    }

    /** The person, as far as the reader may see them. */
    public List<Row> getPerson() {
        List<Row> rows = new ArrayList<>();
        if (!isContactShared()) {
            rows.add(new Row(Messages.text("referral.person"), Messages.text("referral.notShared")));
            return rows;
        }
        ClientDetails person = referral().client().details();
        rows.add(new Row(Messages.text("new.name"), person.givenName() + " " + person.familyName()));
        rows.add(new Row(Messages.text("new.dob"), Format.date(person.dateOfBirth())));
        rows.add(new Row(Messages.text("new.gender"), Messages.text("gender." + person.gender().name())));
        rows.add(new Row(Messages.text("new.language"), person.preferredLanguage()
                + (person.interpreterNeeded() ? ", " + Messages.text("referral.interpreter") : "")));
        person.accessNeeds().ifPresent(a -> rows.add(new Row(Messages.text("new.accessNeeds"), a)));
        person.postcode().ifPresent(p -> rows.add(new Row(Messages.text("new.postcode"), p)));
        person.contact().phone().ifPresent(p -> rows.add(new Row(Messages.text("new.phone"), p)));
        person.contact().email().ifPresent(e -> rows.add(new Row(Messages.text("new.email"), e)));
        person.contact().address().ifPresent(a -> rows.add(new Row(Messages.text("new.address"), a)));
        return rows;
    }

    /** How to contact the person safely: shown first, before any contact details. */
    public List<Row> getSafeContact() {
        if (!isContactShared()) {
            return List.of();
        }
        SafeContact safe = referral().client().details().safeContact();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(Messages.text("new.safeNumber"), safe.safeNumber().orElse(Messages.text("referral.noSafeNumber"))));
        safe.safeTimes().ifPresent(t -> rows.add(new Row(Messages.text("new.safeTimes"), t)));
        rows.add(new Row(Messages.text("new.voicemail"), Messages.text(safe.voicemailAllowed() ? "common.yes" : "common.no")));
        rows.add(new Row(Messages.text("new.identify"), Messages.text(safe.serviceMayIdentifyItself() ? "common.yes" : "common.no")));
        safe.coverStory().ifPresent(c -> rows.add(new Row(Messages.text("new.coverStory"), c)));
        return rows;
    }

    /** Needs, risk and what happened, where the person agreed to share them. */
    public List<Row> getCase() {
        List<Row> rows = new ArrayList<>();
        if (!isCaseShared()) {
            rows.add(new Row(Messages.text("referral.case"), Messages.text("referral.notShared")));
            return rows;
        }
        if (referral().assessment().isEmpty()) {
            rows.add(new Row(Messages.text("referral.needs"), Messages.text("referral.notAnswered")));
            return rows;
        }
        NeedsAssessment needs = referral().needs();
        rows.add(new Row(Messages.text("referral.needs"), needs.needs().stream().map(this::categoryLabel).collect(Collectors.joining(", "))));
        rows.add(new Row(Messages.text("referral.crimeTypes"), needs.crimeTypes().stream()
                .map(c -> Messages.text("crime." + c.name())).sorted().collect(Collectors.joining(", "))));
        rows.add(new Row(Messages.text("new.risk"), Messages.text("risk." + needs.riskLevel().name())));
        rows.add(new Row(Messages.text("referral.urgency"), Messages.text("urgency." + needs.urgency().name())));
        rows.add(new Row(Messages.text("new.police"), Messages.text(needs.reportedToPolice() ? "common.yes" : "common.no")
                + needs.crimeReference().map(r -> ", " + r).orElse("")));
        needs.safeguardingConcerns().ifPresent(c -> rows.add(new Row(Messages.text("new.concerns"), c)));
        return rows;
    }

    private String categoryLabel(String code) {
        return directory.categories().stream().filter(c -> c.code().equals(code)).map(c -> c.label()).findFirst().orElse(code);
    }

    public List<Row> getConsent() {
        return referral().consent().map(consent -> {
            List<Row> rows = new ArrayList<>();
            rows.add(new Row(Messages.text("consent.basis"), Messages.text("consent." + consent.basis().name())));
            if (consent.basis() != ConsentBasis.SAFEGUARDING_OVERRIDE) {
                rows.add(new Row(Messages.text("consent.sharing"), Messages.text("consent.shares."
                        + (consent.shareContactDetails() ? "contact" : "") + (consent.shareCaseDetails() ? "case" : ""))));
            }
            rows.add(new Row(Messages.text("consent.method"), Messages.text("method." + consent.method().name())));
            if (me.isCaseworker()) {
                consent.overrideJustification().ifPresent(j -> rows.add(new Row(Messages.text("consent.justification"), j)));
                consent.overrideApprovedBy().ifPresent(a -> rows.add(new Row(Messages.text("consent.approvedBy"), a)));
            }
            return rows;
        }).orElse(List.of());
    }

    public boolean isConsentRecorded() {
        return referral().consent().isPresent();
    }

    public boolean isNeedsExplicitConsent() {
        return referral().assessment().map(NeedsAssessment::needsExplicitConsent).orElse(false);
    }

    public List<Event> getTimeline() {
        return referral().timeline().stream().sorted((a, b) -> b.at().compareTo(a.at()))
                .map(e -> new Event(Format.time(e.at()), Messages.text("action." + e.action().name()),
                        Format.status(e.to()), e.reason().orElse(null),
                        e.reasonCode().map(code -> Messages.text("endReason." + code.name())).orElse(null),
                        organisationName(e.actorOrganisationId())))
                .toList();
    }

    public List<Message> getMessages() {
        Actor actor = me.actor();
        return referral().messages().stream()
                .map(m -> new Message(Format.time(m.at()), m.body(), m.authorUserId().equals(actor.userId())
                        ? Messages.text("referral.byYou")
                        : organisationName(m.side() == ReferralMessage.Side.REFERRER
                                ? referral().referringOrganisationId() : referral().service().organisation().id())))
                .toList();
    }

    /** "your organisation" for the reader's own, else the other organisation by its name. */
    private String organisationName(String organisationId) {
        if (me.actor().belongsTo(organisationId)) {
            return Messages.text("referral.byYou");
        }
        if (organisationId.equals(referral().service().organisation().id())) {
            return referral().service().organisation().name();
        }
        return organisationNames.computeIfAbsent(organisationId,
                other -> organisations.find(other).map(Organisation::name).orElse(Messages.text("referral.byOther")));
    }

    /** The other organisation on this referral, by its name: the service's for the referrer, the referrer's for the service. */
    public String getOtherOrganisation() {
        return organisationName(me.isCaseworker() ? referral().service().organisation().id() : referral().referringOrganisationId());
    }

    public boolean isCanMessage() {
        return available().contains(ReferralAction.SEND_MESSAGE);
    }

    /** The lifecycle actions open to the reader now that take one click (a reason at most): none on a draft, which has its own. */
    public List<String> getActions() {
        if (isDraft()) {
            return List.of();
        }
        return available().stream().filter(a -> !a.isEnding() && a != ReferralAction.SET_BUSINESS_STATUS)
                .filter(a -> ReferralCommand.of(a, null, null, null).isPresent()).map(ReferralAction::slug).toList();
    }

    /** The actions open to the reader now that end or undo something: each leads to its confirmation page. */
    public List<String> getEndingActions() {
        if (isDraft()) {
            return List.of();
        }
        return available().stream().filter(ReferralAction::isEnding).map(ReferralAction::slug).toList();
    }

    public boolean needsReason(String action) {
        return ReferralAction.fromSlug(action).map(ReferralAction::needsReason).orElse(false);
    }

    public boolean isCanSetBusinessStatus() {
        return available().contains(ReferralAction.SET_BUSINESS_STATUS);
    }

    public boolean isCanRedirect() {
        return available().contains(ReferralAction.REDIRECT);
    }

    /** The action being confirmed, by its address name. */
    public String getConfirming() {
        return confirming().map(ReferralAction::slug).orElse("");
    }

    /** The confirmation page's words for the action: {@code confirm.<slug>.title}, {@code .warning}, {@code .button}. */
    public String confirmText(String part) {
        return Messages.text("confirm." + getConfirming() + "." + part, getOtherOrganisation());
    }

    public List<Option> getOtherServices() {
        String current = referral().service().id();
        return directory.listServices().stream().filter(s -> !s.id().equals(current))
                .filter(s -> s.capacity() != org.waypoint.core.directory.Capacity.CLOSED)
                .map(s -> new Option(s.id(), s.name() + " (" + s.organisation().name() + ")", null)).toList();
    }

    public List<Option> getBasisOptions() {
        return Option.of(ConsentBasis.values(), "consent.");
    }

    public List<Option> getMethodOptions() {
        return Option.of(ConsentMethod.values(), "method.");
    }

    public List<Option> getSharingOptions() {
        return List.of(new Option("contact", Messages.text("consent.shareContact"), null),
                new Option("case", Messages.text("consent.shareCase"), null));
    }

    /** The reason codes the confirmed action takes (rejecting, failing); none for the others. */
    public List<Option> getReasonCodeOptions() {
        return confirming().map(EndReason::forAction).orElse(List.of()).stream()
                .map(r -> new Option(r.name(), Messages.text("endReason." + r.name()), null)).toList();
    }

    public List<Option> getBusinessStatusOptions() {
        return Option.of(BusinessStatus.values(), "business.");
    }

    public String actionLabel(String action) {
        return Messages.text("do." + action);
    }

    /** Nothing chosen yet, for a fresh group of checkboxes. */
    public Set<String> getNoneSelected() {
        return Set.of();
    }

    /** A label and its value, for a summary list. */
    public record Row(String key, String value) {
    }

    /** One step of the timeline. */
    public record Event(String at, String action, String status, String reason, String reasonCode, String by) {
    }

    /** One message between the two sides. */
    public record Message(String at, String body, String from) {
    }

    public String getId() {
        return id;
    }

    public String getMessageBody() {
        return messageBody;
    }

    public void setMessageBody(String messageBody) {
        this.messageBody = messageBody;
    }
}
