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
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.shared.EmailAddress;

/**
 * A support service that takes referrals: counselling, legal aid, an ISVA service and so on
 * (the "service" of Open Referral HSDS). It belongs to one providing organisation, covers the
 * postcode areas and districts it lists, and says whether it is open, has a waiting list or is
 * closed. Its referral inbox is the address told of new referrals; it is never shown publicly.
 */
@Entity
@Table(name = "support_service")
public class SupportService {

    public static final int DEFAULT_ACK_TARGET_WORKING_DAYS = 2;
    private static final int MAX_NAME = 200;
    private static final int MAX_DESCRIPTION = 2000;

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

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "support_service_category",
            joinColumns = @JoinColumn(name = "service_id"),
            inverseJoinColumns = @JoinColumn(name = "category_code"))
    private Set<ServiceCategory> categories = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "support_service_area", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "postcode_prefix", length = 8)
    private Set<String> postcodePrefixes = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Capacity capacity;

    @Column(name = "wait_weeks")
    private Integer waitWeeks;

    @Column(name = "referral_inbox", nullable = false, length = 320)
    private String referralInbox;

    @Column(name = "ack_target_days", nullable = false)
    private int ackTargetWorkingDays;

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
            throw new IllegalArgumentException("only an organisation that provides services can own one");
        }
        apply(name, description, categories, postcodePrefixes, referralInbox);
        this.capacity = Capacity.OPEN;
        this.ackTargetWorkingDays = DEFAULT_ACK_TARGET_WORKING_DAYS;
    }

    private static String requireText(String text, String what, int max) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
        return stripped;
    }

    private static String requirePostcodePrefix(String prefix) {
        String normalised = prefix == null ? "" : prefix.strip().toUpperCase(Locale.ROOT);
        if (!normalised.matches("[A-Z]{1,2}([0-9][0-9A-Z]?)?")) {
            throw new IllegalArgumentException("a postcode area or district looks like \"M\" or \"M14\"");
        }
        return normalised;
    }

    /** Replaces what the service is called, says, offers and covers. */
    public void describe(String newName, String newDescription, Collection<ServiceCategory> newCategories,
                         Collection<String> newPostcodePrefixes, EmailAddress newReferralInbox) {
        apply(newName, newDescription, newCategories, newPostcodePrefixes, newReferralInbox);
    }

    private void apply(String newName, String newDescription, Collection<ServiceCategory> newCategories,
                       Collection<String> newPostcodePrefixes, EmailAddress newReferralInbox) {
        String checkedName = requireText(newName, "service name", MAX_NAME);
        String checkedDescription = requireText(newDescription, "service description", MAX_DESCRIPTION);
        if (newCategories == null || newCategories.isEmpty()) {
            throw new IllegalArgumentException("a service has at least one category");
        }
        if (newPostcodePrefixes == null || newPostcodePrefixes.isEmpty()) {
            throw new IllegalArgumentException("a service covers at least one postcode area");
        }
        Set<String> checkedPrefixes = new HashSet<>();
        newPostcodePrefixes.forEach(prefix -> checkedPrefixes.add(requirePostcodePrefix(prefix)));
        String checkedInbox = Objects.requireNonNull(newReferralInbox, "a referral inbox is required").value();
        this.name = checkedName;
        this.description = checkedDescription;
        this.categories.clear();
        this.categories.addAll(newCategories);
        this.postcodePrefixes.clear();
        this.postcodePrefixes.addAll(checkedPrefixes);
        this.referralInbox = checkedInbox;
    }

    /** Opens the service to referrals. */
    public void open() {
        this.capacity = Capacity.OPEN;
        this.waitWeeks = null;
    }

    /** Takes referrals onto a waiting list of about {@code weeks} weeks. */
    public void waitingList(int weeks) {
        if (weeks < 1 || weeks > 104) {
            throw new IllegalArgumentException("a waiting list is between 1 and 104 weeks");
        }
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
            throw new IllegalArgumentException("an acknowledgement target is between 1 and 20 working days");
        }
        this.ackTargetWorkingDays = workingDays;
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

    public EmailAddress referralInbox() {
        return new EmailAddress(referralInbox);
    }

    public int acknowledgementTargetWorkingDays() {
        return ackTargetWorkingDays;
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
