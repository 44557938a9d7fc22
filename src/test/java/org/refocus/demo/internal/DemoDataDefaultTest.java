package org.refocus.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Demo data is the default only on the embedded database; an explicit setting always wins (H-20). */
class DemoDataDefaultTest {

    @ParameterizedTest(name = "refocus.demo={0}, external database={1} -> demo data {2}")
    @CsvSource(nullValues = "unset", value = {
            "unset, false, true",
            "unset, true,  false",
            "true,  true,  true",
            "true,  false, true",
            "false, false, false",
            "false, true,  false"})
    void demoDataNeedsAnExplicitSettingOnAnExternalDatabase(Boolean setting, boolean external, boolean expected) {
        assertThat(DemoData.wanted(setting, external)).isEqualTo(expected);
    }
}
