/** Encryption of personal data at rest: the key ring, the field cipher and its blind index, the JPA converters. */
package org.waypoint.core.shared.crypto;
