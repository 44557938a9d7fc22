package org.refocus.programme.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditOutcome;
import org.refocus.audit.AuditTrail;
import org.refocus.demo.DemoContent;
import org.refocus.identity.Accounts;
import org.refocus.identity.Role;
import org.refocus.identity.StaffMember;
import org.refocus.organisation.Organisations;
import org.refocus.organisation.TeamView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo programme: every demo team runs the default REFOCUS programme, started four months ago, with some
 * sessions delivered (attendance and a trainer's report) and some planned; the coordinator's team has an
 * agreed recovery statement, a values exercise, and a Partnership Project whose members include the demo
 * service user; the library has two resources of the coordinator's organisation, both offered to the demo
 * service user. Written with SQL
 * because it runs at first start with nobody signed in.
 */
@Component
class ProgrammeDemoContent implements DemoContent {

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final TeamProgrammes programmes;

    ProgrammeDemoContent(JdbcClient jdbc, Organisations organisations, Accounts accounts, AuditTrail audit,
            TeamProgrammes programmes) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.accounts = accounts;
        this.audit = audit;
        this.programmes = programmes;
    }

    @Override
    public void addTo(DemoPeople demo) {
        LocalDate today = programmes.today();
        LocalDate start = today.minusMonths(4).withDayOfMonth(1);
        long template = jdbc.sql("select id from programme_template where is_default").query(Long.class).single();
        List<TeamView> teams = organisations.teams();
        Map<Long, List<StaffMember>> members = accounts.membersOfTeams(teams.stream().map(TeamView::id).toList());
        // The demo service user is on the coordinator's caseload, so in the coordinator's team.
        long serviceUsersTeam = accounts.teamsOf(demo.coordinatorAccountId()).iterator().next();
        int sessions = 0;
        for (TeamView team : teams) {
            List<StaffMember> staff = members.get(team.id()).stream().filter(s -> s.role().isTeamStaff()).toList();
            List<StaffMember> trainers = members.get(team.id()).stream().filter(s -> s.role() == Role.TRAINER).toList();
            Long trainer = trainers.isEmpty() ? null : trainers.get(0).accountId();
            boolean main = team.id() == serviceUsersTeam;
            long programme = programme(team.id(), template, start, trainers);
            // The coordinator's team has taken part more than the other: the demo shows high and low.
            sessions += session(programme, team.id(), "RECOVERY_WORKSHOP", "Recovery workshop 1: what recovery means",
                    start.plusDays(20), true, staff, main ? staff.size() : 1, 3, trainer, main);
            sessions += session(programme, team.id(), "VALUES_SESSION", "Exploring staff values",
                    start.plusDays(45), true, staff, main ? staff.size() : 1, 0, trainer, false);
            sessions += session(programme, team.id(), "COACHING_TRAINING", "Coaching skills training, part 1 (GROW)",
                    start.plusDays(70), main, staff, staff.size() - 1, 0, trainer, main);
            sessions += session(programme, team.id(), "COACHING_TRAINING", "Coaching skills training, part 2",
                    main ? start.plusDays(95) : today.plusDays(10), main, staff, staff.size() - 1, 0, trainer, false);
            sessions += session(programme, team.id(), "REFLECTION_SESSION", "Coaching practice reflection",
                    today.plusDays(30), false, staff, 0, 0, trainer, false);
            sessions += session(programme, team.id(), "RECOVERY_WORKSHOP", "Recovery workshop 2: CHIME in practice",
                    today.plusDays(24), false, staff, 0, 0, trainer, false);
            if (main) {
                recoveryStatement(team.id(), start.plusDays(80), staff.isEmpty() ? null : staff.get(0).accountId());
                valuesExercise(team.id(), start.plusDays(45), trainer);
                project(team.id(), staff, demo, start.plusDays(85));
            }
        }
        resources(demo.serviceUserPersonId(), serviceUsersTeam, demo.coordinatorAccountId(), today.minusDays(14));
        audit.recordFor("system", null, AuditAction.CREATED, AuditOutcome.ALLOWED, "programme_demo_data", null,
                "programmes=" + teams.size() + " sessions=" + sessions + " projects=1 resources=2");
    }

    private long programme(long teamId, long template, LocalDate start, List<StaffMember> trainers) {
        long id = jdbc.sql("""
                        insert into team_programme (team_id, template_id, template_name, duration_months, start_date)
                        select ?, id, name, duration_months, ? from programme_template where id = ? returning id""")
                .params(teamId, Date.valueOf(start), template).query(Long.class).single();
        jdbc.sql("""
                        insert into programme_activity (programme_id, component, kind, title, target_count, audience, month)
                        select ?, component, kind, title, target_count, audience, month
                        from programme_template_activity where template_id = ? order by month, id""")
                .params(id, template).update();
        for (StaffMember trainer : trainers) {
            jdbc.sql("insert into team_programme_facilitator (programme_id, account_id) values (?, ?)")
                    .params(id, trainer.accountId()).update();
        }
        return id;
    }

    private int session(long programme, long teamId, String kind, String title, LocalDate on, boolean delivered,
            List<StaffMember> staff, int attending, int serviceUsers, Long trainer, boolean report) {
        long activity = jdbc.sql("select id from programme_activity where programme_id = ? and kind = ? order by month, id limit 1")
                .params(programme, kind).query(Long.class).single();
        long id = jdbc.sql("""
                        insert into programme_session (programme_id, activity_id, team_id, kind, title, planned_on,
                                                       location, status, delivered_on, service_user_attendees,
                                                       materials, created_by, updated_by)
                        values (?, ?, ?, ?, ?, ?, 'Team base, meeting room 2', ?, ?, ?, ?, ?, ?) returning id""")
                .params(programme, activity, teamId, kind, title, Date.valueOf(on), delivered ? "DELIVERED" : "PLANNED",
                        delivered ? Date.valueOf(on) : null, delivered ? serviceUsers : null,
                        delivered ? "REFOCUS manual slides; GROW prompt cards" : null, trainer, trainer)
                .query(Long.class).single();
        if (delivered) {
            for (StaffMember s : staff.subList(0, Math.max(0, Math.min(attending, staff.size())))) {
                jdbc.sql("insert into session_attendance (session_id, account_id, created_by) values (?, ?, ?)")
                        .params(id, s.accountId(), trainer).update();
            }
        }
        if (delivered && report && trainer != null) {
            jdbc.sql("""
                            update programme_session set report = ?, rating_engagement = 4, rating_aims_met = 4,
                                   rating_readiness = 3, report_by = ?, report_at = now() where id = ?""")
                    .params("The team engaged well and shared examples from their own work. Two people who use "
                            + "the service spoke about what helped them. Next time: more practice in pairs.",
                            trainer, id)
                    .update();
        }
        return 1;
    }

    private void recoveryStatement(long teamId, LocalDate on, Long by) {
        jdbc.sql("""
                        insert into recovery_statement (team_id, version_no, statement, agreed_on, agreed_by, created_by)
                        values (?, 1, ?, ?, ?, ?)""")
                .params(teamId, "For us, recovery means each person building a life that is meaningful to them, "
                        + "in their own way and at their own pace. We support hope, connection and choice, and we "
                        + "work alongside people as partners.", Date.valueOf(on),
                        "The whole team and three people who use the service, at the second recovery workshop", by)
                .update();
    }

    private void valuesExercise(long teamId, LocalDate on, Long by) {
        jdbc.sql("""
                        insert into values_exercise (team_id, title, held_on, team_output, created_by, updated_by)
                        values (?, 'Why we do this work', ?, ?, ?, ?)""")
                .params(teamId, Date.valueOf(on), "We value being alongside people, honesty and hope. We named "
                        + "that worry about risk sometimes gets in the way of supporting people's own choices.",
                        by, by)
                .update();
    }

    private void project(long teamId, List<StaffMember> staff, DemoPeople demo, LocalDate on) {
        StaffMember lead = staff.stream().filter(s -> s.role() == Role.TEAM_LEADER).findFirst().orElse(staff.get(0));
        long id = jdbc.sql("""
                        insert into partnership_project (team_id, title, aims, status, created_by, updated_by, created_at)
                        values (?, 'Recovery café', ?, 'RUNNING', ?, ?, ?) returning id""")
                .params(teamId, "A monthly café run with people who use the service, where anyone can drop in, "
                        + "share what helps and hear recovery stories.", lead.accountId(), lead.accountId(),
                        java.sql.Timestamp.valueOf(on.atTime(10, 0)))
                .query(Long.class).single();
        List<Long> memberIds = new ArrayList<>();
        memberIds.add(member(id, lead.accountId(), null, lead.displayName(), "CO_LEAD", lead.accountId()));
        StaffMember coordinator = staff.stream().filter(s -> s.accountId() == demo.coordinatorAccountId()).findFirst()
                .orElse(null);
        if (coordinator != null) {
            memberIds.add(member(id, coordinator.accountId(), null, coordinator.displayName(), "MEMBER", lead.accountId()));
        }
        long sam = member(id, null, demo.serviceUserPersonId(), "Sam", "CO_LEAD", lead.accountId());
        jdbc.sql("""
                        insert into project_task (project_id, kind, title, owner_member_id, due_on, status, done_on,
                                                  created_by, updated_by, created_at)
                        values (?, 'MILESTONE', 'Agree the café''s name and day', ?, ?, 'DONE', ?, ?, ?, ?),
                               (?, 'MILESTONE', 'First café session', ?, ?, 'OPEN', null, ?, ?, ?),
                               (?, 'MILESTONE', 'Review with everyone who came', ?, ?, 'OPEN', null, ?, ?, ?),
                               (?, 'TASK', 'Book the community room', ?, ?, 'OPEN', null, ?, ?, ?)""")
                .params(id, sam, Date.valueOf(on.plusDays(14)), Date.valueOf(on.plusDays(12)), lead.accountId(),
                        lead.accountId(), java.sql.Timestamp.valueOf(on.atTime(11, 0)),
                        id, memberIds.get(0), Date.valueOf(programmes.today().plusDays(21)), lead.accountId(),
                        lead.accountId(), java.sql.Timestamp.valueOf(on.atTime(11, 0)),
                        id, sam, Date.valueOf(programmes.today().plusDays(60)), lead.accountId(), lead.accountId(),
                        java.sql.Timestamp.valueOf(on.atTime(11, 0)),
                        id, sam, Date.valueOf(programmes.today().plusDays(7)), lead.accountId(), lead.accountId(),
                        java.sql.Timestamp.valueOf(on.atTime(11, 0)))
                .update();
        jdbc.sql("""
                        insert into project_budget_entry (project_id, kind, amount_pence, description, entry_date,
                                                          recorded_by, recorded_by_name)
                        values (?, 'ALLOCATION', 50000, 'Partnership Project budget from the trust', ?, ?, ?),
                               (?, 'SPENDING', 4560, 'Tea, coffee and biscuits for the planning meeting', ?, ?, ?)""")
                .params(id, Date.valueOf(on), lead.accountId(), lead.displayName(),
                        id, Date.valueOf(on.plusDays(12)), lead.accountId(), lead.displayName())
                .update();
        jdbc.sql("""
                        insert into project_decision (project_id, decided_on, decision, recorded_by, recorded_by_name)
                        values (?, ?, 'The café will run on the first Thursday of each month, 2pm to 4pm.', ?, ?)""")
                .params(id, Date.valueOf(on.plusDays(12)), lead.accountId(), lead.displayName()).update();
    }

    private long member(long project, Long account, Long person, String name, String role, long by) {
        return jdbc.sql("""
                        insert into project_member (project_id, account_id, person_id, display_name, project_role, created_by)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(project, account, person, name, role, by).query(Long.class).single();
    }

    private void resources(long person, long teamId, long coordinator, LocalDate offeredOn) {
        long organisation = organisations.site(organisations.team(teamId).siteId()).organisationId();
        long link = jdbc.sql("""
                        insert into programme_resource (organisation_id, kind, title, summary, url, created_by,
                                                        updated_by)
                        values (?, 'LINK', 'Recovery stories (demo link)', ?, 'https://example.org/recovery-stories',
                                ?, ?)
                        returning id""")
                .params(organisation,
                        "People who use mental health services describe, in their own words, what has helped them.",
                        coordinator, coordinator)
                .query(Long.class).single();
        byte[] story = ("My recovery story (fictional, for the demo)\n\nA year ago I did not think things could get "
                + "better. Small steps helped: a walk every morning, a group on Thursdays, and a worker who asked "
                + "what mattered to me.\n").getBytes(StandardCharsets.UTF_8);
        long file = jdbc.sql("""
                        insert into programme_resource (organisation_id, kind, title, summary, file_name,
                                                        content_type, size_bytes, created_by, updated_by)
                        values (?, 'RECOVERY_STORY', 'A recovery story (demo)', 'A short story about small steps.',
                                'a-recovery-story.txt', 'text/plain', ?, ?, ?) returning id""")
                .params(organisation, (long) story.length, coordinator, coordinator).query(Long.class).single();
        jdbc.sql("insert into programme_resource_file (resource_id, content) values (?, ?)").params(file, story).update();
        for (long resource : List.of(link, file)) {
            jdbc.sql("""
                            insert into resource_offer (resource_id, person_id, team_id, offered_on, note, offered_by)
                            values (?, ?, ?, ?, 'Talked about it at our last meeting', ?)""")
                    .params(resource, person, teamId, Date.valueOf(offeredOn), coordinator).update();
        }
    }
}
