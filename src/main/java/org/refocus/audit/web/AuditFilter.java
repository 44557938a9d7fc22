package org.refocus.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditQuery;
import org.springframework.format.annotation.DateTimeFormat;

/** Filters as typed into the audit page: dates are whole UTC days, {@code to} inclusive. */
record AuditFilter(Long person, String user, AuditAction action,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    AuditQuery query() {
        Instant start = from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new AuditQuery(person, user, action, start, end);
    }
}
