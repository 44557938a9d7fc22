package org.refocus.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.refocus.RefocusApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts real application instances on random ports and talks to them over HTTP, as a browser would. */
final class RunningNodes {

    private RunningNodes() {
    }

    static ConfigurableApplicationContext start(Map<String, String> properties) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        properties.forEach((k, v) -> args.add("--" + k + "=" + v));
        return new SpringApplicationBuilder(RefocusApplication.class).run(args.toArray(String[]::new));
    }

    static String baseUrl(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    static HttpClient client() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static HttpResponse<String> get(String url, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the real form (with its CSRF token) and returns the session cookie. */
    static String signIn(String baseUrl, String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get(baseUrl + "/login", null);
        String cookie = sessionCookie(page);
        Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = Map.of("username", username, "password", password, "_csrf", token.group(1)).entrySet().stream()
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = client().send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302 || !response.headers().firstValue("Location").orElse("").endsWith("/")) {
            throw new IllegalStateException("sign-in failed: " + response.statusCode() + " "
                    + response.headers().firstValue("Location").orElse(""));
        }
        return sessionCookie(response);
    }

    static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION=")).map(c -> c.substring(0, c.indexOf(';')))
                .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("no session cookie"));
    }
}
