package org.waypoint.web.directory;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.waypoint.core.directory.AgeRange;
import org.waypoint.core.directory.Capacity;
import org.waypoint.core.directory.DirectoryService;
import org.waypoint.core.directory.Eligibility;
import org.waypoint.core.directory.OpeningTime;
import org.waypoint.core.directory.ServiceEntry;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.RuleViolation;
import org.waypoint.core.shared.StaleVersionException;
import org.waypoint.web.page.Form;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Messages;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/**
 * Backs the service staff's pages for their own organisation's services: the list
 * ({@code my-services.xhtml}) and the form that changes one entry ({@code my-service.xhtml?id=…}).
 * Anyone else, or a service of another organisation, gets "page not found"; the use case refuses
 * them too.
 */
@Named
@RequestScoped
public class MyServicesPage {

    static final int MAX_WEEKS = 104;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_ADDRESS = 300;
    private static final String YES = "yes";

    @Inject
    DirectoryService directory;

    @Inject
    Me me;

    @Inject
    FormErrors errors;

    private String id;
    private SupportService service;
    private List<Row> rows;
    private String capacity;
    private String waitWeeks;
    private String description;
    private String inbox;
    private String address;
    private String minAge;
    private String maxAge;
    private Set<String> genders = Set.of();
    private Set<String> crimeTypes = Set.of();
    private Set<String> riskLevels = Set.of();
    private String areas;
    private String languages;
    private Set<String> interpreters = Set.of();
    private List<Day> days = List.of();

    /** The list's view action. */
    public void checkList() {
        if (!me.isServiceStaff()) {
            Pages.notFound();
        }
    }

    /** The form's view action: the service must be one of the reader's organisation's; the form starts with what it says now. */
    public void loadEntry() {
        if (!me.isServiceStaff() || service().isEmpty()) {
            Pages.notFound();
            return;
        }
        SupportService shown = service().get();
        capacity = shown.capacity().name();
        waitWeeks = shown.waitWeeks().isPresent() ? Integer.toString(shown.waitWeeks().getAsInt()) : "";
        description = shown.description();
        inbox = shown.referralInbox().map(EmailAddress::value).orElse("");
        address = shown.publicAddress().orElse("");
        Eligibility eligibility = shown.eligibility();
        minAge = eligibility.ages().minAge().isPresent() ? Integer.toString(eligibility.ages().minAge().getAsInt()) : "";
        maxAge = eligibility.ages().maxAge().isPresent() ? Integer.toString(eligibility.ages().maxAge().getAsInt()) : "";
        genders = names(eligibility.genders());
        crimeTypes = names(eligibility.crimeTypes());
        riskLevels = names(eligibility.riskLevels());
        areas = String.join(", ", shown.postcodePrefixes());
        languages = shown.languages().stream().map(LanguageCode::value).collect(Collectors.joining(", "));
        interpreters = shown.interpretersAvailable() ? Set.of(YES) : Set.of();
        days = Arrays.stream(DayOfWeek.values()).map(day -> shown.openingTimes().stream().filter(t -> t.day() == day)
                .findFirst().map(t -> new Day(day, t.opensText(), t.closesText())).orElse(new Day(day, "", ""))).toList();
    }

    private static Set<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.toSet());
    }

    public List<Row> getRows() {
        if (rows == null) {
            rows = directory.ownServices(me.actor()).stream().map(Row::of).toList();
        }
        return rows;
    }

    public List<Form.Option> getCapacityOptions() {
        return Form.Option.of(Capacity.values(), "capacity.");
    }

    /** The genders a service may be limited to: not "not said", which only a person can be. */
    public List<Form.Option> getGenderOptions() {
        return Form.Option.of(Gender.values(), "gender.").stream().filter(o -> !o.value().equals(Gender.NOT_SAID.name())).toList();
    }

    public List<Form.Option> getCrimeTypeOptions() {
        return Form.Option.of(CrimeType.values(), "crime.");
    }

    public List<Form.Option> getRiskLevelOptions() {
        return Form.Option.of(RiskLevel.values(), "risk.");
    }

    public List<Form.Option> getInterpreterOptions() {
        return List.of(new Form.Option(YES, Messages.text("myService.interpreters"), null));
    }

    /** Saves the form: each problem is shown beside its field, and nothing is saved until there are none. */
    public void save() {
        if (!me.isServiceStaff() || service().isEmpty()) {
            Pages.notFound();
            return;
        }
        capacity = Form.value("capacity");
        Capacity chosen = Form.parse(capacity, Capacity.class);
        int weeks = 0;
        if (chosen == null) {
            errors.add("capacity", Messages.text("myService.error.capacity"));
        } else if (chosen == Capacity.WAITING_LIST) {
            try {
                weeks = Integer.parseInt(Pages.trimmed(waitWeeks) == null ? "" : waitWeeks.strip());
            } catch (NumberFormatException notANumber) {
                weeks = 0;
            }
            if (weeks < 1 || weeks > MAX_WEEKS) {
                errors.add("waitWeeks", Messages.text("myService.error.weeks", MAX_WEEKS));
            }
        }
        String text = Pages.trimmed(description);
        if (text == null) {
            errors.add("description", Messages.text("myService.error.description"));
        } else if (text.length() > MAX_DESCRIPTION) {
            errors.add("description", Messages.text("myService.error.descriptionLength", MAX_DESCRIPTION));
        }
        EmailAddress inboxAddress = null;
        try {
            inboxAddress = new EmailAddress(inbox == null ? "" : inbox);
        } catch (InvalidField notAnAddress) {
            errors.add("inbox", Messages.text("myService.error.inbox"));
        }
        EmailAddress email = inboxAddress;
        Optional<String> place = Optional.ofNullable(Pages.trimmed(address));
        if (place.isPresent() && place.get().length() > MAX_ADDRESS) {
            errors.add("address", Messages.text("myService.error.address", MAX_ADDRESS));
        }
        SupportService current = service().get();
        ServiceEntry entry = ServiceEntry.of(current);
        if (errors.isEmpty()) {
            int wait = weeks;
            entry = part(entry, "capacity", "myService.error.refused", e -> e.withCapacity(chosen, wait).withContact(text, email, place));
        }
        entry = part(entry, "minAge", "myService.error.ages", e -> e.withEligibility(eligibility()));
        entry = part(entry, "areas", "myService.error.areas", e -> e.withAreas(words(areas)));
        interpreters = Form.values("interpreters");
        entry = part(entry, "languages", "myService.error.languages", e -> e.withLanguages(
                words(languages).stream().map(LanguageCode::new).toList(), interpreters.contains(YES)));
        List<OpeningTime> times = new ArrayList<>();
        days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            Day sent = new Day(day, Form.value("opens-" + day), Form.value("closes-" + day));
            days.add(sent);
            if (sent.opens() != null || sent.closes() != null) {
                try {
                    times.add(OpeningTime.of(day, sent.opens(), sent.closes()));
                } catch (InvalidField | RuleViolation wrong) {
                    errors.add(sent.field(), Messages.text("myService.error.time", sent.getLabel()));
                }
            }
        }
        entry = entry.withOpeningTimes(times);
        if (!errors.isEmpty()) {
            return;
        }
        try {
            directory.updateOwnEntry(me.actor(), current.id(), entry, version(Form.value("version")));
        } catch (StaleVersionException changed) {
            errors.add("capacity", Messages.text("myService.error.stale"));
            return;
        } catch (InvalidField | RuleViolation refused) {
            errors.add("capacity", Messages.text("myService.error.refused"));
            return;
        }
        Pages.redirect("/my-services", "done", "saved");
    }

    /** The entry with one part changed, or as it was with the part's problem shown beside its field. */
    private ServiceEntry part(ServiceEntry entry, String field, String message, UnaryOperator<ServiceEntry> change) {
        try {
            return change.apply(entry);
        } catch (InvalidField | RuleViolation refused) {
            errors.add(field, Messages.text(message));
            return entry;
        }
    }

    private Eligibility eligibility() {
        genders = Form.values("genders");
        crimeTypes = Form.values("crimeTypes");
        riskLevels = Form.values("riskLevels");
        minAge = Form.value("minAge");
        maxAge = Form.value("maxAge");
        return new Eligibility(new AgeRange(age(minAge), age(maxAge)), Form.choices("genders", Gender.class),
                Form.choices("crimeTypes", CrimeType.class), Form.choices("riskLevels", RiskLevel.class));
    }

    private static OptionalInt age(String text) {
        String sent = Pages.trimmed(text);
        if (sent == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(sent));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("an age is a whole number");
        }
    }

    /** Codes typed in one box, separated by commas or spaces. */
    private static List<String> words(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter(w -> !w.isEmpty()).toList();
    }

    private Optional<SupportService> service() {
        if (service == null && Pages.isId(id)) {
            try {
                service = directory.ownService(me.actor(), id);
            } catch (NotFoundException notOurs) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(service);
    }

    public String getName() {
        return service().map(SupportService::name).orElse("");
    }

    public long getVersion() {
        return service().map(SupportService::version).orElse(0L);
    }

    /** A refuge never has a public address, so its form offers none. */
    public boolean isConfidential() {
        return service().map(SupportService::confidentialLocation).orElse(true);
    }

    private static OptionalLong version(String sent) {
        try {
            return sent == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(sent));
        } catch (NumberFormatException notANumber) {
            return OptionalLong.empty();
        }
    }

    /** One service as the list shows it. */
    public record Row(String id, String name, String capacity, String capacityTag, String waitWeeks, String inbox,
                      String address) {

        static Row of(SupportService service) {
            return new Row(service.id(), service.name(),
                    Messages.text("capacity." + service.capacity().name()),
                    switch (service.capacity()) {
                        case OPEN -> "govuk-tag--green";
                        case WAITING_LIST -> "govuk-tag--yellow";
                        case CLOSED -> "govuk-tag--grey";
                    },
                    service.waitWeeks().isPresent() ? Messages.text("capacity.waitWeeks", service.waitWeeks().getAsInt()) : "",
                    service.referralInbox().map(EmailAddress::value).orElse(""),
                    service.confidentialLocation() ? Messages.text("myServices.confidential")
                            : service.publicAddress().orElse(Messages.text("myServices.noAddress")));
        }
    }

    /** One weekday's row of the opening times: its times as typed, empty when closed. */
    public record Day(DayOfWeek day, String opens, String closes) {

        public String getName() {
            return day.name();
        }

        public String getLabel() {
            return day.getDisplayName(TextStyle.FULL, Locale.UK);
        }

        public String field() {
            return "opens-" + day.name();
        }
    }

    public List<Day> getDays() {
        return days;
    }

    public Set<String> getGenders() {
        return genders;
    }

    public Set<String> getCrimeTypes() {
        return crimeTypes;
    }

    public Set<String> getRiskLevels() {
        return riskLevels;
    }

    public Set<String> getInterpreters() {
        return interpreters;
    }

    public String getMinAge() {
        return minAge;
    }

    public String getMaxAge() {
        return maxAge;
    }

    public String getAreas() {
        return areas;
    }

    public void setAreas(String areas) {
        this.areas = areas;
    }

    public String getLanguages() {
        return languages;
    }

    public void setLanguages(String languages) {
        this.languages = languages;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getCapacity() {
        return capacity;
    }

    public void setCapacity(String capacity) {
        this.capacity = capacity;
    }

    public String getWaitWeeks() {
        return waitWeeks;
    }

    public void setWaitWeeks(String waitWeeks) {
        this.waitWeeks = waitWeeks;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getInbox() {
        return inbox;
    }

    public void setInbox(String inbox) {
        this.inbox = inbox;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
