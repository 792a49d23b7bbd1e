package org.waypoint.core.directory;

import java.util.List;
import org.waypoint.core.shared.EmailAddress;

/** What an administrator says a service is: the command for adding or changing one. */
public record ServiceDefinition(
        String organisationId,
        String name,
        String description,
        List<String> categoryCodes,
        List<String> postcodePrefixes,
        EmailAddress referralInbox,
        int acknowledgementTargetWorkingDays) {
}
