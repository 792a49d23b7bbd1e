package org.waypoint.core.directory;

import java.util.Optional;

/**
 * A CDI event: a support service was added or changed ({@code serviceId}), or the whole directory
 * ({@link DirectoryExport#WHOLE_DIRECTORY}), so matching must look at the directory afresh.
 */
public record DirectoryChanged(String serviceId) {

    /** The one service changed, or none when the change was to the whole directory. */
    public Optional<String> oneService() {
        return DirectoryExport.WHOLE_DIRECTORY.equals(serviceId) ? Optional.empty() : Optional.of(serviceId);
    }
}
