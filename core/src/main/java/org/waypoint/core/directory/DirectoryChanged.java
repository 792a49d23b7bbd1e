package org.waypoint.core.directory;

/** A CDI event: a support service was added or changed, so matching must look at the directory afresh. */
public record DirectoryChanged(String serviceId) {
}
