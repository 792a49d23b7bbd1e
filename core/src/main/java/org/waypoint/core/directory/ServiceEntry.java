package org.waypoint.core.directory;

import java.util.Objects;
import java.util.Optional;
import org.waypoint.core.shared.EmailAddress;

/**
 * The part of a service's directory entry its own staff keep: whether it is taking referrals and how
 * long the wait is, what it says about itself, and how it is reached (the inbox told of referrals,
 * and a public address unless its location is confidential).
 *
 * @param waitWeeks     the wait in weeks, read only for a waiting list
 * @param publicAddress empty for none; ignored for a confidential location, which never has one
 */
public record ServiceEntry(Capacity capacity, int waitWeeks, String description, EmailAddress referralInbox,
                           Optional<String> publicAddress) {

    public ServiceEntry {
        Objects.requireNonNull(capacity, "a capacity is required");
        Objects.requireNonNull(referralInbox, "a referral inbox is required");
        publicAddress = publicAddress == null ? Optional.empty() : publicAddress.filter(a -> !a.isBlank()).map(String::strip);
    }
}
