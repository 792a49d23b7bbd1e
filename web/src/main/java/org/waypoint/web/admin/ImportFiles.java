package org.waypoint.web.admin;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.SessionScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.waypoint.core.directory.OrukSource;

/**
 * The ORUK file an administrator uploaded to the import page, kept on the server between its dry run
 * and its apply so that they do not upload it twice and the apply reads exactly the bytes the dry
 * run read. One file a session, in a temporary file readable by the server's user only, no larger than
 * an import takes ({@code waypoint.import.max-bytes}); it is deleted when applied, replaced, refused,
 * or when the session ends. A directory file holds public service entries, never personal data.
 */
@SessionScoped
public class ImportFiles implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A kept file: {@code id} names this upload in the apply form, so a tab showing an older upload cannot apply a newer one. */
    public record Kept(String id, String name, long size, String path) implements Serializable {

        private static final long serialVersionUID = 1L;

        /** The file read afresh as a source of at most {@code maxBytes}. */
        public OrukSource read(long maxBytes) {
            OrukSource source = new OrukSource(maxBytes);
            try (InputStream in = Files.newInputStream(Path.of(path))) {
                source.read(in);
            } catch (IOException gone) {
                source.problem("The uploaded file is no longer on the server. Upload it again.");
            }
            return source;
        }
    }

    private Kept kept;
    /** The term mapping the kept file's last dry run used; an apply under another mapping would not be what was shown. */
    private Map<String, String> checkedWith;

    /** Keeps an upload in place of any earlier one; the stream must already be known to be within the limit. */
    public Kept keep(String name, long size, InputStream content) {
        forget();
        try {
            Path file = Files.createTempFile("waypoint-import-", ".json");
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            kept = new Kept(UUID.randomUUID().toString(), name == null ? "" : name, size, file.toString());
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Kept> current() {
        return Optional.ofNullable(kept);
    }

    /** The kept file, if the form that names it is about the file kept now. */
    public Optional<Kept> named(String id) {
        return current().filter(k -> k.id().equals(id));
    }

    /** Notes the term mapping the kept file was last checked with. */
    public void checked(Map<String, String> mapping) {
        checkedWith = Map.copyOf(mapping);
    }

    /** Whether the kept file was checked with this very term mapping. */
    public boolean checkedWith(Map<String, String> mapping) {
        return checkedWith != null && checkedWith.equals(mapping);
    }

    /** Deletes the kept file, if any. */
    @PreDestroy
    public void forget() {
        if (kept != null) {
            try {
                Files.deleteIfExists(Path.of(kept.path()));
            } catch (IOException leftForTheSystem) {
                // the temporary folder is the system's to clear; nothing here is personal
            }
        }
        kept = null;
        checkedWith = null;
    }
}
