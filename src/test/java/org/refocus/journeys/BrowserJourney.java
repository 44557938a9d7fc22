package org.refocus.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.refocus.testing.DatabaseTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Journeys in Debian's Chromium, driven by Playwright, with an axe WCAG 2.2 AA check on every page a
 * journey visits (call {@link #checkAccessibility()} after each navigation).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserJourney extends DatabaseTest {

    /** The axe tags every check runs: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;
    private final List<String> consoleErrors = new ArrayList<>();
    /** Page loads the browser has started and not yet finished or given up, by request. */
    private final java.util.Set<com.microsoft.playwright.Request> documentsLoading =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void launchBrowser() {
        long started = System.nanoTime();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        long driverReady = System.nanoTime();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("refocus.chromium", "/usr/bin/chromium")))
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
        // Some CI runs spend minutes in the first test of a journey class; say where, when it is slow.
        long done = System.nanoTime();
        if (done - started > 10_000_000_000L) {
            System.err.printf("[journey] slow browser start: Playwright driver %.1f s, Chromium %.1f s%n",
                    (driverReady - started) / 1e9, (done - driverReady) / 1e9);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        long started = System.nanoTime();
        context = browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port));
        page = context.newPage();
        // Generous for a loaded 2-core CI machine; a real failure still fails, only later.
        page.setDefaultTimeout(45_000);
        page.setDefaultNavigationTimeout(60_000);
        // Track page loads in flight so that checks wait for the page a click led to, not the one before it.
        page.onRequest(request -> {
            if ("document".equals(request.resourceType())) {
                documentsLoading.add(request);
            }
        });
        page.onRequestFinished(request -> {
            if ("document".equals(request.resourceType())) {
                documentsLoading.remove(request);
            }
        });
        page.onRequestFailed(request -> {
            if ("document".equals(request.resourceType())) {
                documentsLoading.remove(request);
            }
        });
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
        if (System.nanoTime() - started > 10_000_000_000L) {
            System.err.printf("[journey] slow new browser page: %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
    }

    @AfterEach
    void closePage() {
        context.close();
        assertThat(consoleErrors).as("browser console errors (CSP, scripts)").isEmpty();
    }

    /** Opens a page that should not be found; the browser's own log line for that 404 is expected. */
    com.microsoft.playwright.Response openExpectingNotFound(String path) {
        var response = page.navigate(path);
        consoleErrors.removeIf(e -> e.contains("status of 404"));
        return response;
    }

    /** Uses a phone-sized screen for the rest of the journey. */
    void onAPhone() {
        page.setViewportSize(320, 640);
    }

    void signIn(String username, String password) {
        page.navigate("/login");
        checkAccessibility();
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        // Arrive before going on (see signOut).
        waitForPageToSettle();
    }

    void signOut() {
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign out")).click();
        // Arrive before going on: a page load that the next navigation cuts short is never reported as
        // finished by the browser (CI runs named /login?signedOut and /), and every later check waited for it.
        page.waitForURL("**/login?signedOut");
        waitForPageToSettle();
    }

    /**
     * Waits for any page load a click started to finish, then for that page's load event. A load the browser
     * never reports as finished or failed (some CI runs spent minutes in one journey, 10 s at every check) is
     * waited for once, named, and then forgotten.
     */
    void waitForPageToSettle() {
        page.waitForTimeout(100);
        long deadline = System.currentTimeMillis() + 10_000;
        while (!documentsLoading.isEmpty() && System.currentTimeMillis() < deadline) {
            page.waitForTimeout(50);
        }
        if (!documentsLoading.isEmpty()) {
            System.err.println("[journey] page loads never reported as finished, no longer waited for: "
                    + documentsLoading.stream().map(com.microsoft.playwright.Request::url).toList());
            documentsLoading.clear();
        }
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
    }

    /**
     * The WCAG A and AA violations axe finds on the page, each as rule (impact) help at elements. Legacy mode
     * runs axe once in the page itself; the default mode would also open a blank page for every check, to
     * put together results from frames, and REFOCUS pages have none (callers check; the Content-Security-
     * Policy's frame-ancestors is 'none'). It is the same rules, in about a third of the time.
     */
    static List<String> violations(Page tab) {
        AxeResults results = new AxeBuilder(tab).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
        List<String> found = new ArrayList<>();
        if (results.getPasses().isEmpty()) {
            found.add("axe checked nothing");
        }
        for (Rule rule : results.getViolations()) {
            found.add(rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
                    + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")));
        }
        return found;
    }

    /** Fails with the rule, impact and elements of each WCAG 2.2 A/AA violation on the current page. */
    void checkAccessibility() {
        // Axe must see the page as a person does: styled, with its scripts run (a page still loading
        // after a redirect has unstyled, tiny links and would fail for the wrong reason).
        waitForPageToSettle();
        assertThat(page.frames()).as(page.url() + " has no frames (axe runs in legacy mode)").hasSize(1);
        List<String> violations = violations(page);
        assertThat(violations).as(() -> page.url() + " has accessibility violations:\n"
                + String.join("\n", violations)).isEmpty();
    }
}
