package org.refocus.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.refocus.testing.OwnCaseload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The person's own record page describes each part of it to them ("your"), not as staff read it ("this person"). */
@SpringBootTest
@AutoConfigureMockMvc
class YourRecordPageTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePersonReadsAboutTheirOwnPlanQuestionnairesContactsAndResourcesAsYoursAndStaffAsThePersons()
            throws Exception {
        OwnCaseload caseload = OwnCaseload.create(jdbc, "Tamsin");
        String record = "/people/" + caseload.person();

        String own = page(record, caseload.personUser());
        assertThat(own).contains("Your record",
                "What matters to you, your strengths, goals and steps, your preferences and your crisis plan, in your own words.",
                "Each time you met or talked with your care team.",
                "Questionnaires about your recovery and the support you get, what is due, and your results over time.",
                "Recovery stories and information your team has offered you.");
        assertThat(own).doesNotContain("the person&#39;s own words", "offered to this person", "working practices", "??");

        String staff = page(record, caseload.practitioner());
        assertThat(staff).contains("in the person&#39;s own words", "offered to this person",
                "Each contact and the working practices it used.");
    }

    private String page(String path, String username) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(username)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
