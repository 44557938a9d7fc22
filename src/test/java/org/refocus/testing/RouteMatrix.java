package org.refocus.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The route matrix: every route the application serves ("METHOD /pattern", as in the
 * {@code src/test/resources/routes/*.routes} files) and who may use it. {@code AuthorisationMatrixTest}
 * checks that it is exactly what the application serves; other tests walk it.
 */
public final class RouteMatrix {

    /** Route (method and pattern) to who may use it, in the files' order. */
    public static final Map<String, String> ROUTES = Collections.unmodifiableMap(load());

    private RouteMatrix() {
    }

    /** The {@code GET} routes and who may use them. */
    public static Map<String, String> gets() {
        Map<String, String> gets = new LinkedHashMap<>();
        ROUTES.forEach((route, who) -> {
            if (route.startsWith("GET ")) {
                gets.put(route, who);
            }
        });
        return gets;
    }

    private static Map<String, String> load() {
        Map<String, String> routes = new LinkedHashMap<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:routes/*.routes")) {
                for (String line : file.getContentAsString(StandardCharsets.UTF_8).lines().toList()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] parts = line.trim().split("\\s+");
                    String previous = routes.put(parts[0] + " " + parts[1], parts[2]);
                    if (previous != null) {
                        throw new IllegalStateException("Route listed twice: " + line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return routes;
    }
}
