package org.refocus.programme.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.refocus.programme.internal.ActivityKind;
import org.refocus.programme.internal.Audience;
import org.refocus.programme.internal.BudgetEntryKind;
import org.refocus.programme.internal.Component;
import org.refocus.programme.internal.ProjectRole;
import org.refocus.programme.internal.ProjectStatus;
import org.refocus.programme.internal.ResourceKind;
import org.refocus.programme.internal.TaskKind;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.multipart.MultipartFile;

/** What people type into the programme module's forms. Validation messages are message keys. */
final class Forms {

    private Forms() {
    }

    record TemplateCopyForm(
            @NotNull(message = "{template.organisation.required}") Long organisationId,
            @NotBlank(message = "{template.name.required}") @Size(max = 150, message = "{field.tooLong}") String name) {
    }

    record TemplateForm(
            @NotBlank(message = "{template.name.required}") @Size(max = 150, message = "{field.tooLong}") String name,
            @Size(max = 2000, message = "{field.tooLong}") String description,
            @NotNull(message = "{template.duration.required}") @Min(value = 1, message = "{template.duration.range}")
            @Max(value = 60, message = "{template.duration.range}") Integer durationMonths,
            @NotNull(message = "{form.version.missing}") Integer version) {
    }

    record ActivityForm(
            @NotNull(message = "{activity.component.required}") Component component,
            @NotNull(message = "{activity.kind.required}") ActivityKind kind,
            @NotBlank(message = "{activity.title.required}") @Size(max = 200, message = "{field.tooLong}") String title,
            @NotNull(message = "{activity.target.required}") @Min(value = 1, message = "{activity.target.range}")
            @Max(value = 1000, message = "{activity.target.range}") Integer targetCount,
            @NotNull(message = "{activity.audience.required}") Audience audience,
            @NotNull(message = "{activity.month.required}") @Min(value = 1, message = "{activity.month.range}")
            @Max(value = 60, message = "{activity.month.range}") Integer month,
            @NotNull(message = "{form.version.missing}") Integer version) {
    }

    record ProgrammeForm(
            Long templateId,
            @NotNull(message = "{programme.startDate.required}") @DateTimeFormat(iso = ISO.DATE) LocalDate startDate,
            List<Long> facilitatorIds,
            @NotNull(message = "{form.version.missing}") Integer version) {
    }

    record EndForm(
            @NotNull(message = "{programme.end.date.required}") @DateTimeFormat(iso = ISO.DATE) LocalDate endedOn,
            @Size(max = 1000, message = "{field.tooLong}") String note,
            @NotNull(message = "{form.version.missing}") Long programmeId,
            @NotNull(message = "{form.version.missing}") Integer version) {
    }

    record SessionForm(
            @NotNull(message = "{session.activity.required}") Long activityId,
            @NotBlank(message = "{session.title.required}") @Size(max = 200, message = "{field.tooLong}") String title,
            @NotNull(message = "{session.plannedOn.required}") @DateTimeFormat(iso = ISO.DATE) LocalDate plannedOn,
            @Size(max = 200, message = "{field.tooLong}") String location,
            @NotNull(message = "{form.version.missing}") Integer version) {
    }

    record DeliveryForm(
            @NotNull(message = "{session.deliveredOn.required}") @DateTimeFormat(iso = ISO.DATE) LocalDate deliveredOn,
            List<Long> attended,
            @Min(value = 0, message = "{session.serviceUsers.range}") @Max(value = 500, message = "{session.serviceUsers.range}")
            Integer serviceUserAttendees,
            @Size(max = 2000, message = "{field.tooLong}") String materials,
            @NotNull(message = "{form.version.missing}") Integer version) {
    }

    record ReportForm(
            @NotBlank(message = "{session.report.required}") @Size(max = 5000, message = "{field.tooLong}") String report,
            @NotNull(message = "{session.rating.required}") @Min(value = 1, message = "{session.rating.required}") @Max(value = 5, message = "{session.rating.required}") Integer engagement,
            @NotNull(message = "{session.rating.required}") @Min(value = 1, message = "{session.rating.required}") @Max(value = 5, message = "{session.rating.required}") Integer aimsMet,
            @NotNull(message = "{session.rating.required}") @Min(value = 1, message = "{session.rating.required}") @Max(value = 5, message = "{session.rating.required}") Integer readiness,
            @NotNull(message = "{form.version.missing}") Integer version) {
    }

    record StatementForm(
            @NotBlank(message = "{statement.text.required}") @Size(max = 5000, message = "{field.tooLong}") String statement,
            @NotNull(message = "{statement.agreedOn.required}") @PastOrPresent(message = "{statement.agreedOn.past}")
            @DateTimeFormat(iso = ISO.DATE) LocalDate agreedOn,
            @NotBlank(message = "{statement.agreedBy.required}") @Size(max = 500, message = "{field.tooLong}") String agreedBy,
            @NotNull(message = "{form.version.missing}") Integer basedOnVersion) {
    }

    record ExerciseForm(
            @NotBlank(message = "{exercise.title.required}") @Size(max = 200, message = "{field.tooLong}") String title,
            @NotNull(message = "{exercise.heldOn.required}") @PastOrPresent(message = "{exercise.heldOn.past}")
            @DateTimeFormat(iso = ISO.DATE) LocalDate heldOn,
            @Size(max = 5000, message = "{field.tooLong}") String teamOutput,
            @NotNull(message = "{form.version.missing}") Integer version) {
    }

    record ReflectionForm(
            @NotBlank(message = "{reflection.text.required}") @Size(max = 5000, message = "{field.tooLong}") String reflection,
            Boolean shared,
            Integer version) {
    }

    record ProjectForm(
            @NotBlank(message = "{project.title.required}") @Size(max = 200, message = "{field.tooLong}") String title,
            @NotBlank(message = "{project.aims.required}") @Size(max = 5000, message = "{field.tooLong}") String aims,
            ProjectStatus status,
            @NotNull(message = "{form.version.missing}") Integer version) {
    }

    record OutcomeForm(
            @NotNull(message = "{project.completedOn.required}") @PastOrPresent(message = "{project.completedOn.past}")
            @DateTimeFormat(iso = ISO.DATE) LocalDate completedOn,
            @NotBlank(message = "{project.outcome.required}") @Size(max = 5000, message = "{field.tooLong}") String outcome,
            @NotBlank(message = "{project.lessons.required}") @Size(max = 5000, message = "{field.tooLong}") String lessons,
            @NotNull(message = "{form.version.missing}") Integer version) {
    }

    record StaffMemberForm(
            @NotNull(message = "{project.member.staff.required}") Long accountId,
            @NotNull(message = "{project.member.role.required}") ProjectRole projectRole) {
    }

    record PersonMemberForm(
            @NotNull(message = "{project.member.person.required}") Long personId,
            @Size(max = 150, message = "{field.tooLong}") String displayName,
            @NotNull(message = "{project.member.role.required}") ProjectRole personRole) {
    }

    record TaskForm(
            @NotNull(message = "{task.kind.required}") TaskKind kind,
            @NotBlank(message = "{task.title.required}") @Size(max = 200, message = "{field.tooLong}") String title,
            Long ownerMemberId,
            @DateTimeFormat(iso = ISO.DATE) LocalDate dueOn,
            Boolean done,
            @NotNull(message = "{form.version.missing}") Integer version) {
    }

    record BudgetForm(
            @NotNull(message = "{budget.kind.required}") BudgetEntryKind kind,
            @NotBlank(message = "{budget.amount.required}") @Pattern(regexp = Money.PATTERN, message = "{budget.amount.format}")
            String amount,
            @NotBlank(message = "{budget.description.required}") @Size(max = 500, message = "{field.tooLong}") String description,
            @NotNull(message = "{budget.date.required}") @PastOrPresent(message = "{budget.date.past}")
            @DateTimeFormat(iso = ISO.DATE) LocalDate entryDate) {
    }

    record CorrectionForm(
            @NotBlank(message = "{budget.amount.required}") @Pattern(regexp = Money.PATTERN, message = "{budget.amount.format}")
            String amount,
            @NotBlank(message = "{budget.reason.required}") @Size(max = 500, message = "{field.tooLong}") String reason) {
    }

    record DecisionForm(
            @NotNull(message = "{decision.date.required}") @PastOrPresent(message = "{decision.date.past}")
            @DateTimeFormat(iso = ISO.DATE) LocalDate decidedOn,
            @NotBlank(message = "{decision.text.required}") @Size(max = 2000, message = "{field.tooLong}") String decision) {
    }

    /** {@code organisationId}: asked only when the user's teams belong to more than one organisation. */
    record ResourceForm(
            Long organisationId,
            @NotNull(message = "{resource.kind.required}") ResourceKind kind,
            @NotBlank(message = "{resource.title.required}") @Size(max = 200, message = "{field.tooLong}") String title,
            @Size(max = 2000, message = "{field.tooLong}") String summary,
            @Size(max = 2000, message = "{field.tooLong}") String url,
            MultipartFile file) {
    }

    record ResourceChangeForm(
            @NotNull(message = "{resource.kind.required}") ResourceKind kind,
            @NotBlank(message = "{resource.title.required}") @Size(max = 200, message = "{field.tooLong}") String title,
            @Size(max = 2000, message = "{field.tooLong}") String summary,
            @Size(max = 2000, message = "{field.tooLong}") String url,
            @NotNull(message = "{form.version.missing}") Integer version) {
    }

    record OfferForm(
            @NotNull(message = "{offer.resource.required}") Long resourceId,
            @NotNull(message = "{offer.offeredOn.required}") @PastOrPresent(message = "{offer.offeredOn.future}")
            @DateTimeFormat(iso = ISO.DATE) LocalDate offeredOn,
            @Size(max = 500, message = "{field.tooLong}") String note) {
    }
}
