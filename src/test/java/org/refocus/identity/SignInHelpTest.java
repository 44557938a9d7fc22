package org.refocus.identity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The sign-in page is shared by staff and by people who use the service; someone who cannot sign in is told
 * whom they can actually ask: a person who uses the service does not know a "REFOCUS administrator".
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignInHelpTest extends DatabaseTest {

    @Autowired
    MockMvc mvc;

    @Test
    void someoneWhoCannotSignInIsToldToAskTheirCareTeamOrIfTheyWorkHereTheirAdministrator() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(
                        "If you do not have an account, or you have forgotten your password, ask your care team. "
                                + "If you work here, ask your REFOCUS administrator.")));
    }
}
