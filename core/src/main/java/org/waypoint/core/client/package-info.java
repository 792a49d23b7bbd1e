/** The people referred: identity, contact and safe-contact instructions, encrypted at rest. */
package org.waypoint.core.client;
