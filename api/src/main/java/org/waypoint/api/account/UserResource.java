package org.waypoint.api.account;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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

    @Schema(description = "An account, without its password.",

            requiredProperties = {"id", "email", "displayName", "role", "organisationId", "enabled"})

    public record UserResponse(String id, String email, String displayName,
                               @Schema(implementation = Role.class) String role, String organisationId,
                               boolean enabled) {
    }

    @Schema(requiredProperties = {"email", "displayName", "role", "organisationId", "password"})

    public record NewUser(String email, String displayName, Role role, String organisationId, String password) {

        @Override
        public String toString() {
            return "NewUser[…]";
        }
    }

    @Schema(requiredProperties = {"role"})

    public record RoleChange(Role role) {
    }

    @Operation(summary = "List accounts",
            description = "Every account, for administrators.")
    @GET
    @Allowed({Role.ADMIN})
    public List<UserResponse> list() {
        return accounts.listUsers(actor.required()).stream().map(UserResource::view).toList();
    }

    @Operation(summary = "Open an account",
            description = "Opens an account in an organisation with a role and a first password.")
    @Parameters(@Parameter(ref = "IdempotencyKey"))
    @Idempotent
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The account, open.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserResponse")))
    @Allowed({Role.ADMIN})
    public Response create(NewUser body) {
        if (body == null || body.email() == null || body.password() == null) {
            throw new IllegalArgumentException("email and password are required");
        }
        char[] password = body.password().toCharArray();
        try {
            UserAccount account = accounts.createUser(actor.required(), new EmailAddress(body.email()),
                    body.displayName(), body.role(), body.organisationId(), password);
            return Response.status(Response.Status.CREATED).entity(view(account)).build();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Operation(summary = "Disable an account",
            description = "The account can no longer sign in, and its tokens stop working.")
    @POST
    @Path("{id}/disable")
    @Allowed({Role.ADMIN})
    public UserResponse disable(@PathParam("id") String id) {
        return view(accounts.setEnabled(actor.required(), id, false));
    }

    @Operation(summary = "Enable an account",
            description = "A disabled account can sign in again.")
    @POST
    @Path("{id}/enable")
    @Allowed({Role.ADMIN})
    public UserResponse enable(@PathParam("id") String id) {
        return view(accounts.setEnabled(actor.required(), id, true));
    }

    @Operation(summary = "Change an account's role",
            description = "Gives an account another role.")
    @PUT
    @Path("{id}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed({Role.ADMIN})
    public UserResponse changeRole(@PathParam("id") String id, RoleChange body) {
        if (body == null) {
            throw new IllegalArgumentException("role is required");
        }
        return view(accounts.changeRole(actor.required(), id, body.role()));
    }

    private static UserResponse view(UserAccount account) {
        return new UserResponse(account.id(), account.email().value(), account.displayName(), account.role().name(),
                account.organisation().id(), account.enabled());
    }
}
