package org.refocus.programme.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.refocus.identity.Role;
import org.refocus.identity.StaffMember;
import org.refocus.organisation.Organisations;
import org.refocus.organisation.TeamView;
import org.refocus.programme.internal.ProgrammeAccess;
import org.refocus.programme.internal.SharedUnderstanding;
import org.refocus.programme.internal.SharedUnderstanding.ExerciseView;
import org.refocus.programme.internal.SharedUnderstanding.ReflectionView;
import org.refocus.programme.internal.SharedUnderstanding.StatementView;
import org.refocus.programme.internal.TeamProgrammes;
import org.refocus.programme.web.Forms.ExerciseForm;
import org.refocus.programme.web.Forms.ReflectionForm;
import org.refocus.programme.web.Forms.StatementForm;
import org.refocus.shared.ConflictException;
import org.refocus.shared.NewerVersion;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The team's statement of what recovery means to it, and staff values exercises with private reflections. */
@Controller
class SharedUnderstandingController {

    static final String STATEMENT_VIEW = "programme/statement";
    static final String STATEMENT_FORM_VIEW = "programme/statement-form";
    static final String VALUES_VIEW = "programme/values";
    static final String EXERCISE_FORM_VIEW = "programme/exercise-form";
    static final String EXERCISE_VIEW = "programme/exercise";

    private final SharedUnderstanding shared;
    private final ProgrammeAccess access;
    private final Organisations organisations;
    private final TeamProgrammes programmes;
    private final Text text;

    SharedUnderstandingController(SharedUnderstanding shared, ProgrammeAccess access, Organisations organisations,
            TeamProgrammes programmes, Text text) {
        this.shared = shared;
        this.access = access;
        this.organisations = organisations;
        this.programmes = programmes;
        this.text = text;
    }

    @GetMapping("/programme/teams/{id}/recovery-statement")
    String statement(@PathVariable long id, Model model) {
        List<StatementView> versions = shared.statements(id);
        Map<Long, StaffMember> names = shared.staff(versions.stream().map(StatementView::createdBy)
                .filter(java.util.Objects::nonNull).toList());
        model.addAttribute("versions", versions);
        model.addAttribute("names", names);
        model.addAttribute("canAgree", access.can(id, Role.TEAM_LEADER, Role.TRAINER));
        return page(id, STATEMENT_VIEW, model);
    }

    @GetMapping("/programme/teams/{id}/recovery-statement/new")
    String newStatement(@PathVariable long id, Model model) {
        access.requireFacilitator(id);
        List<StatementView> versions = shared.statements(id);
        StatementView latest = versions.isEmpty() ? null : versions.get(0);
        model.addAttribute("statementForm", new StatementForm(latest == null ? "" : latest.statement(),
                programmes.today(), "", latest == null ? 0 : latest.versionNo()));
        return page(id, STATEMENT_FORM_VIEW, model);
    }

    @PostMapping("/programme/teams/{id}/recovery-statement")
    String agree(@PathVariable long id, @Valid @ModelAttribute("statementForm") StatementForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        access.requireFacilitator(id);
        if (!result.hasErrors()) {
            try {
                shared.agree(id, form.basedOnVersion(), form.statement(), form.agreedOn(), form.agreedBy());
                redirect.addFlashAttribute("flash", "statement.saved");
                return "redirect:/programme/teams/" + id + "/recovery-statement";
            } catch (ConflictException e) {
                NewerVersion.show(result, "statement.conflict", shared.statements(id).stream().findFirst().orElse(null),
                        model);
            }
        }
        return page(id, STATEMENT_FORM_VIEW, model);
    }

    @GetMapping("/programme/teams/{id}/values")
    String values(@PathVariable long id, Model model) {
        model.addAttribute("exercises", shared.exercises(id));
        model.addAttribute("canRecord", access.can(id, Role.TEAM_LEADER, Role.TRAINER));
        return page(id, VALUES_VIEW, model);
    }

    @GetMapping("/programme/teams/{id}/values/new")
    String newExercise(@PathVariable long id, Model model) {
        access.requireFacilitator(id);
        model.addAttribute("exerciseForm", new ExerciseForm("", programmes.today(), "", 0));
        model.addAttribute("exercise", null);
        return page(id, EXERCISE_FORM_VIEW, model);
    }

    @PostMapping("/programme/teams/{id}/values")
    String recordExercise(@PathVariable long id, @Valid @ModelAttribute("exerciseForm") ExerciseForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        access.requireFacilitator(id);
        if (!result.hasErrors()) {
            long exercise = shared.recordExercise(id, form.title(), form.heldOn(), form.teamOutput());
            redirect.addFlashAttribute("flash", "exercise.saved");
            return "redirect:/programme/values-exercises/" + exercise;
        }
        model.addAttribute("exercise", null);
        return page(id, EXERCISE_FORM_VIEW, model);
    }

    @GetMapping("/programme/values-exercises/{id}")
    String exercise(@PathVariable long id, Model model) {
        ExerciseView exercise = shared.exercise(id);
        ReflectionView mine = shared.myReflection(id).orElse(null);
        model.addAttribute("exercise", exercise);
        model.addAttribute("shared", shared.sharedReflections(id).stream().filter(r -> !r.mine()).toList());
        model.addAttribute("mine", mine);
        model.addAttribute("reflectionForm", mine == null ? new ReflectionForm("", false, null)
                : new ReflectionForm(mine.reflection(), mine.shared(), mine.version()));
        model.addAttribute("canRecord", access.can(exercise.teamId(), Role.TEAM_LEADER, Role.TRAINER));
        return page(exercise.teamId(), EXERCISE_VIEW, model);
    }

    @GetMapping("/programme/values-exercises/{id}/edit")
    String editExercise(@PathVariable long id, Model model) {
        ExerciseView exercise = shared.exercise(id);
        access.requireFacilitator(exercise.teamId());
        model.addAttribute("exerciseForm", new ExerciseForm(exercise.title(), exercise.heldOn(), exercise.teamOutput(),
                exercise.version()));
        model.addAttribute("exercise", exercise);
        return page(exercise.teamId(), EXERCISE_FORM_VIEW, model);
    }

    @PostMapping("/programme/values-exercises/{id}")
    String updateExercise(@PathVariable long id, @Valid @ModelAttribute("exerciseForm") ExerciseForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        ExerciseView exercise = shared.exercise(id);
        access.requireFacilitator(exercise.teamId());
        if (!result.hasErrors()) {
            try {
                shared.updateExercise(id, form.title(), form.heldOn(), form.teamOutput(), form.version());
                redirect.addFlashAttribute("flash", "exercise.saved");
                return "redirect:/programme/values-exercises/" + id;
            } catch (ConflictException e) {
                exercise = NewerVersion.show(result, "conflict.newer", shared.exercise(id), model);
            }
        }
        model.addAttribute("exercise", exercise);
        return page(exercise.teamId(), EXERCISE_FORM_VIEW, model);
    }

    @PostMapping("/programme/values-exercises/{id}/reflection")
    String reflect(@PathVariable long id, @Valid @ModelAttribute("reflectionForm") ReflectionForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        ExerciseView exercise = shared.exercise(id);
        if (!result.hasErrors()) {
            try {
                shared.saveMyReflection(id, form.reflection(), Boolean.TRUE.equals(form.shared()), form.version());
                redirect.addFlashAttribute("flash", Boolean.TRUE.equals(form.shared()) ? "reflection.savedShared"
                        : "reflection.savedPrivate");
                return "redirect:/programme/values-exercises/" + id;
            } catch (ConflictException e) {
                // Only its author writes a reflection: they saved it in another tab or window.
                NewerVersion.show(result, "reflection.conflict", shared.myReflection(id).orElseThrow(), model);
            }
        }
        model.addAttribute("exercise", exercise);
        model.addAttribute("shared", shared.sharedReflections(id).stream().filter(r -> !r.mine()).toList());
        model.addAttribute("mine", shared.myReflection(id).orElse(null));
        model.addAttribute("canRecord", access.can(exercise.teamId(), Role.TEAM_LEADER, Role.TRAINER));
        return page(exercise.teamId(), EXERCISE_VIEW, model);
    }

    private String page(long teamId, String view, Model model) {
        TeamView team = organisations.team(teamId);
        model.addAttribute("team", team);
        List<Crumb> crumbs = new java.util.ArrayList<>(List.of(new Crumb(text.get("nav.home"), "/"),
                new Crumb(text.get("programme.index.title"), "/programme"),
                new Crumb(team.name(), "/programme/teams/" + teamId)));
        if (view.equals(STATEMENT_FORM_VIEW)) {
            crumbs.add(new Crumb(text.get("statement.title"), "/programme/teams/" + teamId + "/recovery-statement"));
        }
        if (view.equals(EXERCISE_VIEW) || view.equals(EXERCISE_FORM_VIEW)) {
            crumbs.add(new Crumb(text.get("values.title"), "/programme/teams/" + teamId + "/values"));
        }
        model.addAttribute("crumbs", crumbs);
        return view;
    }
}
