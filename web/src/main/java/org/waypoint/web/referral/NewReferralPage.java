package org.waypoint.web.referral;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.waypoint.core.client.Client;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.ClientService;
import org.waypoint.core.directory.DirectoryService;
import org.waypoint.core.directory.ExclusionReason;
import org.waypoint.core.directory.MatchCriteria;
import org.waypoint.core.directory.MatchReason;
import org.waypoint.core.directory.MatchReasonCode;
import org.waypoint.core.directory.MatchResult;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.ServiceProfile;
import org.waypoint.core.referral.DraftPart;
import org.waypoint.core.referral.IllegalTransitionException;
import org.waypoint.core.referral.NeedsAssessment;
import org.waypoint.core.referral.Referral;
import org.waypoint.core.referral.ReferralService;
import org.waypoint.core.referral.ReferralStatus;
import org.waypoint.core.referral.Urgency;
import org.waypoint.core.shared.ConflictException;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.Postcode;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.core.shared.StaleVersionException;
import org.waypoint.web.page.Form;
import org.waypoint.web.page.Form.Option;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Format;
import org.waypoint.web.page.Messages;
import org.waypoint.web.page.Pages;
import org.waypoint.web.page.Refusals;
import org.waypoint.web.session.Me;

/**
 * A new referral, up to its draft: who it is for (an existing record, after the possible-duplicate
 * check, or a new one with safe-contact instructions), their needs and risk, and the service, chosen
 * from the matched list with its reasons. Each answer is saved as it is given: the person's record
 * and the draft at the first step, then the needs, then the service, so nothing typed is lost when a
 * session ends. Between requests nothing is kept on the server: the form carries the step and the
 * ids (never a detail) in hidden fields, read back at each postback and checked again by the domain
 * on every use, so any instance answers the next step (ADR 0018); what is typed lives for one request
 * in {@link NewReferralForm}. A saved draft is resumed, or one of its answers changed, at
 * {@code /referrals/new?draft={id}&step=person|needs|service}.
 */
@Named
@RequestScoped
public class NewReferralPage {

    /** The most possible duplicates a form may carry back; the search shows fewer. */
    private static final int MOST_CANDIDATES = 50;

    /** The questions, in the order they are asked. */
    public enum Step { FIND, CHOOSE, ADD, NEEDS, SERVICE }

    @Inject
    ClientService clients;

    @Inject
    ReferralService referrals;

    @Inject
    DirectoryService directory;

    @Inject
    Me me;

    @Inject
    FormErrors errors;

    @Inject
    Clock clock;

    @Inject
    NewReferralForm form;

    private Step step = Step.FIND;
    private List<String> candidateIds = List.of();
    private String clientId;
    private long clientVersion;
    private String referralId;

    /**
     * At a postback, where the wizard stands, from the form's hidden fields. They come from the
     * browser, so each id must look like one, and every use of it is checked by the domain as if it
     * were typed: a forged id reaches nothing its caseworker could not open anyway.
     */
    @PostConstruct
    void restore() {
        if (!"POST".equals(Pages.request().getMethod())) {
            return;
        }
        referralId = Form.id("wizardReferral");
        clientId = Form.id("wizardClient");
        clientVersion = Form.version("wizardClientVersion");
        step = Form.choice("wizardStep", Step.class);
        if (step == null || referralId == null && (step == Step.NEEDS || step == Step.SERVICE)) {
            step = Step.FIND;
        }
        String candidates = Form.value("wizardCandidates");
        candidateIds = candidates == null ? List.of() : Arrays.stream(candidates.split(","))
                .filter(Pages::isId).distinct().limit(MOST_CANDIDATES).toList();
    }

    /** Opens a saved draft at one of its questions ({@code ?draft={id}&step=...}); a plain GET starts afresh. */
    public void resume() {
        String draft = Pages.request().getParameter("draft");
        if (draft == null) {
            return;
        }
        Referral referral;
        try {
            if (!Pages.isId(draft)) {
                throw new NotFoundException("referral");
            }
            referral = referrals.open(me.actor(), draft);
        } catch (NotFoundException notVisible) {
            Pages.notFound();
            return;
        }
        if (referral.status() != ReferralStatus.DRAFT) {
            Pages.redirect("/referrals/" + referral.id());
            return;
        }
        form.referral(referral);
        referralId = referral.id();
        clientId = referral.client().id();
        String asked = Pages.request().getParameter("step");
        if ("person".equals(asked)) {
            editPerson();
        } else if ("service".equals(asked) && referral.assessment().isPresent()) {
            step = Step.SERVICE;
        } else {
            editNeeds();
        }
    }

    /** Where the back link at the top leads: the draft's own page once there is a draft, the list before. */
    public String getBackAddress() {
        return referralId == null ? "/referrals" : "/referrals/" + referralId;
    }

    public void find() {
        if (Pages.trimmed(form.getGivenName()) == null) {
            errors.add("givenName", Messages.text("new.error.givenName"));
        }
        if (Pages.trimmed(form.getFamilyName()) == null) {
            errors.add("familyName", Messages.text("new.error.familyName"));
        }
        LocalDate dateOfBirth = PersonAnswers.dateOfBirth(form, errors, clock);
        if (!errors.isEmpty()) {
            return;
        }
        candidateIds = clients.possibleDuplicates(me.actor(), form.getGivenName().strip(), form.getFamilyName().strip(),
                dateOfBirth).stream().map(Client::id).toList();
        step = candidateIds.isEmpty() ? Step.ADD : Step.CHOOSE;
    }

    /** Goes on with a person already recorded: their draft is saved at once. */
    public void use(String candidateId) {
        if (candidateIds.contains(candidateId)) {
            clientId = candidateId;
            startDraft();
        }
    }

    /** None of the possible duplicates is this person. */
    public void addNew() {
        step = Step.ADD;
    }

    /** Records a new person, or saves the changes to the draft's person, then goes on to what the draft lacks. */
    public void add() {
        ClientDetails details = PersonAnswers.details(form, errors, clock,
                clientId == null ? Optional.empty() : clients.get(me.actor(), clientId).details().guardian());
        if (details == null) {
            return;
        }
        if (referralId == null) {
            clientId = clients.register(me.actor(), details).id();
            startDraft();
            return;
        }
        try {
            clients.update(me.actor(), clientId, details, OptionalLong.of(clientVersion));
        } catch (StaleVersionException changedMeanwhile) {
            errors.add("givenName", Messages.text("new.error.stale"));
            return;
        }
        next();
    }

    private void startDraft() {
        Referral draft = referrals.startDraft(me.actor(), clientId);
        referralId = draft.id();
        form.referral(draft);
        editNeeds();
    }

    /** The person step again, filled in from their saved record. */
    private void editPerson() {
        Client client = clients.get(me.actor(), clientId);
        clientVersion = client.version();
        PersonAnswers.fill(form, client.details());
        step = Step.ADD;
    }

    /** The needs step, filled in from the draft where its needs are saved. */
    private void editNeeds() {
        Referral referral = referral();
        referral.assessment().ifPresent(needs -> {
            form.setNeeds(Set.copyOf(needs.needs()));
            form.setCrimeTypes(needs.crimeTypes().stream().map(Enum::name).collect(Collectors.toSet()));
            form.setRiskLevel(needs.riskLevel().name());
            form.setUrgency(needs.urgency().name());
            form.setReportedToPolice(needs.reportedToPolice() ? "yes" : "no");
            form.setCrimeReference(needs.crimeReference().orElse(null));
            form.setSafeguardingConcerns(needs.safeguardingConcerns().orElse(null));
        });
        form.setArea(referral.matchArea().or(() -> referral.client().details().postcode()).orElse(null));
        step = Step.NEEDS;
    }

    /** After a saved answer: the first question the draft still lacks, else back to checking the answers. */
    private void next() {
        form.referral(null);
        List<DraftPart> missing = referral().missing();
        if (missing.contains(DraftPart.NEEDS)) {
            editNeeds();
        } else if (missing.contains(DraftPart.SERVICE)) {
            step = Step.SERVICE;
        } else {
            Pages.redirect("/referrals/" + referralId);
        }
    }

    /** Saves the needs in the draft, then asks for the service. */
    public void assess() {
        Set<String> needs = Form.values("needs");
        Set<CrimeType> crimes = Form.choices("crimeTypes", CrimeType.class);
        RiskLevel risk = Form.choice("riskLevel", RiskLevel.class);
        Urgency urgent = Form.choice("urgency", Urgency.class);
        Boolean police = Form.yesNo("reportedToPolice");
        form.setNeeds(needs);
        form.setCrimeTypes(crimes.stream().map(Enum::name).collect(Collectors.toSet()));
        form.setRiskLevel(risk == null ? null : risk.name());
        form.setUrgency(urgent == null ? null : urgent.name());
        form.setReportedToPolice(Form.value("reportedToPolice"));
        Set<String> known = directory.categories().stream().map(c -> c.code()).collect(Collectors.toSet());
        if (needs.isEmpty() || !known.containsAll(needs)) {
            errors.add("needs", Messages.text("new.error.needs"));
        }
        if (crimes.isEmpty()) {
            errors.add("crimeTypes", Messages.text("new.error.crimeTypes"));
        }
        if (risk == null) {
            errors.add("riskLevel", Messages.text("new.error.riskLevel"));
        }
        if (urgent == null) {
            errors.add("urgency", Messages.text("new.error.urgency"));
        }
        if (police == null) {
            errors.add("reportedToPolice", Messages.text("new.error.police"));
        }
        String crimeReference = Pages.trimmed(form.getCrimeReference());
        if (crimeReference != null && (police == null || !police || crimeReference.length() > 40)) {
            errors.add("crimeReference", Messages.text("new.error.crimeReference"));
        }
        String concerns = Pages.trimmed(form.getSafeguardingConcerns());
        if (concerns != null && concerns.length() > 4000) {
            errors.add("safeguardingConcerns", Messages.text("new.error.concerns"));
        }
        String area = Pages.trimmed(form.getArea());
        try {
            new Postcode(area == null ? "" : area.toUpperCase(Locale.ROOT));
        } catch (InvalidField notAPostcode) {
            errors.add("area", Messages.text("new.error.area"));
        }
        if (!errors.isEmpty()) {
            return;
        }
        referrals.recordNeeds(me.actor(), referralId, new NeedsAssessment(needs, crimes, risk, urgent, police,
                Optional.ofNullable(crimeReference), Optional.ofNullable(concerns)), Optional.of(area.toUpperCase(Locale.ROOT)));
        next();
    }

    /** Saves the chosen service in the draft and goes on to consent and checking the answers, on the referral's page. */
    public void choose() {
        String serviceId = Form.value("service");
        if (serviceId == null || getMatches().stream().noneMatch(m -> m.id().equals(serviceId))) {
            errors.add("service", Messages.text("new.error.service"));
            return;
        }
        try {
            referrals.chooseService(me.actor(), referralId, serviceId);
        } catch (IllegalTransitionException | ConflictException sentMeanwhile) {
            errors.add("service", Messages.text("referral.error.refused"));
            return;
        }
        Pages.redirect("/referrals/" + referralId);
    }

    /** Goes back one question: the saved answers are shown again. */
    public void back() {
        if (referralId == null) {
            step = Step.FIND;
            return;
        }
        switch (step) {
            case NEEDS -> editPerson();
            case SERVICE -> editNeeds();
            default -> Pages.redirect("/referrals/" + referralId);
        }
    }

    private Referral referral() {
        if (form.referral() == null) {
            form.referral(referrals.open(me.actor(), referralId));
        }
        return form.referral();
    }

    /** The services matched to the draft's saved needs, worked out once a request. */
    private Matching matching() {
        if (form.matching() == null) {
            Referral referral = referral();
            NeedsAssessment needs = referral.needs();
            ClientDetails person = referral.client().details();
            Postcode where = new Postcode(referral.matchArea().or(person::postcode).orElseThrow());
            MatchResult result = directory.match(new MatchCriteria(needs.needs(), where,
                    person.dateOfBirth().until(LocalDate.now(clock)).getYears(), person.gender(),
                    new LanguageCode(person.preferredLanguage()),
                    person.interpreterNeeded() || !"en".equals(person.preferredLanguage()), needs.riskLevel(),
                    needs.crimeTypes()), true);
            Map<String, String> categoryLabels = directory.categories().stream()
                    .collect(Collectors.toMap(ServiceCategory::code, ServiceCategory::label));
            form.matching(new Matching(
                    result.matches().stream().map(m -> MatchView.of(m.service(), m.reasons(), categoryLabels)).toList(),
                    result.exclusions().stream().map(e -> ExclusionView.of(e.service(), e.reasons())).toList()));
        }
        return form.matching();
    }

    /** The matched services and those left out, for one request. */
    public record Matching(List<MatchView> matches, List<ExclusionView> exclusions) {
    }

    // Choices offered.

    public List<Option> getGenderOptions() {
        return Option.of(Gender.values(), "gender.");
    }

    public List<Option> getNeedOptions() {
        return directory.categories().stream().map(c -> new Option(c.code(), c.label(), null)).toList();
    }

    public List<Option> getCrimeTypeOptions() {
        return Option.of(CrimeType.values(), "crime.");
    }

    public List<Option> getRiskOptions() {
        return Option.of(RiskLevel.values(), "risk.");
    }

    public List<Option> getUrgencyOptions() {
        return Option.of(Urgency.values(), "urgency.");
    }

    public List<Option> getYesNo() {
        return Form.yesNoOptions();
    }

    /** A possible existing record of the same person: enough to recognise them, no more. */
    public record Candidate(String id, String name, String dateOfBirth, String postcodeDistrict) {

        static Candidate of(Client client) {
            ClientDetails details = client.details();
            return new Candidate(client.id(), details.givenName() + " " + details.familyName(),
                    Format.date(details.dateOfBirth()),
                    details.postcode().map(p -> new Postcode(p).district()).orElse(""));
        }
    }

    /** A matched service, with why it matched and how long the wait is. */
    public record MatchView(String id, String name, String organisation, String description, String capacity,
                            String capacityTag, List<String> reasons) {

        /** The service with its reasons in words: a category offered by its label, never its code. */
        static MatchView of(ServiceProfile service, List<MatchReason> reasons, Map<String, String> categoryLabels) {
            List<String> words = new ArrayList<>();
            reasons.forEach(r -> words.add(Messages.text("match." + r.code().name(), r.parameters().stream()
                    .map(p -> r.code() == MatchReasonCode.OFFERS_CATEGORY ? categoryLabels.getOrDefault(p, p) : p).toArray())));
            String capacity = Messages.text("capacity." + service.capacity().name())
                    + service.waitWeeks().stream().mapToObj(w -> ", " + Messages.text("capacity.waitWeeks", w)).findFirst().orElse("");
            return new MatchView(service.id(), service.name(), service.organisation(), service.description(), capacity,
                    switch (service.capacity()) {
                        case OPEN -> "govuk-tag--green";
                        case WAITING_LIST -> "govuk-tag--yellow";
                        case CLOSED -> "govuk-tag--red";
                    }, words);
        }
    }

    /** A service not shown, and every reason why. */
    public record ExclusionView(String name, List<String> reasons) {

        static ExclusionView of(ServiceProfile service, List<ExclusionReason> reasons) {
            return new ExclusionView(service.name(),
                    reasons.stream().map(r -> Messages.text("exclusion." + r.code().name(), r.parameters().toArray())).toList());
        }
    }

    // State for the page.

    public String getStepName() {
        return step.name();
    }

    /** Whether the person step changes a saved record rather than adding one. */
    public boolean isEditingPerson() {
        return referralId != null;
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

    /** The possible duplicates' ids, comma-joined, for the form to carry back. */
    public String getCandidateIds() {
        return String.join(",", candidateIds);
    }

    /** The possible duplicates, read (and audited) from their ids each time they are shown. */
    public List<Candidate> getCandidates() {
        if (form.candidates() == null) {
            form.candidates(candidateIds.stream().map(id -> Candidate.of(clients.get(me.actor(), id))).toList());
        }
        return form.candidates();
    }

    public List<MatchView> getMatches() {
        return step == Step.SERVICE ? matching().matches() : List.of();
    }

    public List<ExclusionView> getExclusions() {
        return step == Step.SERVICE ? matching().exclusions() : List.of();
    }

    public String getClientName() {
        ClientDetails person = referral().client().details();
        return person.givenName() + " " + person.familyName();
    }
}
