package org.waypoint.core.referral;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.crypto.FieldCipher;

/**
 * The blind index of a crime type: what the database holds beside a referral's encrypted crime types,
 * so that reports can filter and count by crime type in SQL. Eleven values under one keyed hash: the
 * database sees which referrals share a crime type, never which crime it is.
 */
public final class CrimeMarks {

    private CrimeMarks() {
    }

    public static String of(CrimeType crimeType) {
        return FieldCipher.current().blindIndex("crime-type|" + crimeType.name());
    }

    public static Set<String> of(Collection<CrimeType> crimeTypes) {
        return crimeTypes.stream().map(CrimeMarks::of).collect(Collectors.toSet());
    }
}
