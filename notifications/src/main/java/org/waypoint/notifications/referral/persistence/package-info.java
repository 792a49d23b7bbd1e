/** The record of overdue reminders sent, in the database. */
package org.waypoint.notifications.referral.persistence;
