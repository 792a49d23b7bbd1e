/** Small value objects and rules shared by every part of the domain. */
package org.waypoint.core.shared;
