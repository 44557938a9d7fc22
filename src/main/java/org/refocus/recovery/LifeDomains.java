package org.refocus.recovery;

import java.util.List;

/**
 * The life domains of strengths assessments: reference data with a Strengths Model default set.
 * Administrators add, rename, reorder and retire them; a retired domain stays on earlier assessments
 * but is not part of new ones. Changes are audited.
 */
public interface LifeDomains {

    /** Every domain, active first, in order. */
    List<RecoveryPlan.LifeDomain> all();

    RecoveryPlan.LifeDomain domain(long id);

    long add(String name, String prompt);

    void change(long id, String name, String prompt, int position, boolean active, int version);

    class DuplicateNameException extends RuntimeException {
        public DuplicateNameException() {
            super("life domain name already used");
        }
    }
}
