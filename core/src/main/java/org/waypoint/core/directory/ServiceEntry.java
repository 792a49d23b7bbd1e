package org.waypoint.core.directory;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.LanguageCode;

/**
 * The part of a service's directory entry its own staff keep: whether it is taking referrals and how
 * long the wait is, what it says about itself, how it is reached (the inbox told of referrals, and a
 * public address unless its location is confidential), whom it sees, where, when it is open and in
 * which languages. Checked whole when made, so that a change is applied entirely or not at all.
 *
 * @param waitWeeks     the wait in weeks, read only for a waiting list
 * @param referralInbox empty only while the service is closed (an imported one, until it gets an inbox)
 * @param publicAddress empty for none; ignored for a confidential location, which never has one
 * @param openingTimes  at most one a weekday; empty when the service states none
 */
public record ServiceEntry(Capacity capacity, int waitWeeks, String description, Optional<EmailAddress> referralInbox,
                           Optional<String> publicAddress, Eligibility eligibility, Set<String> postcodePrefixes,
                           List<OpeningTime> openingTimes, Set<LanguageCode> languages, boolean interpretersAvailable) {

    static final int MAX_WEEKS = 104;

    public ServiceEntry {
        InvalidField.required(capacity, "capacity", "error.field.required", "a capacity is required");
        if (capacity == Capacity.WAITING_LIST && (waitWeeks < 1 || waitWeeks > MAX_WEEKS)) {
            throw new InvalidField("waitWeeks", "error.service.waitWeeks",
                    "a waiting list is between 1 and " + MAX_WEEKS + " weeks", MAX_WEEKS);
        }
        if (description == null || description.isBlank()) {
            throw new InvalidField("description", "error.field.required", "service description is required");
        }
        description = description.strip();
        if (description.length() > SupportService.MAX_DESCRIPTION) {
            throw new InvalidField("description", "error.field.tooLong",
                    "service description is longer than " + SupportService.MAX_DESCRIPTION + " characters", SupportService.MAX_DESCRIPTION);
        }
        referralInbox = referralInbox == null ? Optional.empty() : referralInbox;
        if (referralInbox.isEmpty() && capacity != Capacity.CLOSED) {
            throw new InvalidField("referralInbox", "error.service.inbox.required",
                    "a referral inbox is required to take referrals");
        }
        publicAddress = publicAddress == null ? Optional.empty() : publicAddress.filter(a -> !a.isBlank()).map(String::strip);
        if (publicAddress.filter(a -> a.length() > SupportService.MAX_ADDRESS).isPresent()) {
            throw new InvalidField("address", "error.field.tooLong",
                    "an address is longer than " + SupportService.MAX_ADDRESS + " characters", SupportService.MAX_ADDRESS);
        }
        InvalidField.required(eligibility, "eligibility", "error.field.required", "eligibility is required: Eligibility.ANYONE for anyone");
        postcodePrefixes = Set.copyOf(SupportService.requirePostcodePrefixes(postcodePrefixes));
        openingTimes = OpeningTime.requireOnePerDay(openingTimes).stream()
                .sorted(Comparator.comparing(OpeningTime::day)).toList();
        if (languages == null || languages.isEmpty()) {
            throw new InvalidField("languages", "error.service.languages.required", "a service works in at least one language");
        }
        languages = Set.copyOf(languages);
    }

    /** What the service's entry says now: the start of a change. */
    public static ServiceEntry of(SupportService service) {
        return new ServiceEntry(service.capacity(), service.waitWeeks().orElse(0), service.description(),
                service.referralInbox(), service.publicAddress(), service.eligibility(),
                Set.copyOf(service.postcodePrefixes()), service.openingTimes(), Set.copyOf(service.languages()),
                service.interpretersAvailable());
    }

    public ServiceEntry withCapacity(Capacity newCapacity, int newWaitWeeks) {
        return new ServiceEntry(newCapacity, newWaitWeeks, description, referralInbox, publicAddress, eligibility,
                postcodePrefixes, openingTimes, languages, interpretersAvailable);
    }

    public ServiceEntry withContact(String newDescription, EmailAddress newInbox, Optional<String> newAddress) {
        return new ServiceEntry(capacity, waitWeeks, newDescription, Optional.of(newInbox), newAddress, eligibility,
                postcodePrefixes, openingTimes, languages, interpretersAvailable);
    }

    public ServiceEntry withEligibility(Eligibility newEligibility) {
        return new ServiceEntry(capacity, waitWeeks, description, referralInbox, publicAddress, newEligibility,
                postcodePrefixes, openingTimes, languages, interpretersAvailable);
    }

    public ServiceEntry withAreas(Collection<String> newPrefixes) {
        return new ServiceEntry(capacity, waitWeeks, description, referralInbox, publicAddress, eligibility,
                Set.copyOf(newPrefixes), openingTimes, languages, interpretersAvailable);
    }

    public ServiceEntry withOpeningTimes(List<OpeningTime> newTimes) {
        return new ServiceEntry(capacity, waitWeeks, description, referralInbox, publicAddress, eligibility,
                postcodePrefixes, newTimes, languages, interpretersAvailable);
    }

    public ServiceEntry withLanguages(Collection<LanguageCode> newLanguages, boolean interpreters) {
        return new ServiceEntry(capacity, waitWeeks, description, referralInbox, publicAddress, eligibility,
                postcodePrefixes, openingTimes, Set.copyOf(newLanguages), interpreters);
    }
}
