package org.waypoint.core.directory;

/**
 * Why a service was not offered. Each reason carries parameters in the order given here, for the
 * pages to put into their translated text; a service excluded on several counts lists them all.
 */
public enum ExclusionReasonCode {
    /** Not taking referrals: no parameters. */
    CLOSED,
    /** Offers none of the categories requested: no parameters. */
    NO_REQUESTED_CATEGORY,
    /** Covers neither the person's postcode district nor area: the district ({@code M14}). */
    OUTSIDE_AREA,
    /** The person's age is outside those seen: lowest and highest age, an open end being an empty string. */
    AGE_OUTSIDE,
    /** Limited to other genders: each gender it sees. */
    GENDER,
    /** Limited to other risk levels: each risk level it sees. */
    RISK_LEVEL,
    /** Limited to other crime types: each crime type it sees. */
    CRIME_TYPE,
    /** Works in none of the person's language and arranges no interpreter it may use: each language it works in. */
    LANGUAGE
}
