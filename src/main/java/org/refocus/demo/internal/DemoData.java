package org.refocus.demo.internal;

import java.security.SecureRandom;
import java.util.List;
import java.util.SplittableRandom;
import org.refocus.demo.DemoContent;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditOutcome;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start against an empty database: either clearly fictional demo data with one account
 * per role, or instructions for creating the first administrator. Demo data is the default only with the
 * embedded database; an external database ({@code SPRING_DATASOURCE_URL}) gets it only with an explicit
 * {@code REFOCUS_DEMO=true}, and {@code REFOCUS_DEMO=false} turns it off everywhere. Never runs again once
 * any account exists.
 */
@Component
@Order(0)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final List<String> USERNAMES = List.of("admin", "teamlead", "coordinator", "trainer", "researcher",
            "statistician", "serviceuser");
    private static final long SEED = 20151201L;

    private final Accounts accounts;
    private final SyntheticPopulation population;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final boolean demo;
    private final boolean offBecauseExternalDatabase;
    private final String configuredPassword;
    private final boolean webApplication;
    private final List<DemoContent> content;
    private final TransactionTemplate transaction;
    private final org.springframework.core.env.Environment environment;

    DemoData(Accounts accounts, SyntheticPopulation population, PasswordEncoder passwords, AuditTrail audit,
            @Value("${refocus.demo:#{null}}") Boolean demoSetting,
            @Value("${spring.datasource.url:}") String datasourceUrl,
            @Value("${refocus.demo-password:}") String configuredPassword,
            @Value("${spring.main.web-application-type:servlet}") String webApplicationType,
            ObjectProvider<DemoContent> content, TransactionTemplate transaction,
            org.springframework.core.env.Environment environment) {
        this.accounts = accounts;
        this.population = population;
        this.passwords = passwords;
        this.audit = audit;
        boolean externalDatabase = !datasourceUrl.isBlank();
        this.demo = wanted(demoSetting, externalDatabase);
        this.offBecauseExternalDatabase = demoSetting == null && externalDatabase;
        this.configuredPassword = configuredPassword;
        this.webApplication = !"none".equalsIgnoreCase(webApplicationType);
        this.content = content.orderedStream().toList();
        this.transaction = transaction;
        this.environment = environment;
    }

    /**
     * Whether the first start creates demo data. The embedded database is the one started when
     * {@code spring.datasource.url} is empty (the condition on {@code platform.EmbeddedDatabaseConfiguration}).
     *
     * @param setting {@code refocus.demo}, or null when it is not set
     */
    static boolean wanted(Boolean setting, boolean externalDatabase) {
        return setting != null ? setting : !externalDatabase;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!webApplication || accounts.anyExist()) {
            return;
        }
        if (!demo) {
            log.warn("""

                    ────────────────────────────────────────────────────────────────────
                    REFOCUS started with no demo data and no accounts. Create the first
                    administrator (it prints a one-time link to set their password):

                      java -jar target/refocus.jar create-admin --username NAME --name "Full Name"
                    {}
                    ────────────────────────────────────────────────────────────────────""",
                    offBecauseExternalDatabase ? "(No demo data: an external database needs REFOCUS_DEMO=true for it.)"
                            : "");
            return;
        }
        String password = configuredPassword.isBlank() ? randomPassword() : configuredPassword;
        String hash = passwords.encode(password);
        transaction.executeWithoutResult(status -> seed(hash));
        log.warn("""

                ────────────────────────────────────────────────────────────────────
                REFOCUS demo data created (all people and places are fictional).
                Sign in at {} as any of: {}
                Password: {}
                {}
                ────────────────────────────────────────────────────────────────────""",
                signInAddress(), String.join(", ", USERNAMES),
                configuredPassword.isBlank() ? password : "(the value of REFOCUS_DEMO_PASSWORD)",
                configuredPassword.isBlank() ? "This password is shown only once; set REFOCUS_DEMO_PASSWORD to choose it."
                        : "");
    }

    /** Where to sign in on this machine: the port the server is listening on, once it has started. */
    private String signInAddress() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port + "/login";
    }

    private void seed(String passwordHash) {
        SplittableRandom random = new SplittableRandom(SEED);
        var nhsNumbers = population.nhsNumbers();
        long trust = population.organisation("Northshire Health NHS Foundation Trust (fictional demo)", "DEMO1");
        long riverside = population.site(trust, "Riverside Centre");
        long hillview = population.site(trust, "Hillview House");
        long riversideTeam = population.team(riverside, "Riverside Community Mental Health Team",
                "Adults of working age in the Riverside area (demo)");
        long hillviewTeam = population.team(hillview, "Hillview Community Mental Health Team",
                "Adults of working age in the Hillview area (demo)");

        population.account("admin", "Ada Admin (demo)", "ADMIN", passwordHash, null);
        long coordinator = population.account("coordinator", "Cora Coordinator (demo)", "PRACTITIONER", passwordHash,
                null);
        population.member(coordinator, riversideTeam);
        long riversideColleague = population.account("dev.practitioner", "Dev Practitioner (demo)", "PRACTITIONER",
                passwordHash, null);
        population.member(riversideColleague, riversideTeam);
        long riversideLead = population.account("rita.lead", "Rita Lead (demo)", "TEAM_LEADER", passwordHash, null);
        population.member(riversideLead, riversideTeam);
        long teamlead = population.account("teamlead", "Tariq Teamlead (demo)", "TEAM_LEADER", passwordHash, null);
        population.member(teamlead, hillviewTeam);
        long hillviewPractitioner = population.account("priya.practitioner", "Priya Practitioner (demo)",
                "PRACTITIONER", passwordHash, null);
        population.member(hillviewPractitioner, hillviewTeam);
        long trainer = population.account("trainer", "Theo Trainer (demo)", "TRAINER", passwordHash, null);
        population.member(trainer, riversideTeam);
        population.member(trainer, hillviewTeam);
        population.account("researcher", "Rosa Researcher (demo)", "RESEARCHER", passwordHash, null);
        population.account("statistician", "Stan Statistician (demo)", "STATISTICIAN", passwordHash, null);

        List<Long> riversidePeople = population.people(riversideTeam, List.of(coordinator, riversideColleague), 30,
                random, nhsNumbers);
        List<Long> hillviewPeople = population.people(hillviewTeam, List.of(hillviewPractitioner, teamlead), 30, random,
                nhsNumbers);
        long samExample = riversidePeople.get(0);
        population.renamePerson(samExample, "Sam", "Example", "Sam");
        population.account("serviceuser", "Sam Example (demo)", "SERVICE_USER", passwordHash, samExample);

        content.forEach(c -> c.addTo(new DemoContent.DemoPeople(samExample, riversidePeople, coordinator, hillviewPeople,
                hillviewPractitioner)));
        audit.recordFor("system", null, AuditAction.CREATED, AuditOutcome.ALLOWED, "demo_data", null,
                "teams=2 people=60 accounts=" + (USERNAMES.size() + 3));
    }

    private static String randomPassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
