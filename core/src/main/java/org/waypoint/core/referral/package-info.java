/** Referrals: the lifecycle from draft to outcome, consent, needs, timeline and messages. */
package org.waypoint.core.referral;
