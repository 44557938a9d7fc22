package org.refocus.recovery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Recovery goals in the person's words, coaching conversations (GROW), action steps and Goal
 * Attainment Scaling reviews. The person may add and change their goals and the steps they own, and
 * tick off their steps; staff may do everything, and only staff record conversations and reviews.
 * Updates take the version the caller saw ({@link org.refocus.shared.ConflictException} when stale).
 */
public interface RecoveryGoals {

    long addGoal(long personId, GoalDetails goal);

    void changeGoal(long goalId, GoalDetails goal, int version);

    /** A status other than active needs the person's reason in their words. */
    void changeStatus(long goalId, GoalStatus status, String reason, int version);

    long addConversation(long goalId, ConversationDetails conversation);

    void changeConversation(long conversationId, ConversationDetails conversation, int version);

    /** When the person adds a step themselves, they own it. */
    long addStep(long goalId, StepDetails step);

    void changeStep(long stepId, StepDetails step, int version);

    void markStep(long stepId, boolean done, int version);

    /** Records a review of the goals rated; returns its id. At least one rating. Staff only. */
    long review(long personId, LocalDate reviewedOn, String notes, List<RatingDetails> ratings);

    /** {@code valueIds} and {@code domainIds} must be the person's values and existing life domains. */
    record GoalDetails(String words, String expectedOutcome, LocalDate targetDate, BigDecimal weight,
            Set<Chime> chime, List<Long> valueIds, List<Long> domainIds) {
    }

    record ConversationDetails(LocalDate heldOn, String goalPart, String reality, String options,
            String wayForward) {
    }

    /** {@code ownerAccountId} for a member of staff in the person's team; {@code ownerName} for someone else. */
    record StepDetails(String what, StepOwner ownerKind, Long ownerAccountId, String ownerName, LocalDate dueOn) {
    }

    /** Attainment −2..+2; weight positive (1 when goals matter equally). */
    record RatingDetails(long goalId, int attainment, BigDecimal weight, String comment) {
    }

    /** A goal, value or domain named in a request is not this person's (or does not exist). */
    class InvalidLinkException extends RuntimeException {
        public InvalidLinkException(String what) {
            super(what + " is not part of this plan");
        }
    }
}
