package org.refocus.identity.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/** Ends every session of an account, on every node, because sessions live in the shared database. */
@Component
class SessionTerminator {

    private final ObjectProvider<FindByIndexNameSessionRepository<?>> repository;

    SessionTerminator(ObjectProvider<FindByIndexNameSessionRepository<?>> repository) {
        this.repository = repository;
    }

    void endSessionsOf(String username) {
        FindByIndexNameSessionRepository<?> sessions = repository.getIfAvailable();
        if (sessions != null) {
            sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
        }
    }
}
