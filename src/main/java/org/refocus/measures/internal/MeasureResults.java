package org.refocus.measures.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.Accounts;
import org.refocus.identity.CurrentUser;
import org.refocus.measures.Measures;
import org.refocus.measures.SupportGap;
import org.refocus.measures.instrument.InstrumentContent;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.measures.instrument.Item;
import org.refocus.measures.instrument.ScoreMethod;
import org.refocus.measures.instrument.ScoreSpec;
import org.refocus.measures.instrument.Subscale;
import org.refocus.people.People;
import org.refocus.programme.OutcomeRecords;
import org.refocus.programme.TeamScore;
import org.refocus.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Results that feed care: each measure over time for a person with change since baseline, the INSPIRE
 * items that matter to them but are poorly supported, and team aggregates (staff only, aggregates only).
 * A person's chart of a score holds only values worked out the way the current version works that score
 * out; their other responses are listed beside it, never silently left out (H-08).
 */
@Service
@Transactional
public class MeasureResults implements Measures, OutcomeRecords {

    /** The full INSPIRE, whose support items each have a "does this matter to you?" gate. */
    static final String INSPIRE = "inspire";

    private final JdbcClient jdbc;
    private final MeasureResponses responses;
    private final InstrumentLibrary library;
    private final People people;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final int gapMaxRating;
    private final int teamMinimumResponses;

    MeasureResults(JdbcClient jdbc, MeasureResponses responses, InstrumentLibrary library, People people,
            Accounts accounts, AuditTrail audit,
            @Value("${refocus.measures.support-gap-max-rating:1}") int gapMaxRating,
            @Value("${refocus.measures.team-minimum-responses:3}") int teamMinimumResponses) {
        this.jdbc = jdbc;
        this.responses = responses;
        this.library = library;
        this.people = people;
        this.accounts = accounts;
        this.audit = audit;
        this.gapMaxRating = gapMaxRating;
        this.teamMinimumResponses = teamMinimumResponses;
    }

    // ---------------------------------------------------------------- one person

    /** One completed response's value of one score; null value when absent (with the absence code). */
    public record Point(long responseId, LocalDate date, BigDecimal value, String absence, String mode,
            StoredScore score) {
    }

    /**
     * A completed response left out of one score's chart, because the version it was scored with works
     * that score out differently from the current version, or has no such score (H-08).
     */
    public record ScoredDifferently(long responseId, LocalDate date) {
    }

    /**
     * One score of one instrument over time.
     *
     * @param points            responses scored the way the current version scores it; may be empty
     * @param baseline          the first present value, null when there is none
     * @param latest            the last present value
     * @param change            latest minus baseline when there are two present values, else null
     * @param scoredDifferently the person's other completed responses, which are not in {@code points}
     */
    public record Series(String scoreKey, String label, BigDecimal minimum, BigDecimal maximum, int decimals,
            List<ScoreSpec.Threshold> thresholds, List<Point> points, BigDecimal baseline, BigDecimal latest,
            BigDecimal change, List<ScoredDifferently> scoredDifferently) {
    }

    public record InstrumentResults(String code, String shortName, String title, List<Series> series,
            long latestResponseId) {
    }

    /** Every measure the person has completed, in catalogue order; reach is checked and the read audited. */
    public List<InstrumentResults> results(long personId) {
        List<ResponseView> completed = responses.completedOf(personId);
        audit.record(AuditAction.VIEWED, "measure_results", personId, personId, "responses=" + completed.size());
        Map<String, List<ResponseView>> byCode = new LinkedHashMap<>();
        for (InstrumentDefinition d : library.current()) {
            byCode.put(d.code(), new ArrayList<>());
        }
        completed.forEach(r -> byCode.computeIfAbsent(r.instrumentCode(), c -> new ArrayList<>()).add(r));
        List<InstrumentResults> results = new ArrayList<>();
        byCode.forEach((code, list) -> {
            if (list.isEmpty()) {
                return;
            }
            InstrumentDefinition current = library.current(code).definition();
            List<Series> series = new ArrayList<>();
            for (ScoreSpec spec : current.scores()) {
                Optional<ScoreMethod> method = ScoreMethod.of(current, spec.key());
                Map<Long, Optional<ScoreMethod>> methodByVersion = new HashMap<>();
                List<Point> points = new ArrayList<>();
                List<ScoredDifferently> scoredDifferently = new ArrayList<>();
                for (ResponseView r : list) {
                    LocalDate date = LocalDate.ofInstant(r.completedAt(), MeasureResponses.UK);
                    StoredScore score = r.scores().get(spec.key());
                    long scoredWith = r.scoringVersionId() != null ? r.scoringVersionId() : r.versionId();
                    if (score != null && method.equals(methodByVersion.computeIfAbsent(scoredWith,
                            v -> ScoreMethod.of(library.version(v).definition(), spec.key())))) {
                        points.add(new Point(r.id(), date, score.value(), score.absence(), r.mode(), score));
                    } else {
                        scoredDifferently.add(new ScoredDifferently(r.id(), date));
                    }
                }
                List<BigDecimal> present = points.stream().map(Point::value).filter(v -> v != null).toList();
                BigDecimal baseline = present.isEmpty() ? null : present.get(0);
                BigDecimal latest = present.isEmpty() ? null : present.get(present.size() - 1);
                BigDecimal change = present.size() < 2 ? null : latest.subtract(baseline);
                series.add(new Series(spec.key(), spec.label(), spec.minimum(), spec.maximum(), spec.decimals(),
                        spec.thresholds(), points, baseline, latest, change, scoredDifferently));
            }
            results.add(new InstrumentResults(code, current.shortName(), current.title(), series,
                    list.get(list.size() - 1).id()));
        });
        return results;
    }

    @Override
    public List<SupportGap> supportGaps(long personId) {
        people.requireReach(personId);
        Optional<ResponseView> latest = jdbc.sql("""
                select id from measure_response where person_id = ? and instrument_code = ? and status = 'COMPLETED'
                order by completed_at desc, id desc limit 1""")
                .params(personId, INSPIRE).query(Long.class).optional().map(responses::find);
        audit.record(AuditAction.VIEWED, "inspire_support_gaps", latest.map(ResponseView::id).orElse(null), personId,
                null);
        if (latest.isEmpty()) {
            return List.of();
        }
        ResponseView response = latest.get();
        InstrumentDefinition definition = library.version(response.versionId()).definition();
        Optional<InstrumentContent> wording = (response.contentId() != null
                ? library.content(response.contentId()) : library.currentContent(response.versionId()))
                .map(InstrumentLibrary.StoredContent::content);
        LocalDate answeredOn = LocalDate.ofInstant(response.completedAt(), MeasureResponses.UK);
        List<SupportGap> gaps = new ArrayList<>();
        for (Item item : definition.items()) {
            if (item.gate() == null || !item.scored()) {
                continue;
            }
            Integer matters = response.answers().get(item.gate().itemKey());
            Integer rating = response.answers().get(item.key());
            if (matters == null || matters != item.gate().includeWhen() || rating == null || rating > gapMaxRating) {
                continue;
            }
            String process = definition.subscales().stream()
                    .filter(s -> s.itemKeys().contains(item.key()) && !s.key().equals("support"))
                    .map(Subscale::label).findFirst().orElse(item.subscaleHint());
            gaps.add(new SupportGap(response.id(), answeredOn, item.key(), process,
                    wording.flatMap(w -> w.itemText(item.key())).orElse(item.label()),
                    wording.map(InstrumentContent::demo).orElse(false),
                    wording.map(InstrumentContent::copyright).orElse(definition.copyright()), rating,
                    item.responseSet().maximum()));
        }
        return gaps;
    }

    // ---------------------------------------------------------------- teams

    /** The mean of one score in one month; {@code mean} is null when too few responses to show. */
    public record MonthMean(YearMonth month, BigDecimal mean, int responses, int people) {
    }

    /** @param scoredDifferently completed responses left out because their version works the score out differently */
    public record TeamSeries(String code, String shortName, String scoreKey, String label, BigDecimal minimum,
            BigDecimal maximum, List<ScoreSpec.Threshold> thresholds, List<MonthMean> months, long scoredDifferently) {
    }

    /**
     * Monthly means of every score the team's people have, for staff who are members of that team.
     * Months with fewer than {@code refocus.measures.team-minimum-responses} responses show no mean,
     * so that nobody's answers can be picked out.
     */
    public List<TeamSeries> team(long teamId) {
        CurrentUser user = CurrentUser.required();
        if (!user.role().isTeamStaff()) {
            throw new AccessDeniedException("staff only");
        }
        if (!accounts.teamsOf(user.accountId()).contains(teamId)) {
            audit.recordDenied(AuditAction.VIEWED, "team_measures", teamId, null);
            throw new NotFoundException("team");
        }
        List<TeamSeries> result = new ArrayList<>();
        for (InstrumentDefinition d : library.current()) {
            result.addAll(teamSeries(teamId, d));
        }
        audit.record(AuditAction.VIEWED, "team_measures", teamId, null, "series=" + result.size());
        return result;
    }

    /**
     * The team's series of every score of one instrument, from one pass over its responses: for each month
     * and score, the mean, how many responses and people it is of; and for each score, how many completed
     * responses were left out because their version works it out differently. A score with no value in any
     * month has no series.
     */
    private List<TeamSeries> teamSeries(long teamId, InstrumentDefinition d) {
        List<ScoreSpec> specs = d.scores();
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < specs.size(); i++) {
            String value = scoreValue(d.code(), specs.get(i).key());
            String v = value == null ? "null::numeric" : value;
            columns.append(", avg(%1$s) as mean_%2$d, count(%1$s) as responses_%2$d, count(distinct case when %1$s is not null then person_id end) as people_%2$d, count(*) filter (where coalesce(scoring_version_id, instrument_version_id) <> all(:comparable_%2$d)) as different_%2$d"
                    .formatted(v, i));
        }
        var query = jdbc.sql("""
                select date_trunc('month', completed_at at time zone 'Europe/London')::date as month%s
                from measure_response
                where team_id = :team and instrument_code = :code and status = 'COMPLETED'
                group by 1 order by 1""".formatted(columns))
                .param("team", teamId).param("code", d.code());
        for (int i = 0; i < specs.size(); i++) {
            query = query.param("comparable_" + i, comparableVersions(d.code(), specs.get(i).key()).toArray(Long[]::new));
        }
        List<List<MonthMean>> months = new ArrayList<>();
        long[] scoredDifferently = new long[specs.size()];
        specs.forEach(spec -> months.add(new ArrayList<>()));
        query.query(rs -> {
            YearMonth month = YearMonth.from(rs.getDate("month").toLocalDate());
            for (int i = 0; i < specs.size(); i++) {
                scoredDifferently[i] += rs.getLong("different_" + i);
                int count = rs.getInt("responses_" + i);
                if (count > 0) {
                    BigDecimal mean = count < teamMinimumResponses ? null : rs.getBigDecimal("mean_" + i)
                            .setScale(Math.max(1, specs.get(i).decimals()), java.math.RoundingMode.HALF_UP);
                    months.get(i).add(new MonthMean(month, mean, count, rs.getInt("people_" + i)));
                }
            }
        });
        List<TeamSeries> series = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            ScoreSpec spec = specs.get(i);
            if (!months.get(i).isEmpty()) {
                series.add(new TeamSeries(d.code(), d.shortName(), spec.key(), spec.label(), spec.minimum(),
                        spec.maximum(), spec.thresholds(), months.get(i), scoredDifferently[i]));
            }
        }
        return series;
    }

    public int teamMinimumResponses() {
        return teamMinimumResponses;
    }

    /**
     * SQL for the stored value of one score: scores are stored in each scoring version's own order, so
     * the position is chosen per version. Only ids and positions the code computed go into the text.
     * A version that works the score out differently from the current version gives no value (null), so
     * that a team mean never averages two scales (hazard H-08), as the person's chart does not.
     */
    private String scoreValue(String code, String scoreKey) {
        StringBuilder sql = new StringBuilder("(case coalesce(scoring_version_id, instrument_version_id)");
        List<Long> comparable = comparableVersions(code, scoreKey);
        for (Long id : comparable) {
            List<ScoreSpec> specs = library.version(id).definition().scores();
            for (int i = 0; i < specs.size(); i++) {
                if (specs.get(i).key().equals(scoreKey)) {
                    sql.append(" when ").append(id).append(" then score_values[").append(i + 1).append(']');
                }
            }
        }
        return comparable.isEmpty() ? null : sql.append(" end)").toString();
    }

    /** The stored versions of {@code code} that work {@code scoreKey} out the way its current version does. */
    private List<Long> comparableVersions(String code, String scoreKey) {
        Optional<ScoreMethod> current = library.current().stream().filter(d -> d.code().equals(code)).findFirst()
                .flatMap(d -> ScoreMethod.of(d, scoreKey));
        return current.isEmpty() ? List.of() : library.all().stream()
                .filter(v -> v.definition().code().equals(code) && current.equals(ScoreMethod.of(v.definition(), scoreKey)))
                .map(InstrumentLibrary.StoredVersion::id).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<TeamScore> monthlyMeans(Collection<Long> teamIds, String instrumentCode, String scoreKey) {
        if (teamIds.isEmpty()) {
            return List.of();
        }
        String value = scoreValue(instrumentCode, scoreKey);
        if (value == null) {
            return List.of();
        }
        return jdbc.sql("""
                select team_id, date_trunc('month', completed_at at time zone 'Europe/London')::date as month,
                       avg(%1$s) as mean, count(*) as responses
                from measure_response
                where team_id in (:teams) and instrument_code = :code and status = 'COMPLETED' and %1$s is not null
                group by 1, 2 order by 2, 1""".formatted(value))
                .param("teams", teamIds).param("code", instrumentCode)
                .query((rs, n) -> new TeamScore(rs.getLong("team_id"), instrumentCode, scoreKey,
                        YearMonth.from(rs.getDate("month").toLocalDate()), rs.getDouble("mean"),
                        rs.getInt("responses")))
                .list();
    }
}
