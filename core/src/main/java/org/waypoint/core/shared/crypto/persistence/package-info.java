/** Re-encryption of the stored values under the active key, on the database. */
package org.waypoint.core.shared.crypto.persistence;
