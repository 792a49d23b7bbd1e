package org.waypoint.api.directory;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.waypoint.core.directory.DirectoryService;

/** The directory of support services. */
@Path("v1/services")
@RequestScoped
public class ServiceResource {

    private final DirectoryService directory;

    @Inject
    public ServiceResource(DirectoryService directory) {
        this.directory = directory;
    }

    /** For CDI's proxy only. */
    protected ServiceResource() {
        this.directory = null;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ServiceResponse> list() {
        return directory.listServices().stream().map(ServiceResponse::of).toList();
    }
}
