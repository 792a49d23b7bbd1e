/** Which referral events become which e-mails, to whom, and the daily reminders of overdue referrals. */
package org.waypoint.notifications.referral;
