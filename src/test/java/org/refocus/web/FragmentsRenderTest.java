package org.refocus.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.DefaultErrorViewResolver;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Renders the layout, every fragment and the error pages through Spring MVC and Thymeleaf, and
 * checks the markup that accessibility and the Content-Security-Policy depend on. The rendered
 * pages are written to target/rendered-pages/ so they can be opened in a browser.
 */
@WebMvcTest(controllers = FragmentsRenderTest.KitchenSinkController.class)
@Import({FragmentsRenderTest.KitchenSinkController.class, FragmentsRenderTest.ErrorViews.class})
@TestPropertySource(properties = {
        "spring.messages.basename=messages,i18n/frontend,i18n/test",
        // The application will have messages.properties; this slice has only i18n/frontend.
        "logging.level.org.springframework.context.support.ResourceBundleMessageSource=ERROR"})
@WithMockUser
class FragmentsRenderTest {

    private static final Path RENDERED = Path.of("target", "rendered-pages");

    @Autowired
    MockMvc mvc;

    @Test
    void rendersLayoutWithNavigationAccountFlashAndBreadcrumbs() throws Exception {
        String html = kitchenSink();

        assertThat(html).contains("<html lang=\"en-GB\">");
        assertThat(html).contains("<title>Error: Kitchen sink – REFOCUS</title>");
        assertThat(html).contains("<a class=\"nhsuk-skip-link\" data-module=\"nhsuk-skip-link\" href=\"#maincontent\">Skip to main content</a>");
        assertThat(html).contains("<span class=\"nhsuk-header__service-name\">REFOCUS</span>");
        assertThat(html).containsOnlyOnce("<main class=\"nhsuk-main-wrapper\" id=\"maincontent\" role=\"main\">");
        assertThat(count(html, "<main")).isEqualTo(1);

        assertThat(count(html, "aria-current=\"page\"")).isEqualTo(1);
        assertThat(html).containsPattern(
                "<a class=\"nhsuk-header__navigation-link\" href=\"/goals\" aria-current=\"page\"><strong"
                        + " class=\"nhsuk-header__navigation-item-current-fallback\">Goals</strong></a>");
        assertThat(html).contains("<a class=\"nhsuk-header__navigation-link\" href=\"/people\">People</a>");

        assertThat(html).contains("<span>Sam Taylor</span>");
        assertThat(html).containsPattern("(?s)<form class=\"nhsuk-header__account-form\" method=\"post\" novalidate action=\"/logout\">\\s*"
                + "<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\">\\s*"
                + "<button class=\"nhsuk-header__account-button\">Sign out</button>");

        assertThat(html).contains("nhsuk-notification-banner--success");
        assertThat(html).contains("<p class=\"nhsuk-notification-banner__heading\">Goal saved</p>");

        assertThat(html).contains("<nav class=\"nhsuk-breadcrumb\" aria-label=\"Breadcrumb\">");
        assertThat(html).contains("<a class=\"nhsuk-breadcrumb__link\" href=\"/people\">People</a>");
        assertThat(html).contains("<a class=\"nhsuk-back-link\" href=\"/people/1\"><span class=\"nhsuk-u-visually-hidden\">Back to </span>Sam Taylor</a>");
    }

    @Test
    void rendersErrorSummaryAndInlineErrorsOfTheBoundForm() throws Exception {
        String html = kitchenSink();

        assertThat(html).contains("<h2 class=\"nhsuk-error-summary__heading\">There is a problem</h2>");
        assertThat(html).contains("<a href=\"#name\">Enter your full name</a>");
        assertThat(html).contains("<a href=\"#email\">Enter an email address in the correct format, like name@example.com</a>");
        assertThat(html).contains("<a href=\"#address-postcode\">Enter a postcode</a>");
        assertThat(html).contains("<a href=\"#contact\">Select how we should contact you</a>");
        assertThat(html).contains("<div role=\"alert\">");

        assertThat(html).contains("<div class=\"nhsuk-form-group nhsuk-form-group--error\">");
        assertThat(html).contains("<span class=\"nhsuk-error-message\" id=\"name-error\"><span class=\"nhsuk-u-visually-hidden\">Error: </span>Enter your full name</span>");
        assertThat(tag(html, "input", "id=\"name\""))
                .contains("class=\"nhsuk-input nhsuk-input--error\"", "name=\"name\"", "type=\"text\"",
                        "aria-describedby=\"name-hint name-error\"");
        assertThat(tag(html, "input", "id=\"email\""))
                .contains("type=\"email\"", "autocomplete=\"email\"", "aria-describedby=\"email-error\"",
                        "value=\"not-an-email\"", "nhsuk-u-width-two-thirds");
        assertThat(tag(html, "input", "id=\"address-postcode\""))
                .contains("name=\"address.postcode\"", "autocomplete=\"postal-code\"", "aria-describedby=\"address-postcode-error\"");

        assertThat(html).contains("data-module=\"nhsuk-character-count\" data-maxlength=\"500\"");
        assertThat(tag(html, "textarea", "id=\"notes\""))
                .contains("nhsuk-js-character-count", "aria-describedby=\"notes-info notes-hint\"");
        assertThat(html).contains("<div class=\"nhsuk-hint nhsuk-character-count__message\" id=\"notes-info\">You can enter up to 500 characters</div>");
        assertThat(tag(html, "textarea", "id=\"summary\"")).doesNotContain("aria-describedby", "character-count");

        assertThat(html).containsPattern("<option value=\"north\" selected=\"selected\">North team</option>");

        assertThat(html).containsPattern("<fieldset class=\"nhsuk-fieldset\" aria-describedby=\"contact-error\">");
        assertThat(tag(html, "input", "id=\"contact\"")).contains("type=\"radio\"", "value=\"phone\"");
        assertThat(tag(html, "input", "id=\"contact-2\"")).contains("value=\"email\"");

        assertThat(tag(html, "input", "id=\"interests\"")).contains("value=\"work\"", "checked=\"checked\"");
        assertThat(tag(html, "input", "id=\"interests-2\"")).contains("value=\"housing\"").doesNotContain("checked");
        assertThat(tag(html, "input", "id=\"interests-3\"")).contains("value=\"money\"", "checked=\"checked\"");
        assertThat(html).containsPattern("(?s)id=\"interests\"[^>]*>\\s*<label class=\"nhsuk-label nhsuk-checkboxes__label\" for=\"interests\">");
        assertThat(html).contains("<input type=\"hidden\" name=\"_interests\" value=\"on\">");

        assertThat(tag(html, "input", "id=\"startDate\"")).contains("type=\"date\"", "value=\"2026-03-15\"");
        assertThat(tag(html, "input", "id=\"password\"")).contains("type=\"password\"", "autocomplete=\"new-password\"")
                .doesNotContain("secret");
    }

    @Test
    void rendersEachFieldAndButtonOnce() throws Exception {
        String html = kitchenSink();

        // A fragment named like an HTML element also selects every such element in its file.
        assertThat(count(html, "<button")).isEqualTo(6);
        assertThat(count(html, "<input")).isEqualTo(15);
        assertThat(count(html, "<select")).isEqualTo(1);
        assertThat(count(html, "<textarea")).isEqualTo(2);
        assertThat(html).containsOnlyOnce(">Save and continue</button>");
    }

    @Test
    void everyPostFormCarriesExactlyOneCsrfField() throws Exception {
        String html = kitchenSink();

        int postForms = count(html, "method=\"post\"");
        assertThat(postForms).isEqualTo(3);
        assertThat(count(html, "name=\"_csrf\"")).isEqualTo(postForms);
    }

    @Test
    void rendersComponents() throws Exception {
        String html = kitchenSink();

        assertThat(html).contains("<p class=\"nhsuk-body-s nhsuk-u-margin-bottom-2\">Page 2 of 5</p>");
        assertThat(html).containsPattern("(?s)href=\"/test/kitchen-sink\\?page=0\" rel=\"prev\">.*?<span class=\"nhsuk-pagination__page\">Page 1 of 5</span>");
        assertThat(html).containsPattern("(?s)href=\"/test/kitchen-sink\\?page=2\" rel=\"next\">.*?<span class=\"nhsuk-pagination__page\">Page 3 of 5</span>");

        assertThat(html).contains("<strong class=\"nhsuk-tag nhsuk-tag--green\">Agreed</strong>");
        assertThat(html).contains("<strong class=\"nhsuk-tag\">In progress</strong>");
        assertThat(html).contains("<span class=\"nhsuk-u-visually-hidden\">Information: </span>");
        assertThat(html).contains("<span class=\"nhsuk-u-visually-hidden\">Important: </span>If you need help now");
        assertThat(html).contains("<h1 class=\"nhsuk-panel__heading\">Goal saved</h1>");
        assertThat(html).contains("<a class=\"nhsuk-back-link\" href=\"/test/previous\">Back to goals</a>");
        assertThat(html).contains("<span class=\"nhsuk-table__heading\" aria-hidden=\"true\">Status </span>");
    }

    @Test
    void obeysTheContentSecurityPolicy() throws Exception {
        String html = kitchenSink();

        assertThat(html).doesNotContainPattern("\\sstyle\\s*=");
        assertThat(html).doesNotContain("<style");
        assertThat(html).doesNotContainPattern("\\son[a-z]+\\s*=\\s*\"");
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int found = 0;
        while (scripts.find()) {
            found++;
            assertThat(scripts.group(1)).contains("src=\"/");
            assertThat(scripts.group(2)).isBlank();
        }
        assertThat(found).isEqualTo(2);
        assertThat(html).contains("<script type=\"module\" src=\"/js/refocus.js\"></script>");
        assertThat(html).doesNotContainPattern("(src|href|action)=\"(https?:)?//");
    }

    @Test
    void showsValidationErrorsOfARealPostBoundToARecord() throws Exception {
        String html = mvc.perform(post("/test/kitchen-sink").with(csrf())
                        .param("name", "")
                        .param("address.postcode", "LS1 4AP")
                        .param("interests", "housing")
                        .param("_interests", "on")
                        .param("startDate", "2026-04-01"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("<a href=\"#name\">Enter your full name</a>");
        assertThat(html).contains("<a href=\"#contact\">Select how we should contact you</a>");
        assertThat(tag(html, "input", "id=\"interests-2\"")).contains("checked=\"checked\"");
        assertThat(tag(html, "input", "id=\"interests\"")).doesNotContain("checked");
        assertThat(tag(html, "input", "id=\"startDate\"")).contains("value=\"2026-04-01\"");
    }

    @Test
    void rendersPageNotFoundWithoutNavigationAccountOrDetails() throws Exception {
        String html = mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/people/12345")
                        .requestAttr(RequestDispatcher.ERROR_MESSAGE, "secret detail of person 12345")
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        save("404.html", html);

        assertThat(html).contains("<title>Page not found – REFOCUS</title>");
        assertThat(html).contains("<h1>Page not found</h1>");
        assertThat(html).contains("If you typed the web address, check it was correct.");
        assertThat(html).doesNotContain("nhsuk-header__navigation", "nhsuk-header__account", "nhsuk-breadcrumb",
                "nhsuk-notification-banner", "12345", "secret");
        assertThat(count(html, "<main")).isEqualTo(1);
    }

    @Test
    void rendersServerErrorAndGenericErrorPages() throws Exception {
        String serverError = mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret stack detail"))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isInternalServerError())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(serverError).contains("<h1>Sorry, there is a problem with the service</h1>")
                .doesNotContain("secret", "IllegalStateException");

        String forbidden = mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(forbidden).contains("<h1>You do not have permission to see this page</h1>");

        String teapot = mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 418)
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().is(418))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(teapot).contains("<h1>Sorry, something went wrong</h1>");
    }

    private String kitchenSink() throws Exception {
        String html = mvc.perform(get("/test/kitchen-sink"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        save("kitchen-sink.html", html);
        return html;
    }

    private static void save(String name, String html) throws IOException {
        Files.createDirectories(RENDERED);
        Files.writeString(RENDERED.resolve(name), html, StandardCharsets.UTF_8);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** The whole start tag of the element with the given name that has the given attribute. */
    private static String tag(String html, String element, String attribute) {
        Matcher m = Pattern.compile("<" + element + "\\b[^>]*\\s" + Pattern.quote(attribute) + "[^>]*>").matcher(html);
        assertThat(m.find()).as("<%s %s>", element, attribute).isTrue();
        return m.group();
    }

    public record NavItem(String label, String href, boolean current) {}

    public record CurrentUser(String displayName) {}

    public record Crumb(String label, String href) {}

    public record Option(String value, String label) {}

    public record PageInfo(int number, int totalPages, String previousHref, String nextHref) {}

    public record Goal(String title, String status, String colour, String agreedOn) {}

    public record Address(String postcode) {}

    public record SinkForm(
            @NotBlank(message = "Enter your full name") String name,
            String email,
            Address address,
            @Size(max = 500, message = "What matters to you must be 500 characters or fewer") String notes,
            String summary,
            String team,
            @NotNull(message = "Select how we should contact you") String contact,
            @NotEmpty(message = "Select what you would like help with") List<String> interests,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            String password) {}

    /**
     * Boot only resolves error/404.html and friends when a DispatcherServlet bean exists, which the
     * MockMvc slice does not have; the running application does.
     */
    @TestConfiguration
    static class ErrorViews {
        @Bean
        DefaultErrorViewResolver errorViewResolver(ApplicationContext context) {
            return new DefaultErrorViewResolver(context, new WebProperties.Resources());
        }
    }

    @Controller
    static class KitchenSinkController {

        @GetMapping("/test/kitchen-sink")
        String show(Model model) {
            SinkForm form = new SinkForm("", "not-an-email", new Address(""), "I want to get back to work.", "",
                    "north", null, List.of("work", "money"), LocalDate.of(2026, 3, 15), "secret");
            BindingResult errors = new BeanPropertyBindingResult(form, "sinkForm");
            errors.rejectValue("name", "NotBlank", "Enter your full name");
            errors.rejectValue("email", "Email", "Enter an email address in the correct format, like name@example.com");
            errors.rejectValue("address.postcode", "NotBlank", "Enter a postcode");
            errors.rejectValue("contact", "NotNull", "Select how we should contact you");
            model.addAttribute("sinkForm", form);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "sinkForm", errors);
            addPageData(model);
            return "test/kitchen-sink";
        }

        @PostMapping("/test/kitchen-sink")
        String submit(@Valid @ModelAttribute("sinkForm") SinkForm form, BindingResult errors, Model model) {
            addPageData(model);
            return "test/kitchen-sink";
        }

        private static void addPageData(Model model) {
            model.addAttribute("navigation", List.of(
                    new NavItem("People", "/people", false),
                    new NavItem("Goals", "/goals", true),
                    new NavItem("Reports", "/reports", false)));
            model.addAttribute("currentUser", new CurrentUser("Sam Taylor"));
            model.addAttribute("flash", "test.flash.goalSaved");
            model.addAttribute("crumbs", List.of(
                    new Crumb("Home", "/"), new Crumb("People", "/people"), new Crumb("Sam Taylor", "/people/1")));
            model.addAttribute("teams", List.of(
                    new Option("", "Select a team"), new Option("north", "North team"), new Option("south", "South team")));
            model.addAttribute("contactOptions", List.of(
                    new Option("phone", "Phone"), new Option("email", "Email"), new Option("letter", "Letter")));
            model.addAttribute("interestOptions", List.of(
                    new Option("work", "Work or study"), new Option("housing", "Housing"), new Option("money", "Money")));
            model.addAttribute("goals", List.of(
                    new Goal("Get back to work", "Agreed", "green", "1 March 2026"),
                    new Goal("Find a quieter flat", "In progress", null, "8 March 2026")));
            model.addAttribute("page", new PageInfo(1, 5, "/test/kitchen-sink?page=0", "/test/kitchen-sink?page=2"));
        }
    }
}
