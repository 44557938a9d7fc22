package org.refocus.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.json.JsonMapper;

/** One instrument's wording from a content file REFOCUS ships, as a content file of its own, for uploading. */
public final class ContentFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ContentFiles() {
    }

    /** The demo wording of one instrument ({@code instruments/content/demo-content.json}). */
    public static String demo(String code) {
        return one("demo-content.json", code);
    }

    /**
     * @param file a file of {@code instruments/content}, for example {@code qpr-en-GB.json}
     */
    public static String one(String file, String code) {
        try (InputStream in = ContentFiles.class.getClassLoader().getResourceAsStream("instruments/content/" + file)) {
            for (var content : JSON.readTree(in).get("contents")) {
                if (content.get("instrument").asString().equals(code)) {
                    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(content);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException(code + " is not in " + file);
    }
}
