package org.refocus.programme.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Where each planned activity of a team's programme stands on a given day. Pure: no Spring, no database.
 *
 * <p>Month {@code m} of a programme runs from {@code start + (m-1) months} to the day before
 * {@code start + m months}; an activity planned for month {@code m} is due by that last day. A session
 * activity is delivered by the delivered sessions recorded against it. Other kinds are delivered by the
 * team's records of that kind (statements agreed, values exercises, projects, resources offered), which
 * fill that kind's activities in month order: the earliest activity first, up to its target.
 */
public final class Timeline {

    private Timeline() {
    }

    public record PlannedActivity(long id, Component component, ActivityKind kind, String title, int target,
            Audience audience, int month) {
    }

    public enum Status {
        /** Delivered at least the target. */
        DONE,
        /** Past its due date and not done. */
        LATE,
        /** Due by the end of the current programme month. */
        DUE,
        /** Planned for a later month. */
        UPCOMING,
        /** The programme ended before it was done. */
        NOT_DELIVERED
    }

    /**
     * @param delivered what counts towards this activity (may exceed the target)
     * @param counted   the delivered count capped at the target, which is what participation uses
     */
    public record Progress(PlannedActivity activity, int delivered, int counted, LocalDate dueBy, Status status) {
    }

    /** Delivered (capped at each target) against planned, over the activities planned up to a month. */
    public record Tally(int delivered, int planned) {
    }

    /** The programme month containing {@code date}: 1 in the first month, 0 before the start. */
    public static int monthOf(LocalDate start, LocalDate date) {
        if (date.isBefore(start)) {
            return 0;
        }
        return (int) ChronoUnit.MONTHS.between(start, date) + 1;
    }

    public static LocalDate dueBy(LocalDate start, int month) {
        return start.plusMonths(month).minusDays(1);
    }

    public static List<Progress> progress(List<PlannedActivity> activities, Map<Long, Integer> sessionsDelivered,
            Map<ActivityKind, Integer> recordsByKind, LocalDate start, LocalDate today) {
        return progress(activities, sessionsDelivered, recordsByKind, start, today, null);
    }

    /**
     * Progress of a programme that may have ended. An ended programme's timeline is frozen: whatever was
     * not done by the day it ended is {@link Status#NOT_DELIVERED}, never late or due.
     *
     * @param endedOn the day the programme ended, on or before {@code today}; null while it runs
     */
    public static List<Progress> progress(List<PlannedActivity> activities, Map<Long, Integer> sessionsDelivered,
            Map<ActivityKind, Integer> recordsByKind, LocalDate start, LocalDate today, LocalDate endedOn) {
        List<PlannedActivity> ordered = activities.stream()
                .sorted(Comparator.comparingInt(PlannedActivity::month).thenComparingLong(PlannedActivity::id))
                .toList();
        Map<ActivityKind, Integer> remaining = new java.util.EnumMap<>(ActivityKind.class);
        recordsByKind.forEach((kind, count) -> remaining.put(kind, Math.max(0, count)));
        int currentMonth = monthOf(start, today);
        List<Progress> result = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            PlannedActivity activity = ordered.get(i);
            int delivered;
            if (activity.kind().session()) {
                delivered = Math.max(0, sessionsDelivered.getOrDefault(activity.id(), 0));
            } else {
                int left = remaining.getOrDefault(activity.kind(), 0);
                delivered = isLastOfKind(ordered, i) ? left : Math.min(left, activity.target());
                remaining.put(activity.kind(), left - delivered);
            }
            int counted = Math.min(delivered, activity.target());
            LocalDate due = dueBy(start, activity.month());
            Status status;
            if (counted >= activity.target()) {
                status = Status.DONE;
            } else if (endedOn != null) {
                status = Status.NOT_DELIVERED;
            } else if (today.isAfter(due)) {
                status = Status.LATE;
            } else if (activity.month() <= currentMonth) {
                status = Status.DUE;
            } else {
                status = Status.UPCOMING;
            }
            result.add(new Progress(activity, delivered, counted, due, status));
        }
        return result;
    }

    /** Session activities planned up to and including the current programme month: delivered against target. */
    public static Tally sessionsSoFar(List<Progress> progress, LocalDate start, LocalDate today) {
        int month = monthOf(start, today);
        int delivered = 0;
        int planned = 0;
        for (Progress p : progress) {
            if (p.activity().kind().session() && p.activity().month() <= month) {
                delivered += p.counted();
                planned += p.activity().target();
            }
        }
        return new Tally(delivered, planned);
    }

    /** Whether an activity of this kind is planned up to and including the current programme month. */
    public static boolean due(List<PlannedActivity> activities, ActivityKind kind, LocalDate start, LocalDate today) {
        int month = monthOf(start, today);
        return activities.stream().anyMatch(a -> a.kind() == kind && a.month() <= month);
    }

    private static boolean isLastOfKind(List<PlannedActivity> ordered, int index) {
        ActivityKind kind = ordered.get(index).kind();
        for (int j = index + 1; j < ordered.size(); j++) {
            if (ordered.get(j).kind() == kind) {
                return false;
            }
        }
        return true;
    }
}
