package org.refocus.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.refocus.identity.CurrentUser;
import org.refocus.shared.NavigationEntry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user, their role's navigation and, for a person using services, where to get help now on every page. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class Navigation {

    private final MessageSource messages;
    private final List<NavigationEntry> entries;

    Navigation(MessageSource messages, ObjectProvider<NavigationEntry> entries) {
        this.messages = messages;
        this.entries = entries.stream().sorted(java.util.Comparator.comparingInt(NavigationEntry::order)).toList();
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return CurrentUser.orNull();
    }

    /** For a person using services, the "If you need help now" box under every page; null for everyone else. */
    @ModelAttribute("helpNow")
    HelpNow helpNow(HttpServletRequest request) {
        CurrentUser user = CurrentUser.orNull();
        if (user == null || user.role() != org.refocus.identity.Role.SERVICE_USER) {
            return null;
        }
        return new HelpNow(user.personId() == null ? null
                : request.getContextPath() + "/people/" + user.personId() + "/plan#crisis");
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation(HttpServletRequest request) {
        CurrentUser user = CurrentUser.orNull();
        if (user == null) {
            return List.of();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        List<NavigationItem> items = new ArrayList<>();
        add(items, "nav.home", "/", path);
        switch (user.role()) {
            case PRACTITIONER, TEAM_LEADER -> add(items, "nav.caseload", "/caseload", path);
            case ADMIN -> {
                add(items, "nav.structure", "/admin/organisations", path);
                add(items, "nav.teams", "/admin/teams", path);
                add(items, "nav.accounts", "/admin/accounts", path);
                add(items, "nav.people", "/admin/people", path);
                add(items, "nav.audit", "/admin/audit", path);
            }
            default -> {
            }
        }
        for (NavigationEntry entry : entries) {
            if (!entry.roles().contains(user.role().name())) {
                continue;
            }
            if (entry.href().contains("{personId}")) {
                if (user.personId() != null) {
                    add(items, entry.messageKey(), entry.href().replace("{personId}", user.personId().toString()), path);
                }
            } else {
                add(items, entry.messageKey(), entry.href(), path);
            }
        }
        return items;
    }

    private void add(List<NavigationItem> items, String key, String href, String path) {
        boolean current = href.equals("/") ? path.equals("/") : path.equals(href) || path.startsWith(href + "/");
        items.add(new NavigationItem(messages.getMessage(key, null, Locale.UK), href, current));
    }
}
