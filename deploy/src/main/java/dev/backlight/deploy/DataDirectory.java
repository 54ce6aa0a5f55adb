package dev.backlight.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Where the local run keeps everything: PostgreSQL's data directory (the services' schemas and Keycloak's) and the
 * password of Keycloak's console administrator, made with the database.
 */
record DataDirectory(Path root) {

    /** Overrides the default location, {@code ~/.backlight}. */
    static final String VARIABLE = "BACKLIGHT_DATA";

    static DataDirectory of(Path root) {
        return new DataDirectory(root.toAbsolutePath().normalize());
    }

    /** {@code $BACKLIGHT_DATA} when set, else {@code .backlight} in the user's home directory. */
    static Path defaultRoot() {
        String configured = System.getenv(VARIABLE);
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".backlight");
    }

    Path postgres() {
        return root.resolve("postgres");
    }

    Path keycloakAdminPasswordFile() {
        return root.resolve("keycloak-admin-password");
    }

    /** The console administrator's password: made on first use, readable by this user only, the same ever after. */
    String keycloakAdminPassword() {
        Path file = keycloakAdminPasswordFile();
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(root);
            byte[] secret = new byte[18];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n");
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep Keycloak's administrator password in " + file, e);
        }
    }

    /** Removes everything kept here. */
    void delete() throws IOException {
        LocalFiles.deleteTree(root);
    }
}
