package org.waypoint.api.account;

import jakarta.validation.constraints.NotNull;
import org.waypoint.api.json.Limit;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waypoint.api.Bodies;
import org.waypoint.api.Idempotent;
import org.waypoint.api.security.RequestActor;
import org.waypoint.core.account.Allowed;
import org.waypoint.core.account.AccountService;
import org.waypoint.core.account.Role;
import org.waypoint.core.account.UserAccount;
import org.waypoint.core.shared.EmailAddress;

/** The administrator's keeping of accounts. */
@Tag(name = "Users", description = "Accounts, kept by administrators.")
@SecurityRequirement(name = "bearer")
@Path("v1/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private final AccountService accounts;
    private final RequestActor actor;

    @Inject
    public UserResource(AccountService accounts, RequestActor actor) {
        this.accounts = accounts;
        this.actor = actor;
    }

    /** For CDI's proxy only. */
    protected UserResource() {
        this(null, null);
    }

    @Schema(description = "An account, without its password.")
    public record UserResponse(String id, String email, String displayName, String role, String organisationId,
                               boolean enabled) {
    }

    public record NewUser(@NotNull @Limit(max = 254) String email, @NotNull @Limit(max = 200) String displayName,
                          @NotNull Role role, @NotNull @Limit(max = 36) String organisationId,
                          @NotNull @Limit(max = 1000) String password) {

        @Override
        public String toString() {
            return "NewUser[…]";
        }
    }

    public record RoleChange(@NotNull Role role) {
    }

    @GET
    @Allowed({Role.ADMIN})
    public List<UserResponse> list() {
        return accounts.listUsers(actor.required()).stream().map(UserResource::view).toList();
    }

    @Idempotent
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The account, open.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserResponse")))
    @Allowed({Role.ADMIN})
    public Response create(NewUser body) {
        Bodies.valid(body);
        char[] password = body.password().toCharArray();
        try {
            UserAccount account = accounts.createUser(actor.required(), new EmailAddress(body.email()),
                    body.displayName(), body.role(), body.organisationId(), password);
            return Response.status(Response.Status.CREATED).entity(view(account)).build();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @POST
    @Path("{id}/disable")
    @Allowed({Role.ADMIN})
    public UserResponse disable(@PathParam("id") String id) {
        return view(accounts.setEnabled(actor.required(), id, false));
    }

    @POST
    @Path("{id}/enable")
    @Allowed({Role.ADMIN})
    public UserResponse enable(@PathParam("id") String id) {
        return view(accounts.setEnabled(actor.required(), id, true));
    }

    @PUT
    @Path("{id}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed({Role.ADMIN})
    public UserResponse changeRole(@PathParam("id") String id, RoleChange body) {
        Bodies.valid(body);
        return view(accounts.changeRole(actor.required(), id, body.role()));
    }

    private static UserResponse view(UserAccount account) {
        return new UserResponse(account.id(), account.email().value(), account.displayName(), account.role().name(),
                account.organisation().id(), account.enabled());
    }
}
