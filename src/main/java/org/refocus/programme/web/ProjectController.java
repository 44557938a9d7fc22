package org.refocus.programme.web;

import jakarta.validation.Valid;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.StaffMember;
import org.refocus.organisation.Organisations;
import org.refocus.organisation.TeamView;
import org.refocus.people.CaseloadScope;
import org.refocus.people.People;
import org.refocus.people.PersonSummary;
import org.refocus.programme.internal.BudgetEntryKind;
import org.refocus.programme.internal.InvalidInputException;
import org.refocus.programme.internal.PartnershipProjects;
import org.refocus.programme.internal.PartnershipProjects.BudgetLineView;
import org.refocus.programme.internal.PartnershipProjects.MemberView;
import org.refocus.programme.internal.PartnershipProjects.ProjectView;
import org.refocus.programme.internal.PartnershipProjects.TaskView;
import org.refocus.programme.internal.ProgrammeAccess;
import org.refocus.programme.internal.ProjectRole;
import org.refocus.programme.internal.ProjectStatus;
import org.refocus.programme.internal.TaskKind;
import org.refocus.programme.internal.TeamProgrammes;
import org.refocus.programme.web.Forms.BudgetForm;
import org.refocus.programme.web.Forms.CorrectionForm;
import org.refocus.programme.web.Forms.DecisionForm;
import org.refocus.programme.web.Forms.OutcomeForm;
import org.refocus.programme.web.Forms.PersonMemberForm;
import org.refocus.programme.web.Forms.ProjectForm;
import org.refocus.programme.web.Forms.StaffMemberForm;
import org.refocus.programme.web.Forms.TaskForm;
import org.refocus.shared.ConflictException;
import org.refocus.shared.NewerVersion;
import org.refocus.shared.NotFoundException;
import org.refocus.shared.Option;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Partnership Project workspace, shared by staff and people who use the service as members. */
@Controller
class ProjectController {

    static final String LIST_VIEW = "projects/index";
    static final String VIEW = "projects/project";
    static final String FORM_VIEW = "projects/project-form";
    static final String OUTCOME_VIEW = "projects/outcome-form";
    static final String MEMBER_VIEW = "projects/member-form";
    static final String TASK_VIEW = "projects/task-form";
    static final String BUDGET_VIEW = "projects/budget-form";
    static final String CORRECTION_VIEW = "projects/correction-form";
    static final String DECISION_VIEW = "projects/decision-form";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final PartnershipProjects projects;
    private final ProgrammeAccess access;
    private final Organisations organisations;
    private final TeamProgrammes programmes;
    private final People people;
    private final Text text;

    ProjectController(PartnershipProjects projects, ProgrammeAccess access, Organisations organisations,
            TeamProgrammes programmes, People people, Text text) {
        this.projects = projects;
        this.access = access;
        this.organisations = organisations;
        this.programmes = programmes;
        this.people = people;
        this.text = text;
    }

    record LedgerRow(long id, String date, String kind, String description, String amount, String balance,
            String recordedBy, String note, boolean correctable) {
    }

    record TaskRow(long id, String kind, String title, String owner, String due, String status, String colour) {
    }

    @GetMapping("/projects")
    String list(Model model) {
        var mine = projects.mine();
        model.addAttribute("projects", mine);
        model.addAttribute("teamNames", organisations.teams(mine.stream().map(p -> p.teamId()).distinct().toList()));
        model.addAttribute("serviceUser", CurrentUser.required().personId() != null);
        return LIST_VIEW;
    }

    @GetMapping("/projects/{id}")
    String project(@PathVariable long id, Model model) {
        ProjectView project = projects.project(id);
        model.addAttribute("project", project);
        model.addAttribute("members", projects.members(id));
        List<TaskRow> tasks = new ArrayList<>();
        for (TaskView t : projects.tasks(id)) {
            boolean late = t.lateOn(programmes.today());
            tasks.add(new TaskRow(t.id(), text.get("task.kind." + t.kind()), t.title(),
                    t.ownerName() == null ? text.get("task.owner.none") : t.ownerName(),
                    t.dueOn() == null ? text.get("task.due.none") : DAY.format(t.dueOn()),
                    t.done() ? text.get("task.status.done", DAY.format(t.doneOn()))
                            : late ? text.get("task.status.late") : text.get("task.status.open"),
                    t.done() ? "green" : late ? "red" : "grey"));
        }
        model.addAttribute("tasks", tasks);
        var budget = projects.budget(id);
        model.addAttribute("ledger", ledger(budget.lines(), project.canContribute()));
        model.addAttribute("allocated", Money.pounds(budget.totals().allocatedPence()));
        model.addAttribute("spent", Money.pounds(budget.totals().spentPence()));
        model.addAttribute("balance", Money.pounds(budget.totals().balancePence()));
        model.addAttribute("decisions", projects.decisions(id));
        model.addAttribute("crumbs", List.of(new Crumb(text.get("nav.home"), "/"),
                new Crumb(text.get("projects.title"), "/projects")));
        return VIEW;
    }

    @GetMapping("/programme/teams/{id}/projects/new")
    String newProject(@PathVariable long id, Model model) {
        access.requireLeader(id);
        model.addAttribute("projectForm", new ProjectForm("", "", null, 0));
        return projectForm(organisations.team(id), null, model);
    }

    @PostMapping("/programme/teams/{id}/projects")
    String create(@PathVariable long id, @Valid @ModelAttribute("projectForm") ProjectForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        access.requireLeader(id);
        if (!result.hasErrors()) {
            long project = projects.create(id, form.title(), form.aims());
            redirect.addFlashAttribute("flash", "project.created");
            return "redirect:/projects/" + project;
        }
        return projectForm(organisations.team(id), null, model);
    }

    @GetMapping("/projects/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ProjectView project = managed(id);
        model.addAttribute("projectForm", new ProjectForm(project.title(), project.aims(), project.status(),
                project.version()));
        return projectForm(organisations.team(project.teamId()), project, model);
    }

    @PostMapping("/projects/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("projectForm") ProjectForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        ProjectView project = managed(id);
        if (form.status() == null) {
            result.rejectValue("status", "project.status.required");
        }
        if (!result.hasErrors()) {
            try {
                projects.update(id, form.title(), form.aims(), form.status(), form.version());
                redirect.addFlashAttribute("flash", "project.saved");
                return "redirect:/projects/" + id;
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey());
            } catch (ConflictException e) {
                project = NewerVersion.show(result, "conflict.newer", managed(id), model);
            }
        }
        return projectForm(organisations.team(project.teamId()), project, model);
    }

    @GetMapping("/projects/{id}/outcome")
    String outcomeForm(@PathVariable long id, Model model) {
        ProjectView project = managed(id);
        model.addAttribute("outcomeForm", new OutcomeForm(project.completedOn() == null ? programmes.today()
                : project.completedOn(), project.outcome(), project.lessons(), project.version()));
        return page(project, OUTCOME_VIEW, model);
    }

    @PostMapping("/projects/{id}/outcome")
    String outcome(@PathVariable long id, @Valid @ModelAttribute("outcomeForm") OutcomeForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        ProjectView project = managed(id);
        if (!result.hasErrors()) {
            try {
                projects.complete(id, form.completedOn(), form.outcome(), form.lessons(), form.version());
                redirect.addFlashAttribute("flash", "project.completed");
                return "redirect:/projects/" + id;
            } catch (ConflictException e) {
                project = NewerVersion.show(result, "conflict.newer", managed(id), model);
            }
        }
        return page(project, OUTCOME_VIEW, model);
    }

    @GetMapping("/projects/{id}/members/new")
    String memberForm(@PathVariable long id, Model model) {
        return memberPage(id, null, model);
    }

    /**
     * Searches the team's caseload for a person to add. Posted, because what is searched for (a name or an NHS
     * number) is personal data and must not be in the address; it changes nothing.
     */
    @PostMapping("/projects/{id}/members/new")
    String searchForMember(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
        return memberPage(id, q, model);
    }

    private String memberPage(long id, String q, Model model) {
        ProjectView project = projects.view(id);
        requireMembers(project);
        model.addAttribute("staffMemberForm", new StaffMemberForm(null, ProjectRole.MEMBER));
        model.addAttribute("personMemberForm", new PersonMemberForm(null, "", ProjectRole.MEMBER));
        return members(project, q, model);
    }

    @PostMapping("/projects/{id}/members")
    String addStaff(@PathVariable long id, @Valid @ModelAttribute("staffMemberForm") StaffMemberForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        ProjectView project = projects.view(id);
        requireMembers(project);
        if (!result.hasErrors()) {
            try {
                projects.addStaffMember(id, form.accountId(), form.projectRole());
                redirect.addFlashAttribute("flash", "project.member.added");
                return "redirect:/projects/" + id;
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        model.addAttribute("personMemberForm", new PersonMemberForm(null, "", ProjectRole.MEMBER));
        return members(project, null, model);
    }

    @PostMapping("/projects/{id}/people")
    String addPerson(@PathVariable long id, @Valid @ModelAttribute("personMemberForm") PersonMemberForm form,
            BindingResult result, @RequestParam(required = false) String q, Model model, RedirectAttributes redirect) {
        ProjectView project = projects.view(id);
        requireMembers(project);
        if (!result.hasErrors()) {
            try {
                projects.addPersonMember(id, form.personId(), form.displayName(), form.personRole());
                redirect.addFlashAttribute("flash", "project.member.added");
                return "redirect:/projects/" + id;
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        model.addAttribute("staffMemberForm", new StaffMemberForm(null, ProjectRole.MEMBER));
        return members(project, q, model);
    }

    @PostMapping("/projects/members/{id}/remove")
    String removeMember(@PathVariable long id, RedirectAttributes redirect) {
        long project = projects.projectOfMember(id);
        projects.removeMember(id);
        redirect.addFlashAttribute("flash", "project.member.removed");
        return "redirect:/projects/" + project;
    }

    @GetMapping("/projects/{id}/tasks/new")
    String newTask(@PathVariable long id, @RequestParam(required = false) TaskKind kind, Model model) {
        ProjectView project = contributing(id);
        model.addAttribute("taskForm", new TaskForm(kind == null ? TaskKind.TASK : kind, "", null, null, false, 0));
        model.addAttribute("task", null);
        return taskForm(project, model);
    }

    @PostMapping("/projects/{id}/tasks")
    String addTask(@PathVariable long id, @Valid @ModelAttribute("taskForm") TaskForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        ProjectView project = contributing(id);
        if (!result.hasErrors()) {
            try {
                projects.addTask(id, form.kind(), form.title(), form.ownerMemberId(), form.dueOn());
                redirect.addFlashAttribute("flash", form.kind() == TaskKind.MILESTONE ? "milestone.added" : "task.added");
                return "redirect:/projects/" + id + "#tasks";
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        model.addAttribute("task", null);
        return taskForm(project, model);
    }

    @GetMapping("/projects/tasks/{id}")
    String task(@PathVariable long id, Model model) {
        ProjectView project = contributing(projects.projectOfTask(id));
        TaskView task = projects.task(id);
        model.addAttribute("taskForm", new TaskForm(task.kind(), task.title(), task.ownerMemberId(), task.dueOn(),
                task.done(), task.version()));
        model.addAttribute("task", task);
        return taskForm(project, model);
    }

    @PostMapping("/projects/tasks/{id}")
    String updateTask(@PathVariable long id, @Valid @ModelAttribute("taskForm") TaskForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        ProjectView project = contributing(projects.projectOfTask(id));
        TaskView task = projects.task(id);
        if (!result.hasErrors()) {
            try {
                projects.updateTask(id, form.title(), form.ownerMemberId(), form.dueOn(), Boolean.TRUE.equals(form.done()),
                        form.version());
                redirect.addFlashAttribute("flash", "task.saved");
                return "redirect:/projects/" + project.id() + "#tasks";
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey());
            } catch (ConflictException e) {
                task = NewerVersion.show(result, "conflict.newer", projects.task(id), model);
            }
        }
        model.addAttribute("task", task);
        return taskForm(project, model);
    }

    @GetMapping("/projects/{id}/budget/new")
    String newEntry(@PathVariable long id, @RequestParam(required = false) BudgetEntryKind kind, Model model) {
        ProjectView project = contributing(id);
        model.addAttribute("budgetForm", new BudgetForm(kind == BudgetEntryKind.ALLOCATION ? kind
                : BudgetEntryKind.SPENDING, "", "", programmes.today()));
        return budgetForm(project, model);
    }

    @PostMapping("/projects/{id}/budget")
    String recordEntry(@PathVariable long id, @Valid @ModelAttribute("budgetForm") BudgetForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        ProjectView project = contributing(id);
        if (!result.hasFieldErrors("amount") && form.amount() != null && Money.valid(form.amount())
                && Money.pence(form.amount()) <= 0) {
            result.rejectValue("amount", "budget.amount.positive");
        }
        if (!result.hasErrors()) {
            try {
                projects.recordEntry(id, form.kind(), Money.pence(form.amount()), form.description(), form.entryDate());
                redirect.addFlashAttribute("flash", "budget.saved");
                return "redirect:/projects/" + id + "#budget";
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        return budgetForm(project, model);
    }

    @GetMapping("/projects/budget-entries/{id}/correction")
    String correctionForm(@PathVariable long id, Model model) {
        ProjectView project = contributing(projects.projectOfEntry(id));
        BudgetLineView entry = correctable(id);
        model.addAttribute("correctionForm", new CorrectionForm(Money.plain(entry.correctedAmountPence()), ""));
        return correction(project, entry, model);
    }

    @PostMapping("/projects/budget-entries/{id}/correction")
    String correct(@PathVariable long id, @Valid @ModelAttribute("correctionForm") CorrectionForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        ProjectView project = contributing(projects.projectOfEntry(id));
        BudgetLineView entry = correctable(id);
        if (!result.hasErrors()) {
            try {
                projects.correct(id, Money.pence(form.amount()), form.reason(), programmes.today());
                redirect.addFlashAttribute("flash", "budget.corrected");
                return "redirect:/projects/" + project.id() + "#budget";
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        return correction(project, entry, model);
    }

    @GetMapping("/projects/{id}/decisions/new")
    String newDecision(@PathVariable long id, Model model) {
        ProjectView project = contributing(id);
        model.addAttribute("decisionForm", new DecisionForm(programmes.today(), ""));
        return page(project, DECISION_VIEW, model);
    }

    @PostMapping("/projects/{id}/decisions")
    String recordDecision(@PathVariable long id, @Valid @ModelAttribute("decisionForm") DecisionForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        ProjectView project = contributing(id);
        if (!result.hasErrors()) {
            projects.recordDecision(id, form.decidedOn(), form.decision());
            redirect.addFlashAttribute("flash", "decision.saved");
            return "redirect:/projects/" + id + "#decisions";
        }
        return page(project, DECISION_VIEW, model);
    }

    private List<LedgerRow> ledger(List<BudgetLineView> lines, boolean canContribute) {
        java.util.Map<Long, BudgetLineView> byId = new java.util.HashMap<>();
        lines.forEach(l -> byId.put(l.id(), l));
        List<LedgerRow> rows = new ArrayList<>();
        for (BudgetLineView l : lines) {
            String note = null;
            if (l.correctsEntryId() != null && byId.containsKey(l.correctsEntryId())) {
                BudgetLineView corrected = byId.get(l.correctsEntryId());
                note = text.get("budget.correctionOf", corrected.description(), DAY.format(corrected.entryDate()));
            } else if (l.kind() != BudgetEntryKind.CORRECTION && l.correctedAmountPence() != l.amountPence()) {
                note = text.get("budget.nowCounts", Money.pounds(l.correctedAmountPence()));
            }
            rows.add(new LedgerRow(l.id(), DAY.format(l.entryDate()), text.get("budget.kind." + l.kind()),
                    l.description(), Money.signed(l.effectPence()), Money.pounds(l.balancePence()),
                    text.get("budget.recordedBy", l.recordedByName(),
                            DAY.format(l.recordedAt().atZone(java.time.ZoneId.systemDefault()))),
                    note, canContribute && l.kind() != BudgetEntryKind.CORRECTION));
        }
        return rows;
    }

    private ProjectView managed(long id) {
        ProjectView project = projects.view(id);
        if (!project.canManage()) {
            throw new AccessDeniedException("not a co-lead");
        }
        return project;
    }

    private ProjectView contributing(long id) {
        ProjectView project = projects.view(id);
        if (!project.canContribute()) {
            throw new AccessDeniedException("not a member");
        }
        return project;
    }

    private static void requireMembers(ProjectView project) {
        if (!project.canManageMembers()) {
            throw new AccessDeniedException("not the team leader");
        }
    }

    private BudgetLineView correctable(long entryId) {
        BudgetLineView entry = projects.entry(entryId).orElseThrow(() -> new NotFoundException("budget entry"));
        if (entry.kind() == BudgetEntryKind.CORRECTION) {
            throw new NotFoundException("budget entry");
        }
        return entry;
    }

    private String projectForm(TeamView team, ProjectView project, Model model) {
        model.addAttribute("team", team);
        model.addAttribute("project", project);
        model.addAttribute("statusOptions", text.options(new ProjectStatus[] {ProjectStatus.PLANNING,
                ProjectStatus.RUNNING}, "project.status."));
        model.addAttribute("crumbs", project == null
                ? List.of(new Crumb(text.get("nav.home"), "/"), new Crumb(text.get("programme.index.title"), "/programme"),
                        new Crumb(team.name(), "/programme/teams/" + team.id()))
                : projectCrumbs(project));
        return FORM_VIEW;
    }

    private String members(ProjectView project, String q, Model model) {
        List<Long> already = projects.members(project.id()).stream().map(MemberView::personId)
                .filter(java.util.Objects::nonNull).toList();
        List<StaffMember> staff = projects.staffWhoCouldJoin(project.id());
        model.addAttribute("staffOptions", withNone(Option.of(staff, StaffMember::accountId, StaffMember::displayName)));
        model.addAttribute("roleOptions", text.options(ProjectRole.values(), "project.role."));
        List<PersonSummary> found = List.of();
        if (q != null && !q.isBlank()) {
            found = people.caseload(q, CaseloadScope.TEAM, 0, 20).items().stream()
                    .filter(p -> p.teamId() == project.teamId() && !already.contains(p.id())).toList();
        }
        model.addAttribute("q", q);
        model.addAttribute("found", found);
        return page(project, MEMBER_VIEW, model);
    }

    private String taskForm(ProjectView project, Model model) {
        model.addAttribute("kindOptions", text.options(TaskKind.values(), "task.kind."));
        model.addAttribute("ownerOptions", withNone(Option.of(projects.members(project.id()), MemberView::id,
                MemberView::displayName)));
        return page(project, TASK_VIEW, model);
    }

    private String budgetForm(ProjectView project, Model model) {
        model.addAttribute("kindOptions", text.options(new BudgetEntryKind[] {BudgetEntryKind.SPENDING,
                BudgetEntryKind.ALLOCATION}, "budget.kind.choice."));
        model.addAttribute("balance", Money.pounds(projects.budget(project.id()).totals().balancePence()));
        return page(project, BUDGET_VIEW, model);
    }

    private String correction(ProjectView project, BudgetLineView entry, Model model) {
        model.addAttribute("entry", entry);
        model.addAttribute("entryAmount", Money.pounds(entry.correctedAmountPence()));
        model.addAttribute("entryDate", DAY.format(entry.entryDate()));
        model.addAttribute("entryKind", text.get("budget.kind." + entry.kind()));
        return page(project, CORRECTION_VIEW, model);
    }

    private String page(ProjectView project, String view, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("crumbs", projectCrumbs(project));
        return view;
    }

    private List<Crumb> projectCrumbs(ProjectView project) {
        return List.of(new Crumb(text.get("nav.home"), "/"), new Crumb(text.get("projects.title"), "/projects"),
                new Crumb(project.title(), "/projects/" + project.id()));
    }

    private List<Option> withNone(List<Option> options) {
        List<Option> all = new ArrayList<>();
        all.add(text.none());
        all.addAll(options);
        return all;
    }
}
