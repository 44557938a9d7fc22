package org.refocus.recovery;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Results feed care: INSPIRE items that matter but were poorly supported appear on the plan, beside the goals. */
@SpringBootTest
@AutoConfigureMockMvc
class PlanSupportGapsTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCareCoordinatorAndThePersonSeeTheSupportGapsAfterTheGoals() throws Exception {
        long sam = jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();
        String staffView = mvc.perform(get("/people/" + sam + "/plan").with(user(users.loadUserByUsername("coordinator"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Support that matters to Sam")))
                .andExpect(content().string(containsString("<strong>Hope: </strong>")))
                .andExpect(content().string(containsString("<strong>Empowerment: </strong>")))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(staffView.indexOf("id=\"support-gaps\""))
                .isGreaterThan(staffView.indexOf("id=\"goals\""));

        mvc.perform(get("/people/" + sam + "/plan").with(user(users.loadUserByUsername("serviceuser"))))
                .andExpect(content().string(containsString("Support that matters to you")))
                .andExpect(content().string(containsString("They are not a score of you")));
    }

    @Test
    void theGapsAreAlsoBesideTheGoalsListAndTheFormWhereGoalsAreWritten() throws Exception {
        long sam = jdbc.sql("select person_id from account where username = 'serviceuser'").query(Long.class).single();
        for (String path : java.util.List.of("/people/" + sam + "/goals", "/people/" + sam + "/goals/new")) {
            mvc.perform(get(path).with(user(users.loadUserByUsername("coordinator"))))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"support-gaps\"")))
                    .andExpect(content().string(containsString("Support that matters to Sam")))
                    .andExpect(content().string(containsString("<strong>Hope: </strong>")));
        }
        long audited = jdbc.sql("select count(*) from audit_entry where record_type = 'inspire_support_gaps' "
                + "and person_id = ?").param(sam).query(Long.class).single();
        mvc.perform(get("/people/" + sam + "/goals").with(user(users.loadUserByUsername("serviceuser"))))
                .andExpect(content().string(containsString("Support that matters to you")));
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from audit_entry where record_type = "
                + "'inspire_support_gaps' and person_id = ?").param(sam).query(Long.class).single())
                .as("reading the gaps is audited").isEqualTo(audited + 1);
    }

    @Test
    void someoneWithoutAnInspireSeesNoGapSection() throws Exception {
        long other = jdbc.sql("select p.id from person p join team t on t.id = p.team_id where t.name like 'Riverside%' "
                + "and p.id not in (select person_id from measure_response where instrument_code = 'inspire') "
                + "order by p.id limit 1")
                .query(Long.class).single();
        mvc.perform(get("/people/" + other + "/plan").with(user(users.loadUserByUsername("coordinator"))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"support-gaps\""))));
    }
}
