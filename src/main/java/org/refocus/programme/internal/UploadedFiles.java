package org.refocus.programme.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Which uploaded files the library accepts. The type is decided from the file's first bytes, never from
 * what the browser claims, and must agree with the file name's extension. Pure.
 */
public final class UploadedFiles {

    private UploadedFiles() {
    }

    /** The allow-listed content type of these bytes with this name, or null when the file is not accepted. */
    public static String contentType(String fileName, byte[] content) {
        if (content == null || content.length == 0 || fileName == null) {
            return null;
        }
        String extension = extension(fileName);
        String sniffed = sniff(content);
        if (sniffed == null) {
            return null;
        }
        boolean agrees = switch (sniffed) {
            case "application/pdf" -> extension.equals("pdf");
            case "image/png" -> extension.equals("png");
            case "image/jpeg" -> extension.equals("jpg") || extension.equals("jpeg");
            case "text/plain" -> extension.equals("txt");
            default -> false;
        };
        return agrees ? sniffed : null;
    }

    /**
     * A file name safe to put in a Content-Disposition header and show on a page: the last path segment,
     * letters, digits, spaces, dots, dashes and underscores only, at most 100 characters.
     */
    public static String safeName(String fileName) {
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        String cleaned = base.replaceAll("[^A-Za-z0-9 ._-]", "_").replaceAll("^[ .]+", "").trim();
        if (cleaned.length() > 100) {
            String ext = extension(cleaned);
            cleaned = cleaned.substring(0, 100 - ext.length() - 1) + "." + ext;
        }
        return cleaned.isEmpty() ? "file" : cleaned;
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String sniff(byte[] b) {
        if (startsWith(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return "application/pdf";
        }
        if (startsWith(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        return isPlainText(b) ? "text/plain" : null;
    }

    /** Valid UTF-8 without control characters other than tab, line feed, carriage return and form feed. */
    private static boolean isPlainText(byte[] b) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                    return false;
                }
            }
            return !text.trim().startsWith("<");
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
