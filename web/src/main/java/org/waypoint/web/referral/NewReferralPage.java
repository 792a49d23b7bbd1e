package org.waypoint.web.referral;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.waypoint.core.client.Client;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.ClientService;
import org.waypoint.core.client.ContactDetails;
import org.waypoint.core.client.SafeContact;
import org.waypoint.core.directory.DirectoryService;
import org.waypoint.core.directory.ExclusionReason;
import org.waypoint.core.directory.MatchCriteria;
import org.waypoint.core.directory.MatchReason;
import org.waypoint.core.directory.MatchResult;
import org.waypoint.core.directory.ServiceProfile;
import org.waypoint.core.referral.NeedsAssessment;
import org.waypoint.core.referral.Referral;
import org.waypoint.core.referral.ReferralService;
import org.waypoint.core.referral.Urgency;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.Postcode;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.web.page.Form;
import org.waypoint.web.page.Form.Option;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Format;
import org.waypoint.web.page.Messages;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/**
 * A new referral, up to its draft: who it is for (an existing record, after the possible-duplicate
 * check, or a new one with safe-contact instructions), their needs and risk, and the service, chosen
 * from the matched list with its reasons. Choosing the service saves the draft; consent, checking
 * the answers and sending happen on the referral's own page. What is typed stays in this view on
 * the server: nothing of it goes into an address.
 */
@Named
@ViewScoped
public class NewReferralPage implements Serializable {

    private static final long serialVersionUID = 1L;

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

    private Step step = Step.FIND;

    // Who: the search, then the new record.
    private String givenName;
    private String familyName;
    private String day;
    private String month;
    private String year;
    private LocalDate dateOfBirth;
    private List<Candidate> candidates = List.of();
    private String gender;
    private String language = "en";
    private boolean interpreterNeeded;
    private String postcode;
    private String phone;
    private String email;
    private String address;
    private String accessNeeds;
    private String safeNumber;
    private String safeTimes;
    private String voicemailAllowed;
    private String serviceMayIdentifyItself;
    private String coverStory;

    // The chosen person, by id only.
    private String clientId;
    private String clientName;

    // Needs and risk.
    private Set<String> needs = Set.of();
    private Set<String> crimeTypes = Set.of();
    private String riskLevel;
    private String urgency;
    private String reportedToPolice;
    private String crimeReference;
    private String safeguardingConcerns;
    private String area;

    // The service.
    private List<MatchView> matches = List.of();
    private List<ExclusionView> exclusions = List.of();

    public void find() {
        if (Pages.trimmed(givenName) == null) {
            errors.add("givenName", Messages.text("new.error.givenName"));
        }
        if (Pages.trimmed(familyName) == null) {
            errors.add("familyName", Messages.text("new.error.familyName"));
        }
        dateOfBirth = dateOfBirth();
        if (!errors.isEmpty()) {
            return;
        }
        candidates = clients.possibleDuplicates(me.actor(), givenName.strip(), familyName.strip(), dateOfBirth).stream()
                .map(Candidate::of).toList();
        step = candidates.isEmpty() ? Step.ADD : Step.CHOOSE;
    }

    private LocalDate dateOfBirth() {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
            if (date.isAfter(LocalDate.now(clock)) || date.getYear() < 1900) {
                errors.add("dob-day", Messages.text("new.error.dobPast"));
                return null;
            }
            return date;
        } catch (NullPointerException | NumberFormatException | DateTimeException notADate) {
            errors.add("dob-day", Messages.text("new.error.dob"));
            return null;
        }
    }

    /** Goes on with a person already recorded. */
    public void use(String candidateId) {
        candidates.stream().filter(c -> c.id().equals(candidateId)).findFirst().ifPresent(candidate -> {
            Client client = clients.get(me.actor(), candidate.id());
            chosen(client);
        });
    }

    /** None of the possible duplicates is this person. */
    public void addNew() {
        step = Step.ADD;
    }

    public void add() {
        Gender chosenGender = Form.choice("gender", Gender.class);
        gender = chosenGender == null ? null : chosenGender.name();
        voicemailAllowed = Form.value("voicemailAllowed");
        serviceMayIdentifyItself = Form.value("serviceMayIdentifyItself");
        if (chosenGender == null) {
            errors.add("gender", Messages.text("new.error.gender"));
        }
        String lang = Pages.trimmed(language) == null ? null : language.strip().toLowerCase(java.util.Locale.ROOT);
        if (lang == null || !lang.matches("[a-z]{2}")) {
            errors.add("language", Messages.text("new.error.language"));
        }
        Optional<String> code = check("postcode", postcode, value -> new Postcode(value.toUpperCase(java.util.Locale.ROOT)));
        Optional<String> phoneNumber = check("phone", phone, value -> new ContactDetails(Optional.of(value), Optional.empty(), Optional.empty()));
        Optional<String> mail = check("email", email, value -> new ContactDetails(Optional.empty(), Optional.of(value), Optional.empty()));
        Optional<String> home = check("address", address, value -> new ContactDetails(Optional.empty(), Optional.empty(), Optional.of(value)));
        Optional<String> safe = check("safeNumber", safeNumber, value -> new SafeContact(Optional.of(value), Optional.empty(), false, false, Optional.empty()));
        Optional<String> times = check("safeTimes", safeTimes, value -> new SafeContact(Optional.empty(), Optional.of(value), false, false, Optional.empty()));
        Boolean voicemail = Form.yesNo("voicemailAllowed");
        if (voicemail == null) {
            errors.add("voicemailAllowed", Messages.text("new.error.voicemail"));
        }
        Boolean identify = Form.yesNo("serviceMayIdentifyItself");
        if (identify == null) {
            errors.add("serviceMayIdentifyItself", Messages.text("new.error.identify"));
        }
        Optional<String> cover = check("coverStory", coverStory, value -> new SafeContact(Optional.empty(), Optional.empty(), false, false, Optional.of(value)));
        Optional<String> access = Optional.ofNullable(Pages.trimmed(accessNeeds));
        if (!errors.isEmpty()) {
            return;
        }
        ClientDetails details = new ClientDetails(givenName.strip(), familyName.strip(), dateOfBirth, chosenGender, lang,
                interpreterNeeded, access, code, new ContactDetails(phoneNumber, mail, home),
                new SafeContact(safe, times, voicemail, identify, cover), Optional.empty());
        chosen(clients.register(me.actor(), details));
    }

    /** A field's value checked by the domain's own rule, the rule's words shown beside the field when it fails. */
    private Optional<String> check(String field, String value, java.util.function.Consumer<String> rule) {
        String trimmed = Pages.trimmed(value);
        if (trimmed == null) {
            return Optional.empty();
        }
        try {
            rule.accept(trimmed);
            return Optional.of(trimmed);
        } catch (IllegalArgumentException invalid) {
            errors.add(field, Messages.text("new.error." + field));
            return Optional.empty();
        }
    }

    private void chosen(Client client) {
        clientId = client.id();
        clientName = client.details().givenName() + " " + client.details().familyName();
        dateOfBirth = client.details().dateOfBirth();
        gender = client.details().gender().name();
        language = client.details().preferredLanguage();
        interpreterNeeded = client.details().interpreterNeeded();
        area = client.details().postcode().orElse(null);
        step = Step.NEEDS;
    }

    public void assess() {
        needs = Form.values("needs");
        crimeTypes = Form.choices("crimeTypes", CrimeType.class).stream().map(Enum::name).collect(Collectors.toSet());
        RiskLevel risk = Form.choice("riskLevel", RiskLevel.class);
        Urgency urgent = Form.choice("urgency", Urgency.class);
        Boolean police = Form.yesNo("reportedToPolice");
        riskLevel = risk == null ? null : risk.name();
        urgency = urgent == null ? null : urgent.name();
        reportedToPolice = Form.value("reportedToPolice");
        Set<String> known = directory.categories().stream().map(c -> c.code()).collect(Collectors.toSet());
        if (needs.isEmpty() || !known.containsAll(needs)) {
            errors.add("needs", Messages.text("new.error.needs"));
        }
        if (crimeTypes.isEmpty()) {
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
        if (Pages.trimmed(crimeReference) != null && (police == null || !police || crimeReference.strip().length() > 40)) {
            errors.add("crimeReference", Messages.text("new.error.crimeReference"));
        }
        if (Pages.trimmed(safeguardingConcerns) != null && safeguardingConcerns.strip().length() > 4000) {
            errors.add("safeguardingConcerns", Messages.text("new.error.concerns"));
        }
        Postcode where = null;
        try {
            where = new Postcode(Pages.trimmed(area) == null ? "" : area.strip());
        } catch (IllegalArgumentException notAPostcode) {
            errors.add("area", Messages.text("new.error.area"));
        }
        if (!errors.isEmpty()) {
            return;
        }
        MatchResult result = directory.match(new MatchCriteria(needs, where, dateOfBirth.until(LocalDate.now(clock)).getYears(),
                Gender.valueOf(gender), new LanguageCode(language), interpreterNeeded || !"en".equals(language), risk,
                crimeTypes.stream().map(CrimeType::valueOf).collect(Collectors.toSet())), true);
        matches = result.matches().stream().map(m -> MatchView.of(m.service(), m.reasons())).toList();
        exclusions = result.exclusions().stream().map(e -> ExclusionView.of(e.service(), e.reasons())).toList();
        step = Step.SERVICE;
    }

    /** Saves the draft with the chosen service and goes on to consent, on the referral's page. */
    public void choose() {
        String serviceId = Form.value("service");
        if (serviceId == null || matches.stream().noneMatch(m -> m.id().equals(serviceId))) {
            errors.add("service", Messages.text("new.error.service"));
            return;
        }
        Referral draft = referrals.draft(me.actor(), clientId, serviceId, needsAssessment());
        Pages.redirect("/referrals/" + draft.id());
    }

    private NeedsAssessment needsAssessment() {
        return new NeedsAssessment(needs, crimeTypes.stream().map(CrimeType::valueOf).collect(Collectors.toSet()),
                RiskLevel.valueOf(riskLevel), Urgency.valueOf(urgency), "yes".equals(reportedToPolice),
                Optional.ofNullable(Pages.trimmed(crimeReference)), Optional.ofNullable(Pages.trimmed(safeguardingConcerns)));
    }

    /** Goes back one question, keeping what was typed. */
    public void back() {
        step = switch (step) {
            case FIND, CHOOSE, ADD -> Step.FIND;
            case NEEDS -> Step.FIND;
            case SERVICE -> Step.NEEDS;
        };
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
    public record Candidate(String id, String name, String dateOfBirth, String postcodeDistrict) implements Serializable {

        static Candidate of(Client client) {
            ClientDetails details = client.details();
            return new Candidate(client.id(), details.givenName() + " " + details.familyName(),
                    Format.date(details.dateOfBirth()),
                    details.postcode().map(p -> new Postcode(p).district()).orElse(""));
        }
    }

    /** A matched service, with why it matched and how long the wait is. */
    public record MatchView(String id, String name, String organisation, String description, String capacity,
                            String capacityTag, List<String> reasons) implements Serializable {

        static MatchView of(ServiceProfile service, List<MatchReason> reasons) {
            List<String> words = new ArrayList<>();
            reasons.forEach(r -> words.add(Messages.text("match." + r.code().name(), r.parameters().toArray())));
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
    public record ExclusionView(String name, List<String> reasons) implements Serializable {

        static ExclusionView of(ServiceProfile service, List<ExclusionReason> reasons) {
            return new ExclusionView(service.name(),
                    reasons.stream().map(r -> Messages.text("exclusion." + r.code().name(), r.parameters().toArray())).toList());
        }
    }

    // State for the page.

    public Step getStep() {
        return step;
    }

    public String getStepName() {
        return step.name();
    }

    public List<Candidate> getCandidates() {
        return candidates;
    }

    public List<MatchView> getMatches() {
        return matches;
    }

    public List<ExclusionView> getExclusions() {
        return exclusions;
    }

    public String getClientName() {
        return clientName;
    }

    public String getGivenName() { return givenName; }
    public void setGivenName(String v) { givenName = v; }
    public String getFamilyName() { return familyName; }
    public void setFamilyName(String v) { familyName = v; }
    public String getDay() { return day; }
    public void setDay(String v) { day = v; }
    public String getMonth() { return month; }
    public void setMonth(String v) { month = v; }
    public String getYear() { return year; }
    public void setYear(String v) { year = v; }
    public String getGender() { return gender; }
    public String getLanguage() { return language; }
    public void setLanguage(String v) { language = v; }
    public boolean isInterpreterNeeded() { return interpreterNeeded; }
    public void setInterpreterNeeded(boolean v) { interpreterNeeded = v; }
    public String getPostcode() { return postcode; }
    public void setPostcode(String v) { postcode = v; }
    public String getPhone() { return phone; }
    public void setPhone(String v) { phone = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getAddress() { return address; }
    public void setAddress(String v) { address = v; }
    public String getAccessNeeds() { return accessNeeds; }
    public void setAccessNeeds(String v) { accessNeeds = v; }
    public String getSafeNumber() { return safeNumber; }
    public void setSafeNumber(String v) { safeNumber = v; }
    public String getSafeTimes() { return safeTimes; }
    public void setSafeTimes(String v) { safeTimes = v; }
    public String getVoicemailAllowed() { return voicemailAllowed; }
    public String getServiceMayIdentifyItself() { return serviceMayIdentifyItself; }
    public String getCoverStory() { return coverStory; }
    public void setCoverStory(String v) { coverStory = v; }
    public Set<String> getNeeds() { return needs; }
    public Set<String> getCrimeTypes() { return crimeTypes; }
    public String getRiskLevel() { return riskLevel; }
    public String getUrgency() { return urgency; }
    public String getReportedToPolice() { return reportedToPolice; }
    public String getCrimeReference() { return crimeReference; }
    public void setCrimeReference(String v) { crimeReference = v; }
    public String getSafeguardingConcerns() { return safeguardingConcerns; }
    public void setSafeguardingConcerns(String v) { safeguardingConcerns = v; }
    public String getArea() { return area; }
    public void setArea(String v) { area = v; }
}
