/** The append-only audit trail of every read and change of personal data. */
package org.waypoint.core.audit;
