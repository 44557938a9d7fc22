package org.refocus.recovery;

/**
 * The kinds of item in a recovery plan. {@code code} names the item in the audit trail and in the
 * history, and is also its table (which has a {@code person_id}).
 */
public enum RecordType {
    VALUE("recovery_value"),
    PREFERENCE("recovery_preference"),
    CRISIS_CONTACT("recovery_crisis_contact"),
    CRISIS_PLAN("recovery_crisis_plan"),
    STRENGTHS_ASSESSMENT("recovery_strengths_assessment"),
    STRENGTH_ENTRY("recovery_strength_entry"),
    GOAL("recovery_goal"),
    CONVERSATION("recovery_conversation"),
    STEP("recovery_step"),
    REVIEW("recovery_review"),
    CONTACT("recovery_contact");

    private final String code;

    RecordType(String code) {
        this.code = code;
    }

    /** The record type written to the audit trail and the history. */
    public String code() {
        return code;
    }

    /** The table holding this kind of item (a fixed name, never from input). */
    public String table() {
        return code;
    }

    public static RecordType ofCode(String code) {
        for (RecordType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown record type " + code);
    }
}
