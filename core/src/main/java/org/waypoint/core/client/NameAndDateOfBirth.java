package org.waypoint.core.client;

import java.time.LocalDate;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.crypto.FieldCipher;

/**
 * What a caseworker types to find a person: both names and the date of birth, all three required
 * because together they make the blind index ({@link Client#duplicateKey()}). Personal data: it is
 * turned into the keyed hash on the server and never printed, logged or put in an address.
 */
public record NameAndDateOfBirth(String givenName, String familyName, LocalDate dateOfBirth) {

    public NameAndDateOfBirth {
        if (givenName == null || givenName.isBlank() || familyName == null || familyName.isBlank()) {
            throw new InvalidField("names", "error.client.names.required", "both names are required to find a person");
        }
        InvalidField.required(dateOfBirth, "dateOfBirth", "error.field.required", "a date of birth is required to find a person");
        givenName = givenName.strip();
        familyName = familyName.strip();
    }

    /** The blind index of this person, the same a {@link Client} of that name and date of birth carries. */
    public String blindIndex(FieldCipher cipher) {
        return cipher.blindIndex(FieldCipher.personKey(givenName, familyName, dateOfBirth));
    }

    @Override
    public String toString() {
        return "NameAndDateOfBirth[hidden]";
    }
}
