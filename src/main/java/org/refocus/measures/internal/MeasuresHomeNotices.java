package org.refocus.measures.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.refocus.people.CaseloadScope;
import org.refocus.shared.HomeNotice;
import org.refocus.shared.HomeNotices;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * On a practitioner's home page: who on their own caseload has paused questionnaires (so that they are
 * told, not left to find it on the due list), and how many questionnaires are overdue.
 */
@Component
class MeasuresHomeNotices implements HomeNotices {

    /** More than this many pauses are summed up in one line that leads to the due list. */
    static final int PAUSES_LISTED = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final MeasureSchedules schedules;
    private final MeasureResponses responses;
    private final MessageSource messages;

    MeasuresHomeNotices(MeasureSchedules schedules, MeasureResponses responses, MessageSource messages) {
        this.schedules = schedules;
        this.responses = responses;
        this.messages = messages;
    }

    /**
     * On the person's own home page: a questionnaire they started and can finish, or how many are due for
     * them to fill in, so that they need not look under "More" to find them. Nothing while they have paused
     * questionnaires: a pause is not to be nagged about.
     */
    @Override
    public List<HomeNotice> forThePerson(long personId) {
        if (schedules.pauseOf(personId).isPresent()) {
            return List.of();
        }
        String href = "/people/" + personId + "/measures";
        if (responses.inProgressOf(personId).stream().anyMatch(responses::mayAnswer)) {
            return List.of(new HomeNotice(text("measures.home.own.started"), href, text("measures.home.own.link")));
        }
        long due = schedules.of(personId).stream().filter(s -> s.active() && "SELF".equals(s.completion())
                && !s.nextDueOn().isAfter(schedules.today())).count();
        if (due == 0) {
            return List.of();
        }
        return List.of(new HomeNotice(text(due == 1 ? "measures.home.own.due.one" : "measures.home.own.due.many", due),
                href, text("measures.home.own.link")));
    }

    @Override
    public List<HomeNotice> forSignedInStaff() {
        MeasureSchedules.DueList due = schedules.due(CaseloadScope.MINE, 0);
        List<HomeNotice> notices = new ArrayList<>();
        for (MeasureSchedules.PausedPerson p : due.paused().stream().limit(PAUSES_LISTED).toList()) {
            String on = DAY.format(p.since().atZone(ZoneId.of("Europe/London")));
            String text = p.reason() == null || p.reason().isBlank()
                    ? text("measures.home.paused", p.personName(), on)
                    : text("measures.home.pausedReason", p.personName(), on, p.reason());
            notices.add(new HomeNotice(text, "/people/" + p.personId() + "/measures",
                    text("measures.home.pausedLink", p.personName())));
        }
        if (due.paused().size() > PAUSES_LISTED) {
            notices.add(new HomeNotice(text("measures.home.morePaused", due.paused().size() - PAUSES_LISTED),
                    "/measures/due", text("measures.home.dueLink")));
        }
        long overdue = due.items().stream().filter(MeasureSchedules.DueItem::overdue).count();
        if (overdue > 0) {
            notices.add(new HomeNotice(text(overdue == 1 ? "measures.home.overdue.one" : "measures.home.overdue.many",
                    overdue), "/measures/due", text("measures.home.dueLink")));
        }
        return notices;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
