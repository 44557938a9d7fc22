package org.refocus.identity.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.refocus.identity.Accounts;
import org.refocus.identity.Invitation;
import org.refocus.identity.NewAccount;
import org.refocus.identity.Role;
import org.refocus.shared.Command;
import org.springframework.stereotype.Component;

/**
 * {@code create-admin --username NAME --name "Full Name" [--url BASE]}: invites an administrator and
 * prints the one-time link with which they set their own password. No password ever passes through
 * the command line or the logs.
 */
@Component
class CreateAdminCommand implements Command {

    private final Accounts accounts;

    CreateAdminCommand(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "create-admin";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String username = null;
        String name = null;
        String url = "http://localhost:8080";
        for (int i = 0; i + 1 < args.size(); i += 2) {
            switch (args.get(i)) {
                case "--username" -> username = args.get(i + 1);
                case "--name" -> name = args.get(i + 1);
                case "--url" -> url = args.get(i + 1).replaceAll("/+$", "");
                default -> {
                    err.println("create-admin: unknown option " + args.get(i));
                    return 2;
                }
            }
        }
        if (username == null || !username.matches("[a-zA-Z0-9._-]{3,40}") || name == null || name.isBlank()) {
            err.println("usage: create-admin --username NAME --name \"Full Name\" [--url http://host:port]");
            return 2;
        }
        try {
            Invitation invitation = accounts.invite(new NewAccount(username, name, null, Role.ADMIN, Set.of(), null));
            out.println("Administrator '" + username.toLowerCase() + "' invited. To set the password, open (once, within "
                    + "7 days):");
            out.println(url + invitation.path());
            return 0;
        } catch (Accounts.UsernameTakenException e) {
            err.println("create-admin: the username '" + username + "' is already taken");
            return 2;
        }
    }
}
