package org.refocus.recovery.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.refocus.recovery.Chime;
import org.refocus.recovery.ContactKind;
import org.refocus.recovery.Contacts.ContactDetails;
import org.refocus.recovery.GoalStatus;
import org.refocus.recovery.Practice;
import org.refocus.recovery.PreferenceArea;
import org.refocus.recovery.RecoveryGoals.ConversationDetails;
import org.refocus.recovery.RecoveryGoals.GoalDetails;
import org.refocus.recovery.RecoveryGoals.StepDetails;
import org.refocus.recovery.RecoveryPlan;
import org.refocus.recovery.StepOwner;
import org.refocus.recovery.StrengthsAssessments.EntryDetails;
import org.refocus.recovery.ValuesAndPreferences.CrisisContactDetails;
import org.refocus.recovery.Voice;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * What the recovery forms submit. The limits here are the ones stated on each form (the character
 * count under every text box) and are checked again by the database.
 */
final class Forms {

    static final int VALUE_MAX = 500;
    static final int PREFERENCE_MAX = 2000;
    static final int NAME_MAX = 150;
    static final int PHONE_MAX = 40;
    static final int SHORT_MAX = 500;
    static final int ENTRY_MAX = 2000;
    static final int LONG_MAX = 4000;
    static final int GOAL_MAX = 1000;

    private Forms() {
    }

    record ValueForm(
            @NotBlank(message = "{recovery.value.words.required}")
            @Size(max = VALUE_MAX, message = "{recovery.tooLong.500}") String words,
            Integer version) {

        static ValueForm empty() {
            return new ValueForm("", 0);
        }

        static ValueForm of(RecoveryPlan.Value v) {
            return new ValueForm(v.words(), v.version());
        }
    }

    record PreferenceForm(
            @NotNull(message = "{recovery.preference.area.required}") PreferenceArea area,
            @NotBlank(message = "{recovery.preference.words.required}")
            @Size(max = PREFERENCE_MAX, message = "{recovery.tooLong.2000}") String words,
            Voice voice,
            Integer version) {

        static PreferenceForm of(RecoveryPlan.Preference p) {
            return new PreferenceForm(p.area(), p.words(), p.voice(), p.version());
        }
    }

    record CrisisContactForm(
            @NotBlank(message = "{recovery.crisisContact.name.required}")
            @Size(max = NAME_MAX, message = "{recovery.tooLong.150}") String name,
            @Size(max = NAME_MAX, message = "{recovery.tooLong.150}") String relationship,
            @Size(max = PHONE_MAX, message = "{recovery.crisisContact.phone.invalid}")
            @Pattern(regexp = "^$|^[0-9+() -]{6,40}$", message = "{recovery.crisisContact.phone.invalid}") String phone,
            @Size(max = SHORT_MAX, message = "{recovery.tooLong.500}") String whenToContact,
            Integer version) {

        static CrisisContactForm empty() {
            return new CrisisContactForm("", "", "", "", 0);
        }

        static CrisisContactForm of(RecoveryPlan.CrisisContact c) {
            return new CrisisContactForm(c.name(), c.relationship(), c.phone(), c.whenToContact(), c.version());
        }

        CrisisContactDetails details() {
            return new CrisisContactDetails(name, relationship, phone, whenToContact);
        }
    }

    record CrisisPlanForm(
            @NotNull(message = "{recovery.crisisPlan.advanceStatement.required}") Boolean advanceStatement,
            @PastOrPresent(message = "{recovery.date.notFuture}") @DateTimeFormat(iso = ISO.DATE) LocalDate madeOn,
            @Size(max = PREFERENCE_MAX, message = "{recovery.tooLong.2000}") String anythingElse,
            Integer version) {

        static CrisisPlanForm of(RecoveryPlan.CrisisPlan p) {
            return new CrisisPlanForm(p.id() == null ? null : p.advanceStatement(), p.madeOn(), p.anythingElse(),
                    p.id() == null ? null : p.version());
        }
    }

    record StartAssessmentForm(
            @NotNull(message = "{recovery.date.required}") @PastOrPresent(message = "{recovery.date.notFuture}")
            @DateTimeFormat(iso = ISO.DATE) LocalDate assessedOn) {
    }

    record SummaryForm(
            @NotNull(message = "{recovery.date.required}") @PastOrPresent(message = "{recovery.date.notFuture}")
            @DateTimeFormat(iso = ISO.DATE) LocalDate assessedOn,
            @Size(max = LONG_MAX, message = "{recovery.tooLong.4000}") String agreedSummary,
            @NotNull(message = "{form.version.missing}") Integer version) {

        static SummaryForm of(RecoveryPlan.Assessment a) {
            return new SummaryForm(a.assessedOn(), a.agreedSummary(), a.version());
        }
    }

    record EntryForm(
            @Size(max = ENTRY_MAX, message = "{recovery.tooLong.2000}") String currentStatus,
            @Size(max = ENTRY_MAX, message = "{recovery.tooLong.2000}") String wants,
            @Size(max = ENTRY_MAX, message = "{recovery.tooLong.2000}") String personalResources,
            @Size(max = ENTRY_MAX, message = "{recovery.tooLong.2000}") String socialResources,
            @Size(max = ENTRY_MAX, message = "{recovery.tooLong.2000}") String communityResources,
            @NotNull(message = "{form.version.missing}") Integer version) {

        static EntryForm of(RecoveryPlan.StrengthEntry e) {
            return new EntryForm(e.currentStatus(), e.wants(), e.personalResources(), e.socialResources(),
                    e.communityResources(), e.version());
        }

        EntryDetails details() {
            return new EntryDetails(currentStatus, wants, personalResources, socialResources, communityResources);
        }
    }

    record GoalForm(
            @NotBlank(message = "{recovery.goal.words.required}")
            @Size(max = GOAL_MAX, message = "{recovery.tooLong.1000}") String words,
            @Size(max = GOAL_MAX, message = "{recovery.tooLong.1000}") String expectedOutcome,
            @DateTimeFormat(iso = ISO.DATE) LocalDate targetDate,
            @DecimalMin(value = "0.1", message = "{recovery.weight.range}")
            @DecimalMax(value = "100", message = "{recovery.weight.range}") BigDecimal weight,
            List<Chime> chime,
            List<Long> valueIds,
            List<Long> domainIds,
            Integer version) {

        static GoalForm empty() {
            return new GoalForm("", "", null, null, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), 0);
        }

        static GoalForm of(RecoveryPlan.Goal g) {
            return new GoalForm(g.words(), g.expectedOutcome(), g.targetDate(), g.weight(), g.chime(), g.valueIds(),
                    g.domainIds(), g.version());
        }

        GoalDetails details() {
            Set<Chime> processes = chime == null || chime.isEmpty() ? Set.of() : EnumSet.copyOf(chime);
            return new GoalDetails(words, expectedOutcome, targetDate, weight, processes,
                    valueIds == null ? List.of() : valueIds, domainIds == null ? List.of() : domainIds);
        }
    }

    record StatusForm(
            @NotNull(message = "{recovery.goal.status.required}") GoalStatus status,
            @Size(max = GOAL_MAX, message = "{recovery.tooLong.1000}") String reason,
            @NotNull(message = "{form.version.missing}") Integer version) {

        static StatusForm of(RecoveryPlan.Goal g) {
            return new StatusForm(g.status(), g.statusReason(), g.version());
        }
    }

    record ConversationForm(
            @NotNull(message = "{recovery.date.required}") @PastOrPresent(message = "{recovery.date.notFuture}")
            @DateTimeFormat(iso = ISO.DATE) LocalDate heldOn,
            @Size(max = LONG_MAX, message = "{recovery.tooLong.4000}") String goalPart,
            @Size(max = LONG_MAX, message = "{recovery.tooLong.4000}") String reality,
            @Size(max = LONG_MAX, message = "{recovery.tooLong.4000}") String options,
            @Size(max = LONG_MAX, message = "{recovery.tooLong.4000}") String wayForward,
            Integer version) {

        static ConversationForm of(RecoveryPlan.Conversation c) {
            return new ConversationForm(c.heldOn(), c.goalPart(), c.reality(), c.options(), c.wayForward(),
                    c.version());
        }

        boolean blank() {
            return isBlank(goalPart) && isBlank(reality) && isBlank(options) && isBlank(wayForward);
        }

        ConversationDetails details() {
            return new ConversationDetails(heldOn, goalPart, reality, options, wayForward);
        }
    }

    record StepForm(
            @NotBlank(message = "{recovery.step.what.required}")
            @Size(max = SHORT_MAX, message = "{recovery.tooLong.500}") String what,
            StepOwner ownerKind,
            Long ownerAccountId,
            @Size(max = NAME_MAX, message = "{recovery.tooLong.150}") String ownerName,
            @DateTimeFormat(iso = ISO.DATE) LocalDate dueOn,
            Integer version) {

        static StepForm empty() {
            return new StepForm("", StepOwner.PERSON, null, "", null, 0);
        }

        static StepForm of(RecoveryPlan.Step s) {
            return new StepForm(s.what(), s.ownerKind(), s.ownerAccountId(), s.ownerName(), s.dueOn(), s.version());
        }

        StepDetails details() {
            return new StepDetails(what, ownerKind == null ? StepOwner.PERSON : ownerKind, ownerAccountId, ownerName,
                    dueOn);
        }
    }

    /** One goal's line on the review form; {@code attainment} is empty when the goal is not rated this time. */
    record RatingForm(
            Long goalId,
            @Min(value = -2, message = "{recovery.review.attainment.range}")
            @Max(value = 2, message = "{recovery.review.attainment.range}") Integer attainment,
            @DecimalMin(value = "0.1", message = "{recovery.weight.range}")
            @DecimalMax(value = "100", message = "{recovery.weight.range}") BigDecimal weight,
            @Size(max = GOAL_MAX, message = "{recovery.tooLong.1000}") String comment) {
    }

    record ReviewForm(
            @NotNull(message = "{recovery.date.required}") @PastOrPresent(message = "{recovery.date.notFuture}")
            @DateTimeFormat(iso = ISO.DATE) LocalDate reviewedOn,
            @Size(max = LONG_MAX, message = "{recovery.tooLong.4000}") String notes,
            @Valid List<RatingForm> ratings) {
    }

    record ContactForm(
            @NotNull(message = "{recovery.date.required}") @PastOrPresent(message = "{recovery.date.notFuture}")
            @DateTimeFormat(iso = ISO.DATE) LocalDate contactOn,
            @NotNull(message = "{recovery.contact.kind.required}") ContactKind kind,
            @Min(value = 1, message = "{recovery.contact.duration.range}")
            @Max(value = 720, message = "{recovery.contact.duration.range}") Integer durationMinutes,
            @NotNull(message = "{recovery.contact.withThePerson.required}") Boolean withThePerson,
            List<Long> staffIds,
            @Size(max = SHORT_MAX, message = "{recovery.tooLong.500}") String othersPresent,
            List<Practice> practices,
            @Size(max = LONG_MAX, message = "{recovery.tooLong.4000}") String notes,
            Integer version) {

        static ContactForm of(RecoveryPlan.Contact c) {
            return new ContactForm(c.contactOn(), c.kind(), c.durationMinutes(), c.withThePerson(), c.staffIds(),
                    c.othersPresent(), c.practices(), c.notes(), c.version());
        }

        ContactDetails details() {
            return new ContactDetails(contactOn, kind, durationMinutes, withThePerson,
                    staffIds == null ? List.of() : staffIds, othersPresent,
                    practices == null || practices.isEmpty() ? Set.of() : EnumSet.copyOf(practices), notes);
        }
    }

    record LifeDomainForm(
            @NotBlank(message = "{recovery.domain.name.required}")
            @Size(max = 100, message = "{recovery.tooLong.100}") String name,
            @Size(max = 300, message = "{recovery.tooLong.300}") String prompt,
            @Min(value = 1, message = "{recovery.domain.position.range}")
            @Max(value = 999, message = "{recovery.domain.position.range}") Integer position,
            Boolean active,
            Integer version) {

        static LifeDomainForm of(RecoveryPlan.LifeDomain d) {
            return new LifeDomainForm(d.name(), d.prompt(), d.position(), d.active(), d.version());
        }
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
