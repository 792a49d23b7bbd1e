/** Working days in England and Wales: weekends and bank holidays, for acknowledgement deadlines. */
package org.waypoint.core.calendar;
