package org.refocus.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditEntryView;
import org.refocus.audit.AuditQuery;
import org.refocus.audit.AuditTrail;
import org.refocus.shared.Option;
import org.refocus.shared.PageOf;
import org.refocus.shared.Pagination;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/** Administrators browse, filter and export the audit trail. Looking at it is itself audited. */
@Controller
class AuditController {

    static final String VIEW = "audit/audit";

    private final AuditTrail audit;
    private final MessageSource messages;

    AuditController(AuditTrail audit, MessageSource messages) {
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/admin/audit")
    @Transactional
    String browse(@ModelAttribute("filter") AuditFilter filter, BindingResult filterErrors,
            @RequestParam(required = false) Integer page, Model model) {
        // A filter that could not be read shows its errors and matches nothing, rather than everything.
        AuditQuery query = filterErrors.hasErrors() ? new AuditQuery(-1L, null, null, null, null) : filter.query();
        PageOf<AuditEntryView> entries = audit.find(query, PageOf.clampNumber(page), 50);
        audit.record(AuditAction.LISTED, "audit_entry", null, null, "results=" + entries.items().size());
        model.addAttribute("entries", entries);
        List<Option> actions = new java.util.ArrayList<>(List.of(Option.none(messages)));
        actions.addAll(Option.ofEnum(AuditAction.values(), "audit.action.", messages));
        model.addAttribute("actionOptions", actions);
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/admin/audit");
        addFilterParams(base, filter);
        model.addAttribute("exportHref", base.cloneBuilder().path("/export").encode().toUriString());
        model.addAttribute("pagination", Pagination.of(entries,
                n -> base.cloneBuilder().queryParam("page", n).encode().toUriString()));
        return VIEW;
    }

    @GetMapping("/admin/audit/export")
    @Transactional
    void export(@ModelAttribute AuditFilter filter, BindingResult filterErrors, HttpServletResponse response)
            throws IOException {
        if (filterErrors.hasErrors()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        audit.record(AuditAction.EXPORTED, "audit_entry", null, null, null);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"refocus-audit.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        audit.exportCsv(filter.query(), out);
        out.flush();
    }

    @GetMapping(value = "/api/v1/audit", produces = "application/json")
    @ResponseBody
    @Transactional
    PageJson api(@RequestParam(required = false) Long person, @RequestParam(required = false) String user,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageOf<AuditEntryView> entries = audit.find(new AuditQuery(person, user, action, from, to),
                PageOf.clampNumber(page), PageOf.clampSize(size, 100, 1000));
        audit.record(AuditAction.LISTED, "audit_entry", null, null, "api results=" + entries.items().size());
        return new PageJson(entries.items(), entries.number(), entries.size(), entries.totalItems(),
                entries.totalPages());
    }

    record PageJson(List<AuditEntryView> items, int page, int size, long totalItems, int totalPages) {
    }

    private static void addFilterParams(UriComponentsBuilder b, AuditFilter f) {
        if (f.person() != null) {
            b.queryParam("person", f.person());
        }
        if (f.user() != null && !f.user().isBlank()) {
            b.queryParam("user", f.user());
        }
        if (f.action() != null) {
            b.queryParam("action", f.action());
        }
        if (f.from() != null) {
            b.queryParam("from", f.from());
        }
        if (f.to() != null) {
            b.queryParam("to", f.to());
        }
    }
}
