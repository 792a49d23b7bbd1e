package org.waypoint.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waypoint.core.shared.Page;

/**
 * A page of a list: its items, the length of the whole list, the page (from 0) and its size. The
 * API description shows it once for each kind of item ({@link ApiDescriptionFilter}).
 */
@Schema(description = "One page of a list: its items, the length of the whole list, the page (from 0) and its size.",
        requiredProperties = {"items", "total", "page", "size"})
public record PageResponse<T>(List<T> items, @Schema(format = "int64") long total, int page, int size) {

    public static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.items(), page.total(), page.page(), page.size());
    }
}
