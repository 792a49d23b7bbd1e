/** Referrals over HTTP: drafts, submission, lifecycle actions, timeline and messages. */
package org.waypoint.api.referral;
