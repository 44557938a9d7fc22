package org.refocus.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UploadedFilesTest {

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length + 4];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("leaflet.pdf", "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII), "application/pdf"),
                Arguments.of("photo.PNG", bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A), "image/png"),
                Arguments.of("photo.jpeg", bytes(0xFF, 0xD8, 0xFF, 0xE0), "image/jpeg"),
                Arguments.of("story.txt", "Recovery is possible. – Sam".getBytes(StandardCharsets.UTF_8), "text/plain"),
                Arguments.of("leaflet.txt", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), null),
                Arguments.of("page.txt", "<html><script>".getBytes(StandardCharsets.UTF_8), null),
                Arguments.of("page.html", "hello".getBytes(StandardCharsets.UTF_8), null),
                Arguments.of("tool.exe", bytes(0x4D, 0x5A), null),
                Arguments.of("binary.txt", bytes(0x00, 0x01, 0x02), null),
                Arguments.of("empty.txt", new byte[0], null));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("files")
    void acceptsOnlyAllowListedTypesWhoseBytesAgreeWithTheirName(String name, byte[] content, String type) {
        assertThat(UploadedFiles.contentType(name, content)).isEqualTo(type);
    }

    @Test
    void makesFileNamesSafeForHeadersAndPages() {
        assertThat(UploadedFiles.safeName("C:\\Users\\x\\My \"story\";.pdf")).isEqualTo("My _story__.pdf");
        assertThat(UploadedFiles.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(UploadedFiles.safeName("...")).isEqualTo("file");
        assertThat(UploadedFiles.safeName("a".repeat(150) + ".pdf")).hasSize(100).endsWith(".pdf");
    }
}
