package org.waypoint.api.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Constraint violations as Bean Validation reports them, without a validator. */
final class Violations {

    private Violations() {
    }

    /** A property path: {@code node(METHOD, "create"), node(PARAMETER, "request"), node(PROPERTY, "dateOfBirth")}. */
    static ConstraintViolation<Object> violation(String message, Path.Node... nodes) {
        return new Violation(message, new NodePath(List.of(nodes)));
    }

    static Path.Node node(ElementKind kind, String name) {
        return new Node(kind, name, false, null);
    }

    static Path.Node nodeAt(ElementKind kind, String name, int index) {
        return new Node(kind, name, true, index);
    }

    private record Node(ElementKind kind, String name, boolean inIterable, Integer index) implements Path.Node {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isInIterable() {
            return inIterable;
        }

        @Override
        public Integer getIndex() {
            return index;
        }

        @Override
        public Object getKey() {
            return null;
        }

        @Override
        public ElementKind getKind() {
            return kind;
        }

        @Override
        public <T extends Path.Node> T as(Class<T> type) {
            return type.cast(this);
        }
    }

    private record NodePath(List<Path.Node> nodes) implements Path {
        @Override
        public Iterator<Path.Node> iterator() {
            return new ArrayList<>(nodes).iterator();
        }
    }

    private record Violation(String message, Path path) implements ConstraintViolation<Object> {
        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public String getMessageTemplate() {
            return message;
        }

        @Override
        public Object getRootBean() {
            return null;
        }

        @Override
        public Class<Object> getRootBeanClass() {
            return Object.class;
        }

        @Override
        public Object getLeafBean() {
            return null;
        }

        @Override
        public Object[] getExecutableParameters() {
            return new Object[0];
        }

        @Override
        public Object getExecutableReturnValue() {
            return null;
        }

        @Override
        public Path getPropertyPath() {
            return path;
        }

        @Override
        public Object getInvalidValue() {
            return "Jane Doe";
        }

        @Override
        public ConstraintDescriptor<?> getConstraintDescriptor() {
            return null;
        }

        @Override
        public <U> U unwrap(Class<U> type) {
            throw new UnsupportedOperationException();
        }
    }
}
