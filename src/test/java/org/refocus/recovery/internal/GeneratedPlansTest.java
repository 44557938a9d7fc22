package org.refocus.recovery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.refocus.demo.DemoContent;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The generator hook: a deterministic share of generated people get a plan, with its history. */
@SpringBootTest
@AutoConfigureMockMvc
class GeneratedPlansTest extends DatabaseTest {

    @Autowired
    List<DemoContent> content;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aQuarterOfGeneratedPeopleGetAWholePlanWithEveryItemInTheHistory() {
        List<Long> people = teamOf(400);
        content.forEach(c -> c.addToGenerated(new DemoContent.GeneratedPeople(people, 7)));

        long withPlans = count("select count(distinct person_id) from recovery_goal where person_id = any(?)", people);
        assertThat(withPlans).isBetween(60L, 140L);
        Long[] ids = people.toArray(Long[]::new);
        assertThat(count("select count(*) from recovery_value where person_id = any(?)", people)).isEqualTo(3 * withPlans);
        assertThat(count("select count(*) from recovery_strength_entry where person_id = any(?)", people))
                .isEqualTo(7 * withPlans);
        assertThat(count("select count(*) from recovery_step where person_id = any(?)", people)).isEqualTo(4 * withPlans);
        assertThat(count("select count(*) from recovery_goal_rating where person_id = any(?)", people))
                .isEqualTo(2 * withPlans);
        assertThat(count("select count(*) from recovery_contact where person_id = any(?) "
                + "and practices && array['GOAL_STRIVING']::text[]", people)).isEqualTo(2 * withPlans);
        long items = count("""
                select (select count(*) from recovery_value where person_id = any(?))
                     + (select count(*) from recovery_preference where person_id = any(?))
                     + (select count(*) from recovery_crisis_contact where person_id = any(?))
                     + (select count(*) from recovery_strengths_assessment where person_id = any(?))
                     + (select count(*) from recovery_strength_entry where person_id = any(?))
                     + (select count(*) from recovery_goal where person_id = any(?))
                     + (select count(*) from recovery_step where person_id = any(?))
                     + (select count(*) from recovery_conversation where person_id = any(?))
                     + (select count(*) from recovery_review where person_id = any(?))
                     + (select count(*) from recovery_contact where person_id = any(?))""", ids, 10);
        assertThat(count("select count(*) from recovery_revision where person_id = any(?)", people)).isEqualTo(items);
        // Every goal links to the person's most important value and has steps owned by the person or their coordinator.
        assertThat(count("select count(*) from recovery_goal where person_id = any(?) and cardinality(value_ids) = 1",
                people)).isEqualTo(2 * withPlans);
    }

    @Test
    void theSameSeedChoosesTheSamePeople() {
        List<Long> first = teamOf(100);
        List<Long> second = teamOf(100);
        content.forEach(c -> c.addToGenerated(new DemoContent.GeneratedPeople(first, 3)));
        List<Long> chosen = jdbc.sql("select distinct person_id from recovery_goal where person_id = any(?) order by 1")
                .param(first.toArray(Long[]::new)).query(Long.class).list();
        assertThat(chosen).allSatisfy(id -> assertThat(((id * 2654435761L + 3) % 1000003) % 100).isLessThan(25));
        assertThat(second).isNotEmpty();
    }

    private List<Long> teamOf(int size) {
        long site = jdbc.sql("select id from site order by id limit 1").query(Long.class).single();
        long team = jdbc.sql("insert into team (site_id, name) values (?, ?) returning id")
                .params(site, "Generated " + System.nanoTime()).query(Long.class).single();
        long coordinator = jdbc.sql("select id from account where username = 'coordinator'").query(Long.class).single();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ids.add(jdbc.sql("insert into person (given_name, family_name, team_id, care_coordinator_id) "
                    + "values ('Gen', ?, ?, ?) returning id").params("P" + i, team, coordinator).query(Long.class).single());
        }
        return ids;
    }

    private long count(String sql, List<Long> people) {
        return jdbc.sql(sql).param(people.toArray(Long[]::new)).query(Long.class).single();
    }

    private long count(String sql, Long[] ids, int times) {
        Object[] params = new Object[times];
        java.util.Arrays.fill(params, ids);
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
