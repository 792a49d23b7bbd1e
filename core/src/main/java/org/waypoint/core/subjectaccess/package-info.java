/** Subject access: everything Waypoint holds about one person, exported for them by an administrator. */
package org.waypoint.core.subjectaccess;
