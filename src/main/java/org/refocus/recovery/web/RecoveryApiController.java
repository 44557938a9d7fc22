package org.refocus.recovery.web;

import java.util.List;
import org.refocus.recovery.RecoveryPlan;
import org.refocus.recovery.RecoveryPlans;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The recovery plan and contacts as JSON, under exactly the rules of the pages (reach, audit). */
@RestController
@RequestMapping("/api/v1/people/{id}")
class RecoveryApiController {

    private final RecoveryPlans plans;
    private final MessageSource messages;

    RecoveryApiController(RecoveryPlans plans, MessageSource messages) {
        this.plans = plans;
        this.messages = messages;
    }

    @GetMapping("/recovery-plan")
    PlanJson plan(@PathVariable long id) {
        RecoveryPlan plan = plans.read(id);
        RecoveryPlan.GasScore score = plan.latestScore();
        return new PlanJson(id, plan.values(), plan.preferences(), new Crisis(plan.crisisPlan(), plan.crisisContacts()),
                plan.strengths(), plan.assessments(), plan.goals(), plan.reviews(),
                score == null ? null : new Score(Math.round(score.tScore() * 10) / 10.0, score.reviewedOn(),
                        score.goalsRated(), messages.getMessage("recovery.gas.meaning", null, java.util.Locale.UK)));
    }

    @GetMapping("/contacts")
    List<RecoveryPlan.Contact> contacts(@PathVariable long id) {
        return plans.contacts(id);
    }

    record PlanJson(long personId, List<RecoveryPlan.Value> values, List<RecoveryPlan.Preference> preferences,
            Crisis crisis, RecoveryPlan.Assessment strengths, List<RecoveryPlan.AssessmentHeader> assessments,
            List<RecoveryPlan.Goal> goals, List<RecoveryPlan.Review> reviews, Score latestGasTScore) {
    }

    record Crisis(RecoveryPlan.CrisisPlan plan, List<RecoveryPlan.CrisisContact> contacts) {
    }

    /** The T-score with what it means, so that no client shows a bare number. */
    record Score(double tScore, java.time.LocalDate reviewedOn, int goalsRated, String meaning) {
    }
}
