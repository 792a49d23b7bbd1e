package org.waypoint.core.directory;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.core.shared.RuleViolation;

/**
 * A support service that takes referrals: counselling, legal aid, an ISVA service and so on
 * (the "service" of Open Referral HSDS). It belongs to one providing organisation, covers the
 * postcode areas and districts it lists, and says whether it is open, has a waiting list or is
 * closed. Its referral inbox is the address told of new referrals; it is never shown publicly. A
 * service imported from another directory has none until an administrator gives it one, and stays
 * closed to referrals until then.
 * <p>
 * Its {@link Eligibility} says whom it sees (ages, genders, crime types, risk levels); it works in
 * one or more languages (English unless told otherwise) and may arrange interpreters; it meets
 * people in at least one {@link DeliveryMode} (in person unless told otherwise). A service at a
 * confidential location, such as a refuge, never has a public address. A capacity note is for
 * referrers only, like the inbox.
 * <p>
 * It states when it is open, at most once each weekday ({@link OpeningTime}), and remembers when its
 * entry last changed ({@link #lastModified()}, Open Referral UK's "last_modified"), which whoever
 * changes it sets ({@link #modifiedAt}).
 */
@Entity
@Table(name = "support_service")
public class SupportService {

    public static final int DEFAULT_ACK_TARGET_WORKING_DAYS = 2;
    private static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_ADDRESS = 300;
    private static final int MAX_CAPACITY_NOTE = 500;

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "organisation_id", nullable = false)
    private Organisation organisation;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(nullable = false, length = MAX_DESCRIPTION)
    private String description;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "support_service_category",
            joinColumns = @JoinColumn(name = "service_id"),
            inverseJoinColumns = @JoinColumn(name = "category_code"))
    private Set<ServiceCategory> categories = new HashSet<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "support_service_area", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "postcode_prefix", length = 8)
    private Set<String> postcodePrefixes = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Capacity capacity;

    @Column(name = "wait_weeks")
    private Integer waitWeeks;

    @Column(name = "referral_inbox", length = 320)
    private String referralInbox;

    @Column(name = "ack_target_days", nullable = false)
    private int ackTargetWorkingDays;

    @Column(name = "min_age")
    private Integer minAge;

    @Column(name = "max_age")
    private Integer maxAge;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "support_service_gender", joinColumns = @JoinColumn(name = "service_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "gender", length = 20)
    private Set<Gender> genders = new HashSet<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "support_service_crime_type", joinColumns = @JoinColumn(name = "service_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "crime_type", length = 40)
    private Set<CrimeType> crimeTypes = new HashSet<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "support_service_risk_level", joinColumns = @JoinColumn(name = "service_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level", length = 10)
    private Set<RiskLevel> riskLevels = new HashSet<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "support_service_language", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "language_code", length = 2)
    private Set<String> languages = new HashSet<>();

    @Column(name = "interpreters_available", nullable = false)
    private boolean interpretersAvailable;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "support_service_delivery_mode", joinColumns = @JoinColumn(name = "service_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_mode", length = 20)
    private Set<DeliveryMode> deliveryModes = new HashSet<>();

    @Column(name = "confidential_location", nullable = false)
    private boolean confidentialLocation;

    @Column(name = "public_address", length = MAX_ADDRESS)
    private String publicAddress;

    @Column(name = "capacity_note", length = MAX_CAPACITY_NOTE)
    private String capacityNote;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "support_service_schedule", joinColumns = @JoinColumn(name = "service_id"))
    private Set<OpeningTime> openingTimes = new HashSet<>();

    @Column(name = "last_modified", nullable = false)
    private Instant lastModified;

    @Version
    private long version;

    protected SupportService() {
        // for JPA
    }

    public SupportService(Organisation organisation, String name, String description,
                          Collection<ServiceCategory> categories, Collection<String> postcodePrefixes,
                          EmailAddress referralInbox) {
        this.id = UUID.randomUUID().toString();
        this.organisation = Objects.requireNonNull(organisation, "a service belongs to an organisation");
        if (!organisation.kind().provides()) {
            throw new RuleViolation("error.service.organisationKind", "only an organisation that provides services can own one");
        }
        apply(name, description, categories, postcodePrefixes);
        this.referralInbox = InvalidField.required(referralInbox, "referralInbox", "error.field.required", "a referral inbox is required").value();
        this.capacity = Capacity.OPEN;
        this.ackTargetWorkingDays = DEFAULT_ACK_TARGET_WORKING_DAYS;
        this.languages.add(LanguageCode.ENGLISH.value());
        this.deliveryModes.add(DeliveryMode.IN_PERSON);
        modifiedAt(Instant.now());
    }

    /**
     * A service imported from another directory under the id it has there: closed, with no referral
     * inbox, until an administrator gives it one and opens it.
     */
    public static SupportService imported(String id, Organisation organisation, String name, String description,
                                          Collection<ServiceCategory> categories, Collection<String> postcodePrefixes) {
        SupportService service = new SupportService();
        service.id = Objects.requireNonNull(id, "an imported service keeps its id");
        service.organisation = Objects.requireNonNull(organisation, "a service belongs to an organisation");
        if (!organisation.kind().provides()) {
            throw new RuleViolation("error.service.organisationKind", "only an organisation that provides services can own one");
        }
        service.apply(name, description, categories, postcodePrefixes);
        service.capacity = Capacity.CLOSED;
        service.ackTargetWorkingDays = DEFAULT_ACK_TARGET_WORKING_DAYS;
        service.languages.add(LanguageCode.ENGLISH.value());
        service.deliveryModes.add(DeliveryMode.IN_PERSON);
        service.modifiedAt(Instant.now());
        return service;
    }

    private static String requireText(String text, String what, int max) {
        if (text == null || text.isBlank()) {
            throw new InvalidField(what, "error.field.required", what + " is required");
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            throw new InvalidField(what, "error.field.tooLong", what + " is longer than " + max + " characters", max);
        }
        return stripped;
    }

    /** The postcode areas and districts, checked and in capitals: at least one. */
    static Set<String> requirePostcodePrefixes(Collection<String> prefixes) {
        if (prefixes == null || prefixes.isEmpty()) {
            throw new InvalidField("postcodeAreas", "error.service.postcodeAreas.required",
                    "a service covers at least one postcode area");
        }
        Set<String> checked = new HashSet<>();
        prefixes.forEach(prefix -> checked.add(requirePostcodePrefix(prefix)));
        return checked;
    }

    private static String requirePostcodePrefix(String prefix) {
        String normalised = prefix == null ? "" : prefix.strip().toUpperCase(Locale.ROOT);
        if (!normalised.matches("[A-Z]{1,2}([0-9][0-9A-Z]?)?")) {
            throw new InvalidField("postcodeAreas", "error.service.postcodeArea.form",
                    "a postcode area or district looks like \"M\" or \"M14\"");
        }
        return normalised;
    }

    /** Replaces what the service is called, says, offers and covers. */
    public void describe(String newName, String newDescription, Collection<ServiceCategory> newCategories,
                         Collection<String> newPostcodePrefixes, EmailAddress newReferralInbox) {
        InvalidField.required(newReferralInbox, "referralInbox", "error.field.required", "a referral inbox is required");
        apply(newName, newDescription, newCategories, newPostcodePrefixes);
        this.referralInbox = newReferralInbox.value();
    }

    /** Replaces what the service is called, says, offers and covers, as another directory says it, keeping its inbox. */
    public void describeAsImported(String newName, String newDescription, Collection<ServiceCategory> newCategories,
                                   Collection<String> newPostcodePrefixes) {
        apply(newName, newDescription, newCategories, newPostcodePrefixes);
    }

    private void apply(String newName, String newDescription, Collection<ServiceCategory> newCategories,
                       Collection<String> newPostcodePrefixes) {
        String checkedName = requireText(newName, "service name", MAX_NAME);
        String checkedDescription = requireText(newDescription, "service description", MAX_DESCRIPTION);
        if (newCategories == null || newCategories.isEmpty()) {
            throw new InvalidField("categories", "error.service.categories.required", "a service has at least one category");
        }
        Set<String> checkedPrefixes = requirePostcodePrefixes(newPostcodePrefixes);
        this.name = checkedName;
        this.description = checkedDescription;
        this.categories.clear();
        this.categories.addAll(newCategories);
        this.postcodePrefixes.clear();
        this.postcodePrefixes.addAll(checkedPrefixes);
    }

    private void requireInbox() {
        if (referralInbox == null) {
            throw new RuleViolation("error.service.inboxFirst", "a service takes referrals only once it has a referral inbox");
        }
    }

    /** Opens the service to referrals. */
    public void open() {
        requireInbox();
        this.capacity = Capacity.OPEN;
        this.waitWeeks = null;
    }

    /** Takes referrals onto a waiting list of about {@code weeks} weeks. */
    public void waitingList(int weeks) {
        if (weeks < 1 || weeks > 104) {
            throw new InvalidField("waitWeeks", "error.service.waitWeeks", "a waiting list is between 1 and 104 weeks", 104);
        }
        requireInbox();
        this.capacity = Capacity.WAITING_LIST;
        this.waitWeeks = weeks;
    }

    /** Stops taking referrals. */
    public void close() {
        this.capacity = Capacity.CLOSED;
        this.waitWeeks = null;
    }

    public void acknowledgementTarget(int workingDays) {
        if (workingDays < 1 || workingDays > 20) {
            throw new InvalidField("acknowledgementDays", "error.service.acknowledgementTarget",
                    "an acknowledgement target is between 1 and 20 working days");
        }
        this.ackTargetWorkingDays = workingDays;
    }

    /** States whom the service sees, replacing what it said before. */
    public void eligibility(Eligibility eligibility) {
        InvalidField.required(eligibility, "eligibility", "error.field.required", "eligibility is required: Eligibility.ANYONE for anyone");
        this.minAge = eligibility.ages().minAge().isPresent() ? eligibility.ages().minAge().getAsInt() : null;
        this.maxAge = eligibility.ages().maxAge().isPresent() ? eligibility.ages().maxAge().getAsInt() : null;
        this.genders.clear();
        this.genders.addAll(eligibility.genders());
        this.crimeTypes.clear();
        this.crimeTypes.addAll(eligibility.crimeTypes());
        this.riskLevels.clear();
        this.riskLevels.addAll(eligibility.riskLevels());
    }

    /** States the languages the service works in, and whether it arranges interpreters for others. */
    public void languages(Collection<LanguageCode> languages, boolean interpretersAvailable) {
        if (languages == null || languages.isEmpty()) {
            throw new InvalidField("languages", "error.service.languages.required", "a service works in at least one language");
        }
        this.languages.clear();
        languages.forEach(language -> this.languages.add(language.value()));
        this.interpretersAvailable = interpretersAvailable;
    }

    public void deliveryModes(Collection<DeliveryMode> modes) {
        if (modes == null || modes.isEmpty()) {
            throw new InvalidField("deliveryModes", "error.service.deliveryModes.required",
                    "a service meets people in at least one way");
        }
        this.deliveryModes.clear();
        this.deliveryModes.addAll(modes);
    }

    /** The service is found at this address, which anyone may see. */
    public void locatedAt(String publicAddress) {
        this.publicAddress = requireText(publicAddress, "an address", MAX_ADDRESS);
        this.confidentialLocation = false;
    }

    /** The service gives no address (its location is not confidential: there is simply none to show). */
    public void noPublicAddress() {
        this.publicAddress = null;
    }

    /** The service's location is confidential (a refuge): any public address is removed. */
    public void atConfidentialLocation() {
        this.confidentialLocation = true;
        this.publicAddress = null;
    }

    /** A note on capacity for referrers only, such as which days intake is assessed. */
    public void capacityNote(String note) {
        this.capacityNote = requireText(note, "a capacity note", MAX_CAPACITY_NOTE);
    }

    public void clearCapacityNote() {
        this.capacityNote = null;
    }

    /** States when the service is open, replacing what it said before: at most one opening a weekday; none for unstated. */
    public void openingTimes(Collection<OpeningTime> times) {
        Set<OpeningTime> checked = OpeningTime.requireOnePerDay(times);
        this.openingTimes.clear();
        this.openingTimes.addAll(checked);
    }

    /** The entry changed at this time (kept to the millisecond, as Open Referral UK asks). */
    public void modifiedAt(Instant time) {
        this.lastModified = Objects.requireNonNull(time, "a time is required").truncatedTo(ChronoUnit.MILLIS);
    }

    public String id() {
        return id;
    }

    public Organisation organisation() {
        return organisation;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** Categories in the order of their codes, so every listing shows them alike. */
    public List<ServiceCategory> categories() {
        return categories.stream().sorted(Comparator.comparing(ServiceCategory::code)).toList();
    }

    public List<String> postcodePrefixes() {
        return postcodePrefixes.stream().sorted().toList();
    }

    public Capacity capacity() {
        return capacity;
    }

    public OptionalInt waitWeeks() {
        return waitWeeks == null ? OptionalInt.empty() : OptionalInt.of(waitWeeks);
    }

    /** Where new referrals are announced; none for an imported service until an administrator sets one. */
    public Optional<EmailAddress> referralInbox() {
        return Optional.ofNullable(referralInbox).map(EmailAddress::new);
    }

    public int acknowledgementTargetWorkingDays() {
        return ackTargetWorkingDays;
    }

    public Eligibility eligibility() {
        AgeRange ages = new AgeRange(
                minAge == null ? OptionalInt.empty() : OptionalInt.of(minAge),
                maxAge == null ? OptionalInt.empty() : OptionalInt.of(maxAge));
        return new Eligibility(ages, genders, crimeTypes, riskLevels);
    }

    /** Languages in the order of their codes. */
    public List<LanguageCode> languages() {
        return languages.stream().sorted().map(LanguageCode::new).toList();
    }

    public boolean interpretersAvailable() {
        return interpretersAvailable;
    }

    /** Delivery modes in their declared order. */
    public List<DeliveryMode> deliveryModes() {
        return List.copyOf(EnumSet.copyOf(deliveryModes));
    }

    public boolean confidentialLocation() {
        return confidentialLocation;
    }

    /** The address anyone may see; never present for a confidential location. */
    public Optional<String> publicAddress() {
        return Optional.ofNullable(publicAddress);
    }

    public Optional<String> capacityNote() {
        return Optional.ofNullable(capacityNote);
    }

    /** Opening times from Monday to Sunday. */
    public List<OpeningTime> openingTimes() {
        return openingTimes.stream().sorted(Comparator.comparing(OpeningTime::day)).toList();
    }

    /** When the entry last changed. */
    public Instant lastModified() {
        return lastModified;
    }

    public long version() {
        return version;
    }

    /** The category with this code, if the service offers it. */
    public Optional<ServiceCategory> category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return "SupportService[" + id + "]";
    }
}
