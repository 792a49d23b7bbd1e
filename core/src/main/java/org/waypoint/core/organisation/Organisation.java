package org.waypoint.core.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.UUID;
import org.waypoint.core.shared.InvalidField;

/**
 * An organisation that refers people (a police victim care unit, a safeguarding team, a school),
 * provides support services (a counselling charity, a legal-aid firm), or both. Every user account
 * and every support service belongs to exactly one organisation.
 */
@Entity
@Table(name = "organisation")
public class Organisation {

    static final int MAX_NAME = 200;

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private OrganisationKind kind;

    @Version
    private long version;

    protected Organisation() {
        // for JPA
    }

    public Organisation(String name, OrganisationKind kind) {
        this.id = UUID.randomUUID().toString();
        this.name = requireName(name);
        this.kind = InvalidField.required(kind, "kind", "error.field.required", "organisation kind is required");
    }

    /** A providing organisation imported from another directory, under the id it has there. */
    public static Organisation imported(String id, String name) {
        Organisation organisation = new Organisation(name, OrganisationKind.PROVIDER);
        organisation.id = Objects.requireNonNull(id, "an imported organisation keeps its id");
        return organisation;
    }

    public void rename(String newName) {
        this.name = requireName(newName);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidField("name", "error.organisation.name", "organisation name is required");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME) {
            throw new InvalidField("name", "error.field.tooLong",
                    "organisation name is longer than " + MAX_NAME + " characters", MAX_NAME);
        }
        return stripped;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public OrganisationKind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return "Organisation[" + id + "]";
    }
}
