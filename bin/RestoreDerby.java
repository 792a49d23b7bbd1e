import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * bin/waypoint restore's work in a JVM of its own, with Derby's embedded driver on the class path:
 * brings an online backup back as the data folder's database with Derby's own boot attributes,
 * {@code createFrom=} where there is no database yet and {@code restoreFrom=} (which deletes the
 * database there first) only when told to replace it, and never while another process has it open.
 * Usage: java -cp 'derby jars' bin/RestoreDerby.java BACKUP_DATABASE_FOLDER TARGET_DATABASE_FOLDER REPLACE
 * Exits 0 when restored, 2 when refused, 1 when Derby failed.
 */
public class RestoreDerby {

    public static void main(String[] args) throws Exception {
        Path backup = Path.of(args[0]).toAbsolutePath().normalize();
        Path target = Path.of(args[1]).toAbsolutePath().normalize();
        boolean replace = Boolean.parseBoolean(args[2]);
        Files.createDirectories(target.getParent());
        System.setProperty("derby.stream.error.file", target.resolveSibling("derby.log").toString());
        if (!Files.isRegularFile(backup.resolve("service.properties"))) {
            refuse(backup + " is not a Derby database backup");
        }
        boolean there = Files.exists(target) && !isEmptyFolder(target);
        if (there && !replace) {
            refuse(target + " already holds a database: stop the server, then add --replace to overwrite it");
        }
        if (there && !Files.isRegularFile(target.resolve("service.properties"))) {
            refuse(target + " holds something that is not a Derby database: move it away first");
        }
        if (there) {
            requireNoOtherProcess(target);
        }
        if (!there) {
            Files.deleteIfExists(target);
        }
        String attribute = there ? "restoreFrom" : "createFrom";
        try (Connection restored = DriverManager.getConnection("jdbc:derby:" + target + ";" + attribute + "=" + backup)) {
            System.out.println("Restored " + target + " from " + backup + " (" + attribute + "): " + referrals(restored));
        } catch (SQLException e) {
            System.err.println("bin/waypoint: Derby could not restore the backup: " + e.getSQLState() + " " + e.getMessage());
            System.exit(1);
        }
        shutDown(target);
    }

    /** How many referrals it holds, in the schema of the user the server connects as. */
    private static String referrals(Connection restored) throws SQLException {
        try (Statement statement = restored.createStatement();
             ResultSet schemas = statement.executeQuery("SELECT s.schemaname FROM sys.systables t JOIN sys.sysschemas s"
                     + " ON t.schemaid = s.schemaid WHERE t.tablename = 'REFERRAL'")) {
            if (!schemas.next()) {
                return "no referral table";
            }
            String schema = schemas.getString(1);
            try (Statement count = restored.createStatement();
                 ResultSet referrals = count.executeQuery("SELECT COUNT(*) FROM \"" + schema + "\".referral")) {
                referrals.next();
                return referrals.getLong(1) + " referrals";
            }
        }
    }

    /** Boots the database there: Derby refuses (XSDB6) when another JVM, such as a running server, has it. */
    private static void requireNoOtherProcess(Path target) {
        try (Connection existing = DriverManager.getConnection("jdbc:derby:" + target)) {
            existing.isValid(5);
        } catch (SQLException e) {
            if (inUse(e)) {
                refuse(target + " is in use by another process (is the server running?): stop it first");
            }
            System.err.println("bin/waypoint: the database there does not start (" + e.getSQLState() + "); replacing it");
            return;
        }
        shutDown(target);
    }

    /** Derby wraps the reason a boot failed, as a cause or a next exception, a level or two down. */
    private static boolean inUse(Throwable thrown) {
        if (thrown == null) {
            return false;
        }
        if (thrown instanceof SQLException sql && ("XSDB6".equals(sql.getSQLState()) || inUse(sql.getNextException()))) {
            return true;
        }
        return thrown.getCause() != thrown && inUse(thrown.getCause());
    }

    private static void shutDown(Path database) {
        try {
            DriverManager.getConnection("jdbc:derby:" + database + ";shutdown=true").close();
        } catch (SQLException expected) {
            // Derby answers a clean shutdown of one database with SQL state 08006.
        }
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> inside = Files.list(folder)) {
            return inside.findAny().isEmpty();
        }
    }

    private static void refuse(String reason) {
        System.err.println("bin/waypoint: " + reason);
        System.exit(2);
    }
}
