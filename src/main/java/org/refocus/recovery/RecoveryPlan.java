package org.refocus.recovery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.refocus.people.PersonSummary;

/**
 * Everything in one person's recovery plan, as the signed-in viewer may see it: values, preferences and
 * the crisis section, the latest strengths assessment, goals with their steps, conversations and
 * ratings, and reviews with the latest Goal Attainment Scaling T-score. {@code can…} flags say what the
 * viewer may change. Items removed from the plan are not included (they stay in the history).
 */
public record RecoveryPlan(PersonSummary person, boolean viewerIsThePerson, List<Value> values,
        List<Preference> preferences, List<CrisisContact> crisisContacts, CrisisPlan crisisPlan,
        List<LifeDomain> domains, Assessment strengths, List<AssessmentHeader> assessments, List<Goal> goals,
        List<Review> reviews, GasScore latestScore, List<Change> changesSinceLastLooked) {

    public List<Preference> preferencesIn(PreferenceArea area) {
        return preferences.stream().filter(p -> p.area() == area).toList();
    }

    public List<Goal> goalsWith(GoalStatus status) {
        return goals.stream().filter(g -> g.status() == status).toList();
    }

    public List<Goal> activeGoals() {
        return goalsWith(GoalStatus.ACTIVE);
    }

    /** The statuses of goals no longer being worked on, in the order the plan shows them. */
    public List<GoalStatus> otherStatuses() {
        return List.of(GoalStatus.PAUSED, GoalStatus.ACHIEVED, GoalStatus.LET_GO);
    }

    public List<PreferenceArea> careAreas() {
        return java.util.Arrays.stream(PreferenceArea.values()).filter(a -> !a.isCrisis()).toList();
    }

    public List<PreferenceArea> crisisAreas() {
        return java.util.Arrays.stream(PreferenceArea.values()).filter(PreferenceArea::isCrisis).toList();
    }

    public Goal goal(long id) {
        return goals.stream().filter(g -> g.id() == id).findFirst().orElse(null);
    }

    public Value value(long id) {
        return values.stream().filter(v -> v.id() == id).findFirst().orElse(null);
    }

    public LifeDomain domain(long id) {
        return domains.stream().filter(d -> d.id() == id).findFirst().orElse(null);
    }

    public Review lastReview() {
        return reviews.isEmpty() ? null : reviews.get(0);
    }

    public boolean viewerIsStaff() {
        return !viewerIsThePerson;
    }

    public boolean hasCrisisSection() {
        return !crisisContacts.isEmpty() || !preferencesIn(PreferenceArea.CRISIS_HELPS).isEmpty()
                || !preferencesIn(PreferenceArea.CRISIS_UNHELPFUL).isEmpty();
    }

    /** One of the person's values, in their words; {@code importance} 1 is the most important. */
    public record Value(long id, String words, int importance, Authorship by, int version, boolean canEdit) {
    }

    public record Preference(long id, PreferenceArea area, String words, Voice voice, Authorship by, int version,
            boolean canEdit) {
    }

    public record CrisisContact(long id, String name, String relationship, String phone, String whenToContact,
            Authorship by, int version, boolean canEdit) {

        /** A {@code tel:} link with only the digits and a leading +, or null without a number. */
        public String telHref() {
            if (phone == null || phone.isBlank()) {
                return null;
            }
            String digits = phone.replaceAll("[^0-9+]", "");
            return digits.isEmpty() ? null : "tel:" + digits;
        }
    }

    /**
     * Whether the crisis section is the person's advance statement; {@code id} is null until saved once.
     * {@code lastChange} is the latest change to any part of the crisis section (who to contact, what
     * helps and what does not, this page), removals included, or null if none is recorded.
     */
    public record CrisisPlan(Long id, boolean advanceStatement, LocalDate madeOn, String anythingElse,
            Authorship by, int version, LastChange lastChange) {
    }

    /** When a part of the plan was last changed and by whom (a display name, or the person's name). */
    public record LastChange(java.time.Instant at, String by, boolean byThePerson) {

        public java.time.ZonedDateTime local() {
            return at.atZone(java.time.ZoneId.of("Europe/London"));
        }
    }

    public record LifeDomain(long id, String code, String name, String prompt, int position, boolean active,
            int version) {
    }

    public record AssessmentHeader(long id, LocalDate assessedOn, String recordedBy) {
    }

    public record Assessment(long id, LocalDate assessedOn, String agreedSummary, List<StrengthEntry> entries,
            Authorship by, int version, boolean canEdit) {

        public StrengthEntry entryFor(long domainId) {
            return entries.stream().filter(e -> e.domainId() == domainId).findFirst().orElse(null);
        }

        public boolean hasContent() {
            return (agreedSummary != null && !agreedSummary.isBlank())
                    || entries.stream().anyMatch(StrengthEntry::hasContent);
        }
    }

    /**
     * One life domain of an assessment. {@code canEdit}: the viewer may change it; the person themselves
     * may change only {@code wants} (what they want, in their words).
     */
    public record StrengthEntry(long id, long assessmentId, long domainId, String domainName, String domainPrompt,
            String currentStatus, String wants, String personalResources, String socialResources,
            String communityResources, Authorship by, int version, boolean canEdit) {

        public boolean hasContent() {
            return notBlank(currentStatus) || notBlank(wants) || notBlank(personalResources)
                    || notBlank(socialResources) || notBlank(communityResources);
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }
    }

    public record Goal(long id, String words, String expectedOutcome, LocalDate targetDate, BigDecimal weight,
            GoalStatus status, String statusReason, List<Chime> chime, List<Long> valueIds, List<Long> domainIds,
            List<Step> steps, List<Conversation> conversations, List<Rating> ratings, Authorship by, int version,
            boolean canEdit) {

        /** The most recent rating of this goal, or null when it has not been reviewed. */
        public Rating latestRating() {
            return ratings.isEmpty() ? null : ratings.get(0);
        }

        public long stepsDone() {
            return steps.stream().filter(Step::done).count();
        }
    }

    public record Conversation(long id, long goalId, LocalDate heldOn, String goalPart, String reality,
            String options, String wayForward, Authorship by, int version, boolean canEdit) {
    }

    /** An action step; {@code owner} is the resolved name of whoever takes it. */
    public record Step(long id, long goalId, String what, StepOwner ownerKind, Long ownerAccountId, String ownerName,
            String owner, LocalDate dueOn, boolean done, LocalDate doneOn, Authorship by, int version,
            boolean canEdit) {
    }

    /** A Goal Attainment Scaling rating of one goal at one review. */
    public record Rating(long reviewId, long goalId, LocalDate reviewedOn, int attainment, BigDecimal weight,
            String comment) {
    }

    /** A review and its T-score across the goals rated (null when none were). */
    public record Review(long id, LocalDate reviewedOn, String notes, List<Rating> ratings, Double tScore,
            Authorship by) {
    }

    /** The T-score of the latest review: 50 means goals were met as expected. */
    public record GasScore(double tScore, LocalDate reviewedOn, int goalsRated) {

        public String rounded() {
            return String.format(java.util.Locale.UK, "%.1f", tScore);
        }
    }

    /** One saved version of an item and what changed from the one before (nothing for the first). */
    public record Change(long revisionId, RecordType recordType, long recordId, String change, Instant changedAt,
            String changedBy, boolean byThePerson, String label, List<FieldChange> fields) {

        public java.time.ZonedDateTime changedLocal() {
            return changedAt.atZone(java.time.ZoneId.of("Europe/London"));
        }

        /** The history filter for this item, as the history page takes it. */
        public String item() {
            return recordType.code() + "-" + recordId;
        }
    }

    /** A field whose text differs between two versions; values are already formatted for reading. */
    public record FieldChange(String field, String before, String after) {
    }

    public record Contact(long id, LocalDate contactOn, ContactKind kind, Integer durationMinutes,
            boolean withThePerson, List<Long> staffIds, List<String> staffNames, String othersPresent,
            List<Practice> practices, String notes, Authorship by, int version) {
    }

    /** Two strengths assessments side by side, domain by domain (either entry may be null). */
    public record Comparison(Assessment from, Assessment to, List<DomainPair> domains) {
    }

    public record DomainPair(String domainName, StrengthEntry from, StrengthEntry to) {

        public boolean differs() {
            return !java.util.Objects.equals(text(from), text(to));
        }

        private static String text(StrengthEntry e) {
            return e == null ? "" : String.join("\u0000", String.valueOf(e.currentStatus()), String.valueOf(e.wants()),
                    String.valueOf(e.personalResources()), String.valueOf(e.socialResources()),
                    String.valueOf(e.communityResources()));
        }
    }
}
