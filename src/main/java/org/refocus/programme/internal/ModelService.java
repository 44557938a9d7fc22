package org.refocus.programme.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.refocus.organisation.TeamView;
import org.refocus.programme.OutcomeRecords;
import org.refocus.programme.TeamScore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The REFOCUS model over time for one team or a group of teams: delivery (participation from the dated
 * programme records) → staff support for recovery (mean INSPIRE) → recovery (mean QPR). Outcome means
 * come from the module that owns questionnaires; when none is installed they are "not available yet",
 * never a made-up number.
 */
@Service
@Transactional(readOnly = true)
public class ModelService {

    private static final int MAX_MONTHS = 24;

    public record ModelMonth(YearMonth month, Double delivery, int teamsDelivering, Double staffSupport,
            int staffSupportResponses, Double recovery, int recoveryResponses) {
    }

    public record ModelView(List<ModelMonth> months, LineChart delivery, LineChart staffSupport, LineChart recovery,
            boolean outcomesAvailable, double staffSupportMax, double recoveryMax) {
    }

    private final ParticipationService participation;
    private final TeamProgrammes programmes;
    private final ObjectProvider<OutcomeRecords> outcomes;
    private final ProgrammeProperties.Model settings;

    ModelService(ParticipationService participation, TeamProgrammes programmes, ObjectProvider<OutcomeRecords> outcomes,
            ProgrammeProperties properties) {
        this.participation = participation;
        this.programmes = programmes;
        this.outcomes = outcomes;
        this.settings = properties.getModel();
    }

    /** Month by month from the earliest programme start (at most 24 months, at least the last 12) to now. */
    public ModelView model(List<TeamView> teams, List<ParticipationService.TeamRow> current) {
        LocalDate today = programmes.today();
        YearMonth last = YearMonth.from(today);
        YearMonth first = last.minusMonths(11);
        for (ParticipationService.TeamRow row : current) {
            if (row.programme() != null && YearMonth.from(row.programme().startDate()).isBefore(first)) {
                first = YearMonth.from(row.programme().startDate());
            }
        }
        if (first.isBefore(last.minusMonths(MAX_MONTHS - 1))) {
            first = last.minusMonths(MAX_MONTHS - 1);
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }

        Map<YearMonth, double[]> delivery = new HashMap<>();
        boolean anyProgramme = current.stream().anyMatch(r -> r.programme() != null);
        for (YearMonth month : months) {
            if (!anyProgramme) {
                break;
            }
            LocalDate asOf = month.equals(last) ? today : month.atEndOfMonth();
            double sum = 0;
            int n = 0;
            for (ParticipationService.TeamRow row : participation.compute(teams, asOf, false)) {
                if (row.programme() != null && row.participation().index() != null) {
                    sum += row.participation().index();
                    n++;
                }
            }
            if (n > 0) {
                delivery.put(month, new double[] {sum / n, n});
            }
        }

        OutcomeRecords provider = outcomes.getIfAvailable();
        Map<YearMonth, double[]> support = Map.of();
        Map<YearMonth, double[]> recovery = Map.of();
        if (provider != null) {
            List<Long> ids = teams.stream().map(TeamView::id).toList();
            support = pooled(provider.monthlyMeans(ids, settings.getStaffSupportInstrument(),
                    settings.getStaffSupportScore()));
            recovery = pooled(provider.monthlyMeans(ids, settings.getRecoveryInstrument(), settings.getRecoveryScore()));
        }

        List<ModelMonth> rows = new ArrayList<>();
        Map<YearMonth, Double> deliveryPercent = new HashMap<>();
        Map<YearMonth, Double> supportMeans = new HashMap<>();
        Map<YearMonth, Double> recoveryMeans = new HashMap<>();
        for (YearMonth month : months) {
            double[] d = delivery.get(month);
            double[] s = support.get(month);
            double[] r = recovery.get(month);
            rows.add(new ModelMonth(month, d == null ? null : d[0], d == null ? 0 : (int) d[1],
                    s == null ? null : s[0], s == null ? 0 : (int) s[1], r == null ? null : r[0],
                    r == null ? 0 : (int) r[1]));
            if (d != null) {
                deliveryPercent.put(month, d[0] * 100);
            }
            if (s != null) {
                supportMeans.put(month, s[0]);
            }
            if (r != null) {
                recoveryMeans.put(month, r[0]);
            }
        }
        return new ModelView(rows, LineChart.of(months, deliveryPercent, 0, 100, 0),
                LineChart.of(months, supportMeans, 0, settings.getStaffSupportMax(), 0),
                LineChart.of(months, recoveryMeans, 0, settings.getRecoveryMax(), 0), provider != null,
                settings.getStaffSupportMax(), settings.getRecoveryMax());
    }

    /** Pools teams' monthly means into one mean per month, weighted by the number of responses. */
    static Map<YearMonth, double[]> pooled(List<TeamScore> scores) {
        Map<YearMonth, double[]> sums = new HashMap<>();
        for (TeamScore s : scores) {
            if (s.responses() <= 0 || Double.isNaN(s.mean())) {
                continue;
            }
            double[] acc = sums.computeIfAbsent(s.month(), k -> new double[2]);
            acc[0] += s.mean() * s.responses();
            acc[1] += s.responses();
        }
        Map<YearMonth, double[]> means = new HashMap<>();
        sums.forEach((month, acc) -> means.put(month, new double[] {acc[0] / acc[1], acc[1]}));
        return means;
    }
}
