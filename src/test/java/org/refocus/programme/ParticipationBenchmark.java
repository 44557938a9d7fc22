package org.refocus.programme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.refocus.RefocusApplication;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.refocus.organisation.Organisations;
import org.refocus.organisation.TeamView;
import org.refocus.programme.internal.ParticipationService;
import org.refocus.shared.Command;
import org.refocus.testing.TestDatabases;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Times the organisation-wide participation table: a fresh embedded PostgreSQL, the {@code generate}
 * command's synthetic population (default 1,000 teams and 100,000 people), a programme for every team with
 * delivered sessions, attendance, a recovery statement, a Partnership Project with milestones and resource
 * offers (written set-based in SQL), then {@link ParticipationService#table} for all teams and for one
 * organisation of 100 teams, repeated. Run with {@code scripts/benchmark-participation.sh}.
 *
 * <p>Arguments: {@code [teams] [people] [runs]}.
 */
public final class ParticipationBenchmark {

    private ParticipationBenchmark() {
    }

    public static void main(String[] args) {
        int teams = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int people = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String url = TestDatabases.newDatabaseUrl();
        // A servlet context (on a random port) rather than NONE: in this version the security configuration
        // needs a web application, so `java -jar refocus.jar generate` itself fails to start (reported).
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RefocusApplication.class)
                .web(WebApplicationType.SERVLET).logStartupInfo(false)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--refocus.demo=false", "--logging.level.root=WARN")) {
            Command generate = context.getBeansOfType(Command.class).values().stream()
                    .filter(c -> c.name().equals("generate")).findFirst().orElseThrow();
            long started = System.nanoTime();
            int code = generate.run(List.of("--teams", Integer.toString(teams), "--people", Integer.toString(people),
                    "--seed", "1"), System.out, System.err);
            if (code != 0) {
                throw new IllegalStateException("generate failed");
            }
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            seedProgrammes(jdbc);
            System.out.printf("Data ready in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, counts(jdbc));

            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                    new CurrentUser(0, "benchmark", "Benchmark", Role.RESEARCHER, null, true, null), null, List.of()));
            ParticipationService participation = context.getBean(ParticipationService.class);
            Organisations organisations = context.getBean(Organisations.class);
            List<TeamView> all = organisations.teams();
            String firstOrganisation = all.get(0).organisationName();
            List<TeamView> oneOrganisation = all.stream().filter(t -> t.organisationName().equals(firstOrganisation))
                    .toList();
            boolean practice = context.getBeanProvider(org.refocus.programme.WorkingPracticeRecords.class)
                    .getIfAvailable() != null;
            System.out.println("Working-practice records provider present: " + practice
                    + (practice ? "" : " (caseload figures are 'not available yet' and not part of this timing)"));

            time("All " + all.size() + " teams", runs, () -> participation.table(all));
            time("One organisation, " + oneOrganisation.size() + " teams", runs, () -> participation.table(oneOrganisation));
            Long[] ids = all.stream().map(TeamView::id).toArray(Long[]::new);
            time("Stand-in caseload count per team (one set-based query)", runs, () -> jdbc.sql(
                    "select team_id, count(*) from person where active and team_id = any(?) group by team_id")
                    .param(ids).query((rs, n) -> rs.getLong(1)).list());
            var rows = participation.table(all);
            long high = rows.stream().filter(r -> r.participation().level().name().equals("HIGH")).count();
            System.out.printf("Result: %d teams, %d high and %d low participation%n", rows.size(), high,
                    rows.size() - high);
        }
        System.exit(0);
    }

    private static void time(String what, int runs, Runnable task) {
        for (int i = 0; i < 3; i++) {
            task.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            task.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%s: median %.1f ms, min %.1f ms, max %.1f ms over %d runs%n", what, ms[runs / 2], ms[0],
                ms[runs - 1], runs);
    }

    private static String counts(JdbcClient jdbc) {
        List<String> parts = new ArrayList<>();
        for (String table : List.of("team", "person", "account", "team_programme", "programme_activity",
                "programme_session", "session_attendance", "partnership_project", "project_task", "resource_offer")) {
            parts.add(table + "=" + jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return String.join(" ", parts);
    }

    /** Programme records for every team, set-based and deterministic (no randomness beyond ids). */
    static void seedProgrammes(JdbcClient jdbc) {
        jdbc.sql("""
                insert into team_programme (team_id, template_id, template_name, duration_months, start_date)
                select t.id, p.id, p.name, p.duration_months, current_date - (30 + (t.id % 11) * 30)::int
                from team t cross join programme_template p where p.is_default""").update();
        jdbc.sql("""
                insert into programme_activity (programme_id, component, kind, title, target_count, audience, month)
                select p.id, a.component, a.kind, a.title, a.target_count, a.audience, a.month
                from team_programme p join programme_template_activity a on a.template_id = p.template_id""").update();
        jdbc.sql("""
                insert into programme_session (programme_id, activity_id, team_id, kind, title, planned_on, status,
                                               delivered_on, service_user_attendees)
                select p.id, a.id, p.team_id, a.kind, a.title, d, 'DELIVERED', d, g % 4
                from team_programme p join programme_activity a on a.programme_id = p.id
                cross join lateral generate_series(1, a.target_count) g
                cross join lateral (select p.start_date + ((a.month - 1) * 30 + g * 3)::int as d) x
                where a.kind in ('COACHING_TRAINING', 'RECOVERY_WORKSHOP', 'REFLECTION_SESSION', 'VALUES_SESSION',
                                 'PRACTICE_TRAINING')
                  and d < current_date and (p.team_id + g) % 3 <> 0""").update();
        jdbc.sql("""
                insert into session_attendance (session_id, account_id)
                select s.id, m.account_id from programme_session s join team_membership m on m.team_id = s.team_id
                where (s.id + m.account_id) % 4 <> 0""").update();
        jdbc.sql("""
                insert into recovery_statement (team_id, version_no, statement, agreed_on, agreed_by)
                select team_id, 1, 'Recovery means a life that is meaningful to each person.', start_date + 60, 'The team'
                from team_programme where start_date + 60 < current_date""").update();
        jdbc.sql("""
                insert into partnership_project (team_id, title, aims, status)
                select id, 'Partnership Project ' || id, 'Aims agreed with people who use the service', 'RUNNING'
                from team""").update();
        jdbc.sql("""
                insert into project_task (project_id, kind, title, status, done_on)
                select j.id, 'MILESTONE', 'Milestone ' || g, case when g <= j.id % 5 then 'DONE' else 'OPEN' end,
                       case when g <= j.id % 5 then current_date - 1 end
                from partnership_project j cross join generate_series(1, 4) g""").update();
        // One resource per organisation, offered to a tenth of its people (an offer stays within the
        // resource's organisation).
        jdbc.sql("""
                insert into programme_resource (organisation_id, kind, title, url)
                select id, 'LINK', 'Recovery stories', 'https://example.org/stories' from organisation""").update();
        jdbc.sql("""
                insert into resource_offer (resource_id, person_id, team_id, offered_on)
                select r.id, p.id, p.team_id, current_date - 5
                from person p join team t on t.id = p.team_id join site s on s.id = t.site_id
                join programme_resource r on r.organisation_id = s.organisation_id and r.title = 'Recovery stories'
                where p.id % 10 = 0""").update();
        jdbc.sql("analyze").update();
    }
}
