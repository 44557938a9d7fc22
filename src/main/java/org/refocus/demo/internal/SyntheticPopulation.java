package org.refocus.demo.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.refocus.people.NhsNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes synthetic teams, staff and people in bulk with COPY. Deterministic for a given seed and
 * starting state: the same call on the same database produces the same rows.
 */
@Component
class SyntheticPopulation {

    private static final int PEOPLE_PER_PRACTITIONER = 25;

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    SyntheticPopulation(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Staff created for a team: the team leader first, then practitioners. */
    record TeamStaff(long teamId, long leaderId, List<Long> practitionerIds) {
    }

    long organisation(String name, String code) {
        return jdbc.sql("insert into organisation (name, code) values (?, ?) returning id").params(name, code)
                .query(Long.class).single();
    }

    long site(long organisationId, String name) {
        return jdbc.sql("insert into site (organisation_id, name) values (?, ?) returning id")
                .params(organisationId, name).query(Long.class).single();
    }

    long team(long siteId, String name, String description) {
        return jdbc.sql("insert into team (site_id, name, description) values (?, ?, ?) returning id")
                .params(siteId, name, description).query(Long.class).single();
    }

    /**
     * An account, active when a password hash is given, otherwise invited-but-unusable. An active demo
     * account linked to a record has already been checked by its holder, so the demo opens on their plan.
     */
    long account(String username, String displayName, String role, String passwordHash, Long personId) {
        return jdbc.sql("""
                        insert into account (username, display_name, role, status, password_hash, person_id,
                            person_confirmed_at)
                        values (?, ?, ?, ?, ?, ?, case when ? then now() end) returning id""")
                .params(username, displayName, role, passwordHash == null ? "INVITED" : "ACTIVE", passwordHash,
                        personId, passwordHash != null && personId != null)
                .query(Long.class).single();
    }

    void member(long accountId, long teamId) {
        jdbc.sql("insert into team_membership (account_id, team_id) values (?, ?)").params(accountId, teamId).update();
    }

    void renamePerson(long personId, String given, String family, String preferred) {
        jdbc.sql("update person set given_name = ?, family_name = ?, preferred_name = ? where id = ?")
                .params(given, family, preferred, personId).update();
    }

    /**
     * Creates people for a team, shared round-robin between the given coordinators, and returns their ids.
     * NHS numbers come from the 999 range reserved for testing.
     */
    List<Long> people(long teamId, List<Long> coordinatorIds, int count, SplittableRandom random,
            NhsNumbers nhsNumbers) {
        StringBuilder csv = new StringBuilder(count * 80);
        for (int i = 0; i < count; i++) {
            Long coordinator = coordinatorIds.isEmpty() ? null : coordinatorIds.get(i % coordinatorIds.size());
            appendPerson(csv, teamId, coordinator, random, nhsNumbers);
        }
        long before = jdbc.sql("select coalesce(max(id), 0) from person").query(Long.class).single();
        copy("copy person (given_name, family_name, date_of_birth, nhs_number, team_id, care_coordinator_id) "
                + "from stdin with (format csv)", csv.toString());
        return jdbc.sql("select id from person where id > ? and team_id = ? order by id").params(before, teamId)
                .query(Long.class).list();
    }

    /** How many generated people are handed to {@code peopleWritten} at a time. */
    static final int BATCH = 10_000;

    /**
     * Generates a whole population: teams spread over organisations and sites, staff sized to the
     * caseload, and people. Reports progress as people are written, and hands their ids on in batches
     * (for other modules' records).
     */
    void generate(int teams, int people, long seed, String staffPasswordHash, LongConsumer progress,
            Consumer<List<Long>> peopleWritten) {
        List<Long> batch = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        NhsNumbers nhsNumbers = nhsNumbers();
        String run = Long.toString(jdbc.sql("select count(*) from organisation").query(Long.class).single() + 1);
        long organisationId = 0;
        long siteId = 0;
        long written = 0;
        for (int t = 0; t < teams; t++) {
            if (t % 100 == 0) {
                organisationId = organisation("Generated Trust " + run + "-" + (t / 100 + 1) + " (synthetic)", null);
            }
            if (t % 10 == 0) {
                siteId = site(organisationId, "Generated Site " + (t / 10 + 1));
            }
            long teamId = team(siteId, "Generated Team " + run + "-" + (t + 1), "Synthetic team for testing");
            int teamPeople = (int) ((long) people * (t + 1) / teams - (long) people * t / teams);
            String prefix = "gen" + run + "-t" + (t + 1);
            long leader = account(prefix + "-lead", "Lead " + SyntheticNames.family(random) + " (synthetic)",
                    "TEAM_LEADER", staffPasswordHash, null);
            member(leader, teamId);
            List<Long> practitioners = new ArrayList<>();
            int practitionerCount = Math.max(1, (teamPeople + PEOPLE_PER_PRACTITIONER - 1) / PEOPLE_PER_PRACTITIONER);
            for (int p = 0; p < practitionerCount; p++) {
                long id = account(prefix + "-p" + (p + 1), SyntheticNames.given(random) + " "
                        + SyntheticNames.family(random) + " (synthetic)", "PRACTITIONER", staffPasswordHash, null);
                member(id, teamId);
                practitioners.add(id);
            }
            batch.addAll(people(teamId, practitioners, teamPeople, random, nhsNumbers));
            if (batch.size() >= BATCH) {
                peopleWritten.accept(List.copyOf(batch));
                batch.clear();
            }
            written += teamPeople;
            progress.accept(written);
        }
        if (!batch.isEmpty()) {
            peopleWritten.accept(List.copyOf(batch));
        }
    }

    /** The next unused test-range NHS numbers in this database. */
    NhsNumbers nhsNumbers() {
        return new NhsNumbers(jdbc.sql("select coalesce(max(substring(nhs_number, 4, 6)::int) + 1, 0) from person "
                + "where nhs_number like '999%'").query(Long.class).single());
    }

    private static void appendPerson(StringBuilder csv, long teamId, Long coordinator, SplittableRandom random,
            NhsNumbers nhsNumbers) {
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(55 * 365));
        String nhs = nhsNumbers.next();
        csv.append(SyntheticNames.given(random)).append(',').append(SyntheticNames.family(random)).append(',')
                .append(born).append(',').append(nhs == null ? "" : nhs).append(',').append(teamId).append(',')
                .append(coordinator == null ? "" : coordinator).append('\n');
    }

    private void copy(String sql, String csv) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not write synthetic rows", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Test-range NHS numbers (999 prefix) with valid check digits, continuing after those already used. */
    static final class NhsNumbers {
        private long next;

        NhsNumbers(long firstSerial) {
            this.next = firstSerial;
        }

        String next() {
            while (next < 1_000_000) {
                String number = NhsNumber.withCheckDigit(String.format("999%06d", next++));
                if (number != null) {
                    return number;
                }
            }
            return null;
        }
    }
}
