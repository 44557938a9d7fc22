package org.refocus.measures.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recognises a file that has been imported before (by its SHA-256), so that uploading the same
 * questionnaires twice does not store every response twice and skew each person's chart and the
 * team's figures. Another file with some of the same rows is not caught here.
 */
final class ImportedFiles {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
            .withZone(MeasureResponses.UK);

    private final JdbcClient jdbc;

    ImportedFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An earlier successful import of the same file for the same instrument version. */
    record Earlier(Instant finishedAt, int rowsImported, int rowsLeftOut) {

        String message() {
            return "This file was imported already on " + DAY.format(finishedAt) + " (" + rowsImported
                    + (rowsImported == 1 ? " response" : " responses") + "). Nothing was stored this time, so that no "
                    + "one's responses are counted twice. " + (rowsLeftOut == 0 ? ""
                    : rowsLeftOut == 1 ? "1 row was left out of it then, with the problems listed on that import's "
                            + "page: put that row right in a file of its own and import that. "
                    : rowsLeftOut + " rows were left out of it then, with the problems listed on that import's page: "
                            + "put those rows right in a file of their own and import that. ")
                    + "If the file holds different responses, check that you chose the right one.";
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    Optional<Earlier> earlier(long versionId, String sha256) {
        return jdbc.sql("""
                select finished_at, rows_imported, rows_with_errors from measure_import_job
                where instrument_version_id = ? and file_sha256 = ? and status = 'SUCCEEDED'""")
                .params(versionId, sha256)
                .query((rs, n) -> new Earlier(rs.getTimestamp(1).toInstant(), rs.getInt(2), rs.getInt(3))).optional();
    }

    /** Why an import of this file was refused: the earlier import it repeats. */
    String whyRefused(long versionId, String sha256) {
        return earlier(versionId, sha256).map(Earlier::message)
                .orElse("This file was imported already. Nothing was stored this time.");
    }
}
