package org.refocus.programme.internal;

import java.util.ArrayList;
import java.util.List;
import org.refocus.programme.TeamPracticeCounts;

/**
 * Computes a team's participation from counts of its records. Pure: no Spring, no database.
 *
 * <p>Each figure is a numerator over a denominator. A figure is left out of the index when there is
 * nothing to count (a zero denominator: no staff, nothing planned yet, nobody on the caseload) or when
 * the records behind it are not available in this installation yet; the index is the weighted mean of
 * the figures that are counted, and says which were left out. One exception: when the programme says the
 * Partnership Project should have started but no milestone is planned, that figure counts as 0.
 */
public final class ParticipationCalculator {

    private ParticipationCalculator() {
    }

    /**
     * What is known about one team.
     *
     * @param practice null when no module provides working-practice records
     */
    public record TeamRecords(long teamId, boolean hasProgramme, int teamStaff, int trainedStaff,
            int sessionsDelivered, int sessionsPlanned, boolean projectDue, int milestonesDone,
            int milestonesPlanned, TeamPracticeCounts practice) {
    }

    public enum FigureStatus {
        /** Counted in the index. */
        COUNTED,
        /** Counted as 0: it is due by now and nothing is recorded. */
        OVERDUE,
        /** Left out: the denominator is 0. */
        NOTHING_TO_COUNT,
        /** Left out: the records behind it are not available in this installation yet. */
        NOT_AVAILABLE_YET
    }

    public enum Level {
        HIGH, LOW, NOT_AVAILABLE
    }

    public record FigureValue(Figure figure, int numerator, int denominator, Double share, double weight,
            FigureStatus status) {

        public boolean inIndex() {
            return (status == FigureStatus.COUNTED || status == FigureStatus.OVERDUE) && weight > 0;
        }
    }

    public record TeamParticipation(long teamId, List<FigureValue> figures, Double index, Level level) {

        public FigureValue figure(Figure f) {
            return figures.stream().filter(v -> v.figure() == f).findFirst().orElseThrow();
        }
    }

    public static TeamParticipation compute(TeamRecords r, ParticipationSettings settings) {
        List<FigureValue> figures = new ArrayList<>();
        figures.add(ratio(Figure.TRAINING, r.trainedStaff(), r.teamStaff(), settings));
        figures.add(ratio(Figure.SESSIONS, r.sessionsDelivered(), r.sessionsPlanned(), settings));
        TeamPracticeCounts p = r.practice();
        if (p == null) {
            for (Figure f : List.of(Figure.VALUES, Figure.STRENGTHS, Figure.ACTIVE_GOAL, Figure.GOAL_STRIVING)) {
                figures.add(new FigureValue(f, 0, 0, null, settings.weight(f), FigureStatus.NOT_AVAILABLE_YET));
            }
        } else {
            figures.add(ratio(Figure.VALUES, p.withValues(), p.caseload(), settings));
            figures.add(ratio(Figure.STRENGTHS, p.withStrengths(), p.caseload(), settings));
            figures.add(ratio(Figure.ACTIVE_GOAL, p.withActiveGoal(), p.caseload(), settings));
            figures.add(ratio(Figure.GOAL_STRIVING, p.withRecentGoalStriving(), p.caseload(), settings));
        }
        if (r.milestonesPlanned() == 0 && r.projectDue()) {
            figures.add(new FigureValue(Figure.PROJECT, 0, 0, 0.0, settings.weight(Figure.PROJECT),
                    FigureStatus.OVERDUE));
        } else {
            figures.add(ratio(Figure.PROJECT, r.milestonesDone(), r.milestonesPlanned(), settings));
        }
        double weighted = 0;
        double weights = 0;
        for (FigureValue v : figures) {
            if (v.inIndex()) {
                weighted += v.weight() * v.share();
                weights += v.weight();
            }
        }
        Double index = weights > 0 ? weighted / weights : null;
        Level level = index == null ? Level.NOT_AVAILABLE
                : index >= settings.highThreshold() - 1e-12 ? Level.HIGH : Level.LOW;
        return new TeamParticipation(r.teamId(), List.copyOf(figures), index, level);
    }

    private static FigureValue ratio(Figure figure, int numerator, int denominator, ParticipationSettings settings) {
        if (denominator <= 0) {
            return new FigureValue(figure, Math.max(0, numerator), 0, null, settings.weight(figure),
                    FigureStatus.NOTHING_TO_COUNT);
        }
        // Records can outnumber the denominator (more sessions than planned): the share stops at 1.
        int counted = Math.max(0, Math.min(numerator, denominator));
        return new FigureValue(figure, counted, denominator, (double) counted / denominator, settings.weight(figure),
                FigureStatus.COUNTED);
    }
}
