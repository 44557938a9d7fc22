package org.refocus.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An upload from someone not signed in is refused before its body is read. The CSRF check used to read the
 * whole multipart body (up to 256 MB a request, parts over the threshold written to temporary files) only
 * to refuse it, so anyone who could reach the server could fill its disk without an account. A form sent
 * after the session ended is sent to sign in again, as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnsignedUploadsTest extends DatabaseTest {

    @LocalServerPort
    int port;

    @Test
    void anUploadWithoutASignedInSessionIsAnsweredBeforeItsBodyIsSent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            // Without the fix the server waits for the other 99.9 MB, and this read times out.
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /measures/imports HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 104857600\r\n\r\n"
                    + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("HTTP/1.1 302");
            String location = null;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.regionMatches(true, 0, "Location:", 0, 9)) {
                    location = line.substring(9).strip();
                }
            }
            assertThat(location).endsWith("/login?timedOut");
        }
    }
}
