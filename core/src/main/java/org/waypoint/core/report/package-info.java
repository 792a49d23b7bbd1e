/** Reports for the people accountable: counts only, computed in the database, small numbers suppressed. */
package org.waypoint.core.report;
