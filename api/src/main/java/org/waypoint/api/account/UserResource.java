package org.waypoint.api.account;

import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waypoint.api.Bodies;
import org.waypoint.api.Idempotent;
import org.waypoint.api.Lists;
import org.waypoint.api.PageResponse;
import org.waypoint.api.security.RequestActor;
import org.waypoint.core.account.Roles;
import org.waypoint.core.account.AccountService;
import org.waypoint.core.account.Role;
import org.waypoint.core.account.UserAccount;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.Page;

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
    public record NewUser(@NotNull @Limit(max = 254) String email, @NotNull @Limit(max = 200) String displayName,
                          @NotNull Role role, @NotNull @Limit(max = 36) String organisationId,
                          @NotNull @Limit(max = 1000) String password) {

        @Override
        public String toString() {
            return "NewUser[…]";
        }
    }

    @Schema(requiredProperties = {"role"})
    public record RoleChange(@NotNull Role role) {
    }

    private static final Map<String, Comparator<UserResponse>> SORTS = orders();

    private static Map<String, Comparator<UserResponse>> orders() {
        Map<String, Comparator<UserResponse>> orders = new LinkedHashMap<>();
        orders.put("email", Comparator.comparing(UserResponse::email).thenComparing(UserResponse::id));
        orders.put("displayName", Comparator.comparing(UserResponse::displayName,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(UserResponse::id));
        orders.put("role", Comparator.comparing(UserResponse::role).thenComparing(UserResponse::id));
        return orders;
    }

    @Operation(summary = "List accounts",
            description = "Every account, for administrators.")
    @GET
    @APIResponse(responseCode = "200", description = "One page of the accounts, and their total.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserResponsePage")))
    @RolesAllowed(Roles.ADMIN)
    public PageResponse<UserResponse> list(
            @Parameter(description = "`email` (the default), `displayName` or `role`; a leading `-` reverses it.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"email", "-email", "displayName",
                            "-displayName", "role", "-role"}, defaultValue = "email"))
            @QueryParam("sort") String sort,
            @Parameter(description = "The page, counting from 0.") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Accounts a page, 1 to " + Page.MAX_SIZE + "; more is refused (400).")
            @QueryParam("size") @DefaultValue(Lists.DEFAULT_SIZE) int size) {
        Comparator<UserResponse> order = Lists.comparator(sort, SORTS);
        Page.requireValid(page, size);
        return Lists.page(accounts.listUsers(actor.required()).stream().map(UserResource::view).sorted(order).toList(),
                page, size);
    }

    @Operation(summary = "Open an account",
            description = "Opens an account in an organisation with a role and a first password.")
    @Parameters(@Parameter(ref = "IdempotencyKey"))
    @Idempotent
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The account, open.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserResponse")))
    @RolesAllowed(Roles.ADMIN)
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

    @Operation(summary = "Disable an account",
            description = "The account can no longer sign in, and its tokens stop working.")
    @POST
    @Path("{id}/disable")
    @RolesAllowed(Roles.ADMIN)
    public UserResponse disable(@PathParam("id") String id) {
        return view(accounts.setEnabled(actor.required(), id, false));
    }

    @Operation(summary = "Enable an account",
            description = "A disabled account can sign in again.")
    @POST
    @Path("{id}/enable")
    @RolesAllowed(Roles.ADMIN)
    public UserResponse enable(@PathParam("id") String id) {
        return view(accounts.setEnabled(actor.required(), id, true));
    }

    @Operation(summary = "Change an account's role",
            description = "Gives an account another role.")
    @PUT
    @Path("{id}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public UserResponse changeRole(@PathParam("id") String id, RoleChange body) {
        Bodies.valid(body);
        return view(accounts.changeRole(actor.required(), id, body.role()));
    }

    private static UserResponse view(UserAccount account) {
        return new UserResponse(account.id(), account.email().value(), account.displayName(), account.role().name(),
                account.organisation().id(), account.enabled());
    }
}
