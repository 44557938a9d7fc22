package org.refocus.recovery.web;

import static org.refocus.recovery.web.ValuesController.found;
import static org.refocus.recovery.web.ValuesController.mayChange;
import static org.refocus.recovery.web.ValuesController.version;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.refocus.identity.Accounts;
import org.refocus.measures.Measures;
import org.refocus.recovery.Chime;
import org.refocus.recovery.GoalStatus;
import org.refocus.recovery.RecordType;
import org.refocus.recovery.RecoveryGoals;
import org.refocus.recovery.RecoveryGoals.RatingDetails;
import org.refocus.recovery.RecoveryPlan;
import org.refocus.recovery.RecoveryPlans;
import org.refocus.recovery.StepOwner;
import org.refocus.recovery.web.Forms.ConversationForm;
import org.refocus.recovery.web.Forms.GoalForm;
import org.refocus.recovery.web.Forms.RatingForm;
import org.refocus.recovery.web.Forms.ReviewForm;
import org.refocus.recovery.web.Forms.StatusForm;
import org.refocus.recovery.web.Forms.StepForm;
import org.refocus.shared.ConflictException;
import org.refocus.shared.FormAsTyped;
import org.refocus.shared.Option;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Recovery goals with their coaching conversations, steps and reviews. */
@Controller
class GoalsController {

    static final String GOALS_VIEW = "recovery/goals";
    static final String GOAL_VIEW = "recovery/goal";
    static final String GOAL_FORM_VIEW = "recovery/goal-form";
    static final String STATUS_FORM_VIEW = "recovery/goal-status-form";
    static final String CONVERSATION_FORM_VIEW = "recovery/conversation-form";
    static final String STEP_FORM_VIEW = "recovery/step-form";
    static final String REVIEW_FORM_VIEW = "recovery/review-form";

    private final RecoveryPlans plans;
    private final RecoveryGoals goals;
    private final Accounts accounts;
    private final Pages pages;
    private final Measures measures;

    GoalsController(RecoveryPlans plans, RecoveryGoals goals, Accounts accounts, Pages pages, Measures measures) {
        this.plans = plans;
        this.goals = goals;
        this.accounts = accounts;
        this.pages = pages;
        this.measures = measures;
    }

    // Goals

    @GetMapping("/people/{id}/goals")
    String list(@PathVariable long id, Model model) {
        pages.plan(model, plans.section(id, RecordType.GOAL, null), true);
        // Support the person said matters but rated low, beside their goals, as on the plan.
        model.addAttribute("supportGaps", measures.supportGaps(id));
        return GOALS_VIEW;
    }

    @GetMapping("/people/{id}/goals/new")
    String newGoal(@PathVariable long id, Model model) {
        model.addAttribute("goalForm", GoalForm.empty());
        return goalForm(plans.section(id, RecordType.GOAL, null), null, model);
    }

    @PostMapping("/people/{id}/goals")
    String addGoal(@PathVariable long id, @Valid @ModelAttribute GoalForm goalForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long goal = goals.addGoal(id, goalForm.details());
                redirect.addFlashAttribute("flash", "recovery.goal.added");
                return "redirect:/recovery/goals/" + goal;
            } catch (RecoveryGoals.InvalidLinkException e) {
                result.reject("recovery.goal.links.invalid");
            }
        }
        FormAsTyped.keep(model, "goalForm", goalForm, result);
        return goalForm(plans.section(id, RecordType.GOAL, null), null, model);
    }

    @GetMapping("/recovery/goals/{id}")
    String goal(@PathVariable long id, Model model) {
        RecoveryPlan plan = planOfGoal(id);
        pages.plan(model, plan, true, new Pages.Crumb(pages.text("recovery.goals.title"),
                "/people/" + plan.person().id() + "/goals"));
        model.addAttribute("goal", found(plan.goal(id)));
        model.addAttribute("today", today());
        return GOAL_VIEW;
    }

    @GetMapping("/recovery/goals/{id}/edit")
    String editGoal(@PathVariable long id, Model model) {
        RecoveryPlan plan = planOfGoal(id);
        RecoveryPlan.Goal goal = found(plan.goal(id));
        mayChange(goal.canEdit());
        model.addAttribute("goalForm", GoalForm.of(goal));
        return goalForm(plan, goal, model);
    }

    @PostMapping("/recovery/goals/{id}")
    String changeGoal(@PathVariable long id, @Valid @ModelAttribute GoalForm goalForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                goals.changeGoal(id, goalForm.details(), version(goalForm.version()));
                redirect.addFlashAttribute("flash", "recovery.saved");
                return "redirect:/recovery/goals/" + id;
            } catch (ConflictException e) {
                result.reject("recovery.conflict");
            } catch (RecoveryGoals.InvalidLinkException e) {
                result.reject("recovery.goal.links.invalid");
            }
        }
        RecoveryPlan plan = planOfGoal(id);
        RecoveryPlan.Goal newer = found(plan.goal(id));
        if (result.getGlobalErrors().stream().anyMatch(e -> "recovery.conflict".equals(e.getCode()))) {
            model.addAttribute("newer", newer);
        }
        FormAsTyped.keep(model, "goalForm", goalForm, result);
        return goalForm(plan, newer, model);
    }

    private String goalForm(RecoveryPlan plan, RecoveryPlan.Goal existing, Model model) {
        List<Pages.Crumb> crumbs = new ArrayList<>();
        crumbs.add(new Pages.Crumb(pages.text("recovery.goals.title"), "/people/" + plan.person().id() + "/goals"));
        if (existing != null) {
            crumbs.add(new Pages.Crumb(existing.words(), "/recovery/goals/" + existing.id()));
        }
        pages.plan(model, plan, true, crumbs.toArray(Pages.Crumb[]::new));
        model.addAttribute("existing", existing);
        // What the person said matters but is poorly supported, to write goals with (the CHIME boxes below).
        model.addAttribute("supportGaps", measures.supportGaps(plan.person().id()));
        model.addAttribute("chimeOptions", pages.options(Chime.values(), "recovery.chime.choice."));
        model.addAttribute("valueOptions", Option.of(plan.values(), RecoveryPlan.Value::id, RecoveryPlan.Value::words));
        model.addAttribute("domainOptions", Option.of(plan.domains().stream()
                .filter(d -> d.active() || existing != null && existing.domainIds().contains(d.id())).toList(),
                RecoveryPlan.LifeDomain::id, RecoveryPlan.LifeDomain::name));
        return GOAL_FORM_VIEW;
    }

    @GetMapping("/recovery/goals/{id}/status")
    String editStatus(@PathVariable long id, Model model) {
        RecoveryPlan plan = planOfGoal(id);
        RecoveryPlan.Goal goal = found(plan.goal(id));
        mayChange(goal.canEdit());
        model.addAttribute("statusForm", StatusForm.of(goal));
        return statusForm(plan, goal, model);
    }

    @PostMapping("/recovery/goals/{id}/status")
    String changeStatus(@PathVariable long id, @Valid @ModelAttribute StatusForm statusForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (statusForm.status() != null && statusForm.status() != GoalStatus.ACTIVE
                && Forms.isBlank(statusForm.reason()) && !result.hasFieldErrors("reason")) {
            // Said to the person about their own goal in their words; staff are asked for the person's words.
            result.rejectValue("reason", org.refocus.identity.CurrentUser.required().personId() != null
                    ? "recovery.goal.reason.required.you" : "recovery.goal.reason.required");
        }
        if (!result.hasErrors()) {
            try {
                goals.changeStatus(id, statusForm.status(), statusForm.reason(), version(statusForm.version()));
                redirect.addFlashAttribute("flash", "recovery.saved");
                return "redirect:/recovery/goals/" + id;
            } catch (ConflictException e) {
                result.reject("recovery.conflict");
            }
        }
        RecoveryPlan plan = planOfGoal(id);
        RecoveryPlan.Goal newer = found(plan.goal(id));
        if (result.getGlobalErrorCount() > 0) {
            model.addAttribute("newer", newer);
        }
        return statusForm(plan, newer, model);
    }

    private String statusForm(RecoveryPlan plan, RecoveryPlan.Goal goal, Model model) {
        goalCrumbs(model, plan, goal);
        model.addAttribute("statusOptions", pages.options(GoalStatus.values(), "recovery.goal.status.choice."));
        return STATUS_FORM_VIEW;
    }

    private void goalCrumbs(Model model, RecoveryPlan plan, RecoveryPlan.Goal goal) {
        pages.plan(model, plan, true,
                new Pages.Crumb(pages.text("recovery.goals.title"), "/people/" + plan.person().id() + "/goals"),
                new Pages.Crumb(goal.words(), "/recovery/goals/" + goal.id()));
        model.addAttribute("goal", goal);
    }

    private RecoveryPlan planOfGoal(long goalId) {
        return plans.section(plans.personOf(RecordType.GOAL, goalId), RecordType.GOAL, goalId);
    }

    // Coaching conversations (GROW)

    @GetMapping("/recovery/goals/{id}/conversations/new")
    String newConversation(@PathVariable long id, Model model) {
        RecoveryPlan plan = planOfGoal(id);
        model.addAttribute("conversationForm", new ConversationForm(today(), "", "", "", "", 0));
        return conversationForm(plan, found(plan.goal(id)), null, model);
    }

    @PostMapping("/recovery/goals/{id}/conversations")
    String addConversation(@PathVariable long id, @Valid @ModelAttribute ConversationForm conversationForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (conversationForm.blank()) {
            result.rejectValue("goalPart", "recovery.conversation.empty");
        }
        if (!result.hasErrors()) {
            goals.addConversation(id, conversationForm.details());
            redirect.addFlashAttribute("flash", "recovery.conversation.added");
            return "redirect:/recovery/goals/" + id + "#conversations";
        }
        RecoveryPlan plan = planOfGoal(id);
        return conversationForm(plan, found(plan.goal(id)), null, model);
    }

    @GetMapping("/recovery/conversations/{id}")
    String editConversation(@PathVariable long id, Model model) {
        RecoveryPlan plan = plans.section(plans.personOf(RecordType.CONVERSATION, id), RecordType.CONVERSATION, id);
        RecoveryPlan.Conversation conversation = conversation(plan, id);
        mayChange(conversation.canEdit());
        model.addAttribute("conversationForm", ConversationForm.of(conversation));
        return conversationForm(plan, found(plan.goal(conversation.goalId())), conversation, model);
    }

    @PostMapping("/recovery/conversations/{id}")
    String changeConversation(@PathVariable long id, @Valid @ModelAttribute ConversationForm conversationForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (conversationForm.blank()) {
            result.rejectValue("goalPart", "recovery.conversation.empty");
        }
        if (!result.hasErrors()) {
            try {
                goals.changeConversation(id, conversationForm.details(), version(conversationForm.version()));
                redirect.addFlashAttribute("flash", "recovery.saved");
                long goal = plans.section(plans.personOf(RecordType.CONVERSATION, id), RecordType.CONVERSATION, id)
                        .goals().stream().filter(g -> g.conversations().stream().anyMatch(c -> c.id() == id))
                        .findFirst().orElseThrow().id();
                return "redirect:/recovery/goals/" + goal + "#conversations";
            } catch (ConflictException e) {
                result.reject("recovery.conflict");
            }
        }
        RecoveryPlan plan = plans.section(plans.personOf(RecordType.CONVERSATION, id), RecordType.CONVERSATION, id);
        RecoveryPlan.Conversation newer = conversation(plan, id);
        if (result.getGlobalErrorCount() > 0) {
            model.addAttribute("newer", newer);
        }
        return conversationForm(plan, found(plan.goal(newer.goalId())), newer, model);
    }

    private static RecoveryPlan.Conversation conversation(RecoveryPlan plan, long id) {
        return found(plan.goals().stream().flatMap(g -> g.conversations().stream()).filter(c -> c.id() == id)
                .findFirst().orElse(null));
    }

    private String conversationForm(RecoveryPlan plan, RecoveryPlan.Goal goal, RecoveryPlan.Conversation existing,
            Model model) {
        goalCrumbs(model, plan, goal);
        model.addAttribute("existing", existing);
        return CONVERSATION_FORM_VIEW;
    }

    // Steps

    @GetMapping("/recovery/goals/{id}/steps/new")
    String newStep(@PathVariable long id, Model model) {
        RecoveryPlan plan = planOfGoal(id);
        RecoveryPlan.Goal goal = found(plan.goal(id));
        mayChange(goal.canEdit());
        model.addAttribute("stepForm", StepForm.empty());
        return stepForm(plan, goal, null, model);
    }

    @PostMapping("/recovery/goals/{id}/steps")
    String addStep(@PathVariable long id, @Valid @ModelAttribute StepForm stepForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        RecoveryPlan plan = planOfGoal(id);
        checkOwner(stepForm, result, plan.viewerIsThePerson());
        if (!result.hasErrors()) {
            try {
                goals.addStep(id, stepForm.details());
                redirect.addFlashAttribute("flash", "recovery.step.added");
                return "redirect:/recovery/goals/" + id + "#steps";
            } catch (RecoveryGoals.InvalidLinkException e) {
                result.rejectValue("ownerAccountId", "recovery.step.ownerAccountId.required");
            }
        }
        return stepForm(plan, found(plan.goal(id)), null, model);
    }

    @GetMapping("/recovery/steps/{id}")
    String editStep(@PathVariable long id, Model model) {
        RecoveryPlan plan = plans.section(plans.personOf(RecordType.STEP, id), RecordType.STEP, id);
        RecoveryPlan.Step step = step(plan, id);
        mayChange(step.canEdit());
        model.addAttribute("stepForm", StepForm.of(step));
        return stepForm(plan, found(plan.goal(step.goalId())), step, model);
    }

    @PostMapping("/recovery/steps/{id}")
    String changeStep(@PathVariable long id, @Valid @ModelAttribute StepForm stepForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        RecoveryPlan plan = plans.section(plans.personOf(RecordType.STEP, id), RecordType.STEP, id);
        checkOwner(stepForm, result, plan.viewerIsThePerson());
        if (!result.hasErrors()) {
            try {
                goals.changeStep(id, stepForm.details(), version(stepForm.version()));
                redirect.addFlashAttribute("flash", "recovery.saved");
                return "redirect:/recovery/goals/" + step(plan, id).goalId() + "#steps";
            } catch (ConflictException e) {
                result.reject("recovery.conflict");
                plan = plans.section(plan.person().id(), RecordType.STEP, id);
            } catch (RecoveryGoals.InvalidLinkException e) {
                result.rejectValue("ownerAccountId", "recovery.step.ownerAccountId.required");
            }
        }
        RecoveryPlan.Step newer = step(plan, id);
        if (result.getGlobalErrorCount() > 0) {
            model.addAttribute("newer", newer);
        }
        return stepForm(plan, found(plan.goal(newer.goalId())), newer, model);
    }

    /** Ticks a step off (or back on); {@code back} returns to the plan instead of the goal. */
    @PostMapping("/recovery/steps/{id}/done")
    String markStep(@PathVariable long id, @RequestParam boolean done, @RequestParam int version,
            @RequestParam(required = false) String back, RedirectAttributes redirect) {
        long personId = plans.personOf(RecordType.STEP, id);
        RecoveryPlan plan = plans.section(personId, RecordType.STEP, id);
        RecoveryPlan.Step step = step(plan, id);
        try {
            goals.markStep(id, done, version);
            redirect.addFlashAttribute("flash", done ? "recovery.step.done" : "recovery.step.notDone");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "recovery.step.conflict");
        }
        return "plan".equals(back) ? "redirect:/people/" + personId + "/plan#goal-" + step.goalId()
                : "redirect:/recovery/goals/" + step.goalId() + "#steps";
    }

    private static RecoveryPlan.Step step(RecoveryPlan plan, long id) {
        return found(plan.goals().stream().flatMap(g -> g.steps().stream()).filter(s -> s.id() == id).findFirst()
                .orElse(null));
    }

    private void checkOwner(StepForm form, BindingResult result, boolean viewerIsThePerson) {
        if (viewerIsThePerson) {
            return;
        }
        if (form.ownerKind() == null) {
            result.rejectValue("ownerKind", "recovery.step.ownerKind.required");
        } else if (form.ownerKind() == StepOwner.STAFF && form.ownerAccountId() == null) {
            result.rejectValue("ownerAccountId", "recovery.step.ownerAccountId.required");
        } else if (form.ownerKind() == StepOwner.SOMEONE_ELSE && Forms.isBlank(form.ownerName())
                && !result.hasFieldErrors("ownerName")) {
            result.rejectValue("ownerName", "recovery.step.ownerName.required");
        }
    }

    private String stepForm(RecoveryPlan plan, RecoveryPlan.Goal goal, RecoveryPlan.Step existing, Model model) {
        goalCrumbs(model, plan, goal);
        model.addAttribute("existing", existing);
        model.addAttribute("ownerOptions", pages.options(StepOwner.values(), "recovery.step.owner.choice."));
        List<Option> staff = new ArrayList<>();
        staff.add(new Option("", pages.text("recovery.step.ownerAccountId.choose")));
        staff.addAll(Option.of(accounts.staffOfTeam(plan.person().teamId()), s -> s.accountId(),
                s -> s.displayName()));
        model.addAttribute("staffOptions", staff);
        return STEP_FORM_VIEW;
    }

    // Reviews (Goal Attainment Scaling)

    @GetMapping("/people/{id}/reviews/new")
    String newReview(@PathVariable long id, Model model) {
        RecoveryPlan plan = plans.section(id, RecordType.REVIEW, null);
        List<RatingForm> ratings = plan.goals().stream().filter(g -> g.status() == GoalStatus.ACTIVE)
                .map(g -> new RatingForm(g.id(), null, g.weight() == null ? BigDecimal.ONE : g.weight(), ""))
                .toList();
        model.addAttribute("reviewForm", new ReviewForm(today(), "", new ArrayList<>(ratings)));
        return reviewForm(plan, model);
    }

    @PostMapping("/people/{id}/reviews")
    String addReview(@PathVariable long id, @Valid @ModelAttribute ReviewForm reviewForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        List<RatingForm> rated = reviewForm.ratings() == null ? List.of()
                : reviewForm.ratings().stream().filter(r -> r.goalId() != null && r.attainment() != null).toList();
        if (rated.isEmpty() && !result.hasErrors()) {
            result.reject("recovery.review.noneRated");
        }
        if (!result.hasErrors()) {
            try {
                goals.review(id, reviewForm.reviewedOn(), reviewForm.notes(), rated.stream()
                        .map(r -> new RatingDetails(r.goalId(), r.attainment(),
                                r.weight() == null ? BigDecimal.ONE : r.weight(), r.comment()))
                        .toList());
                redirect.addFlashAttribute("flash", "recovery.review.added");
                return "redirect:/people/" + id + "/plan#review";
            } catch (RecoveryGoals.InvalidLinkException e) {
                result.reject("recovery.goal.links.invalid");
            }
        }
        FormAsTyped.keep(model, "reviewForm", reviewForm, result);
        return reviewForm(plans.section(id, RecordType.REVIEW, null), model);
    }

    private String reviewForm(RecoveryPlan plan, Model model) {
        pages.plan(model, plan, true);
        model.addAttribute("attainmentOptions", List.of(
                new Option("", pages.text("recovery.review.attainment.notRated")),
                new Option("2", pages.text("recovery.gas.level.2")),
                new Option("1", pages.text("recovery.gas.level.1")),
                new Option("0", pages.text("recovery.gas.level.0")),
                new Option("-1", pages.text("recovery.gas.level.-1")),
                new Option("-2", pages.text("recovery.gas.level.-2"))));
        return REVIEW_FORM_VIEW;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }
}
