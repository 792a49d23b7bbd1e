package org.waypoint.core.directory;

/**
 * Why a service was offered. Each reason carries parameters in the order given here, for the
 * pages to put into their translated text.
 */
public enum MatchReasonCode {
    /** Offers a requested category: its code. One reason per requested category offered. */
    OFFERS_CATEGORY,
    /** Covers the person's postcode district: the district ({@code M14}). */
    COVERS_DISTRICT,
    /** Covers the person's whole postcode area: the area ({@code M}). */
    COVERS_AREA,
    /** Limited by age and sees the person's: lowest and highest age, an open end being an empty string. */
    SEES_AGE,
    /** Limited by gender and sees the person's: that gender. */
    SEES_GENDER,
    /** Limited by risk level and sees the person's: that level. */
    SEES_RISK_LEVEL,
    /** Limited by crime type and sees what the person was affected by: each crime type it sees of theirs. */
    SEES_CRIME_TYPE,
    /** Works in the person's language: its code. */
    WORKS_IN_LANGUAGE,
    /** Arranges an interpreter for the person's language: its code. */
    ARRANGES_INTERPRETER,
    /** Open to referrals now: no parameters. */
    OPEN_NOW,
    /** Takes referrals onto a waiting list: the wait in weeks. */
    WAITING_LIST
}
