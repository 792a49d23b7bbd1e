package org.waypoint.core.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.waypoint.core.shared.InvalidField;

/**
 * One entry of the controlled taxonomy of support categories (counselling, legal aid, ISVA…).
 * The taxonomy is reference data kept by the migrations, so a category is added by data, not code.
 */
@Entity
@Table(name = "service_category")
public class ServiceCategory {

    @Id
    @Column(length = 40)
    private String code;

    @Column(nullable = false, length = 100)
    private String label;

    protected ServiceCategory() {
        // for JPA
    }

    public ServiceCategory(String code, String label) {
        if (code == null || !code.matches("[A-Z][A-Z_]{0,39}")) {
            throw new InvalidField("code", "error.category.code", "a category code is upper case letters and underscores");
        }
        if (label == null || label.isBlank()) {
            throw new InvalidField("label", "error.category.label", "a category label is required");
        }
        this.code = code;
        this.label = label.strip();
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServiceCategory that && code.equals(that.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return "ServiceCategory[" + code + "]";
    }
}
