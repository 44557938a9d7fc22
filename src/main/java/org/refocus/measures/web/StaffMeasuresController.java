package org.refocus.measures.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.refocus.identity.Accounts;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.measures.internal.InstrumentLibrary;
import org.refocus.measures.internal.MeasureResults;
import org.refocus.measures.internal.MeasureSchedules;
import org.refocus.organisation.Organisations;
import org.refocus.organisation.TeamView;
import org.refocus.people.CaseloadScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** For practitioners and team leaders: measures due and overdue, who has paused, and team results (aggregates). */
@Controller
class StaffMeasuresController {

    static final String DUE_VIEW = "measures/due";
    static final String TEAM_VIEW = "measures/team";

    private final MeasureSchedules schedules;
    private final MeasureResults results;
    private final InstrumentLibrary library;
    private final Accounts accounts;
    private final Organisations organisations;
    private final MeasureTexts texts;

    StaffMeasuresController(MeasureSchedules schedules, MeasureResults results, InstrumentLibrary library,
            Accounts accounts, Organisations organisations, MeasureTexts texts) {
        this.schedules = schedules;
        this.results = results;
        this.library = library;
        this.accounts = accounts;
        this.organisations = organisations;
        this.texts = texts;
    }

    /** {@code born}: null if not recorded; shown under the name so that two people of one name are told apart. */
    record DueRow(long personId, String personName, java.time.LocalDate born, String instrumentName, String due, boolean overdue,
            String completion, boolean paused) {
    }

    record PausedRow(long personId, String personName, java.time.LocalDate born, String since, String reason) {
    }

    /** @param scoredDifferently null, or what says how many responses are not in the means and why */
    record TeamBlock(String id, String title, Chart chart, List<MonthRow> months, String scoredDifferently) {
    }

    record MonthRow(String month, String mean, int responses, int people) {
    }

    @GetMapping("/measures/due")
    String due(@RequestParam(required = false) CaseloadScope scope, Model model) {
        CaseloadScope effective = scope != null ? scope
                : CurrentUser.required().role() == Role.PRACTITIONER ? CaseloadScope.MINE : CaseloadScope.TEAM;
        MeasureSchedules.DueList list = schedules.due(effective, MeasureSchedules.DUE_SOON_DAYS);
        model.addAttribute("scope", effective.name());
        model.addAttribute("until", MeasureTexts.DAY.format(list.until()));
        model.addAttribute("items", list.items().stream().map(i -> new DueRow(i.personId(), i.personName(), i.personBorn(),
                library.catalogue().find(i.instrumentCode()).map(InstrumentDefinition::shortName).orElse(i.instrumentCode()),
                MeasureTexts.DAY.format(i.dueOn()), i.overdue(), texts.text("measures.completion." + i.completion()),
                i.paused())).toList());
        model.addAttribute("paused", list.paused().stream().map(p -> new PausedRow(p.personId(), p.personName(), p.personBorn(),
                MeasureTexts.day(p.since()), p.reason())).toList());
        model.addAttribute("teams", myTeams());
        return DUE_VIEW;
    }

    @GetMapping("/measures/teams/{id}")
    String team(@PathVariable long id, Model model) {
        List<MeasureResults.TeamSeries> series = results.team(id);
        TeamView team = organisations.team(id);
        List<TeamBlock> blocks = new ArrayList<>();
        for (MeasureResults.TeamSeries s : series) {
            List<Chart.Value> values = s.months().stream().map(m -> new Chart.Value(m.month().atDay(1), m.mean()))
                    .toList();
            List<Chart.Guide> guides = s.thresholds().stream().filter(t -> !t.key().contains("change"))
                    .map(t -> new Chart.Guide(t.value().doubleValue(), texts.text("measures.chart.threshold",
                            MeasureTexts.plain(t.value())))).toList();
            String title = s.shortName() + ": " + s.label();
            Chart chart = Chart.of("team-" + s.code() + "-" + s.scoreKey(), title,
                    texts.text("measures.team.chartDescription", title, s.months().size()), s.minimum(), s.maximum(),
                    values, guides, true);
            blocks.add(new TeamBlock(s.code() + "-" + s.scoreKey(), title, chart, s.months().stream()
                    .map(m -> new MonthRow(m.month().format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy",
                            java.util.Locale.UK)), m.mean() == null ? texts.text("measures.team.suppressed",
                            results.teamMinimumResponses()) : MeasureTexts.plain(m.mean()), m.responses(), m.people()))
                    .toList(), s.scoredDifferently() == 0 ? null : texts.text(s.scoredDifferently() == 1
                            ? "measures.team.scoredDifferently.one" : "measures.team.scoredDifferently.many",
                            s.scoredDifferently(), s.shortName())));
        }
        model.addAttribute("team", team);
        model.addAttribute("blocks", blocks);
        model.addAttribute("minimum", results.teamMinimumResponses());
        return TEAM_VIEW;
    }

    private Collection<TeamView> myTeams() {
        return organisations.teams(accounts.teamsOf(CurrentUser.required().accountId())).values();
    }
}
