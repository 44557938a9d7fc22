package org.refocus.programme.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.refocus.people.People;
import org.refocus.people.PersonSummary;
import org.refocus.shared.AuthenticatedActor;
import org.refocus.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raising expectations: a library of recovery stories, leaflets, links and documents, what was offered to
 * whom, and each person's own list of what was offered to them. Files are stored in the database (nodes
 * stay stateless) and accepted only when their bytes are an allow-listed type within the size limit.
 *
 * <p>Staff and trainers browse the library; team leaders and trainers add to it; team leaders and
 * practitioners offer resources to people within their reach; a person who uses the service sees, and
 * downloads, only what was offered to them.
 */
@Service
@Transactional
public class Resources {

    private static final String SELECT = """
            select id, kind, title, summary, url, file_name, content_type, size_bytes, active, version
            from programme_resource""";

    public record ResourceView(long id, ResourceKind kind, String title, String summary, String url, String fileName,
            String contentType, Long sizeBytes, boolean active, int version) {

        public boolean hasFile() {
            return fileName != null;
        }

        /** "120 KB", "1.4 MB": for the link text, so people know what they are downloading. */
        public String size() {
            if (sizeBytes == null) {
                return null;
            }
            if (sizeBytes < 1024 * 1024) {
                return Math.max(1, Math.round(sizeBytes / 1024.0)) + " KB";
            }
            return String.format(Locale.UK, "%.1f MB", sizeBytes / (1024.0 * 1024.0));
        }

        public String fileType() {
            if (contentType == null) {
                return null;
            }
            return switch (contentType) {
                case "application/pdf" -> "PDF";
                case "image/png" -> "PNG";
                case "image/jpeg" -> "JPEG";
                default -> "Text";
            };
        }
    }

    public record NewResource(ResourceKind kind, String title, String summary, String url, String fileName,
            byte[] content) {
    }

    public record FileContent(String fileName, String contentType, byte[] content) {
    }

    public record OfferView(long id, long resourceId, ResourceKind kind, String title, String summary, String url,
            String fileName, String contentType, Long sizeBytes, LocalDate offeredOn, String note) {

        public ResourceView resource() {
            return new ResourceView(resourceId, kind, title, summary, url, fileName, contentType, sizeBytes, true, 0);
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ProgrammeAccess access;
    private final People people;
    private final long maxBytes;
    private final TeamProgrammes programmes;

    Resources(JdbcClient jdbc, AuditTrail audit, ProgrammeAccess access, People people, ProgrammeProperties properties,
            TeamProgrammes programmes) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.people = people;
        this.maxBytes = properties.getResources().getMaxUploadSize().toBytes();
        this.programmes = programmes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Transactional(readOnly = true)
    public List<ResourceView> library() {
        requireStaffRole();
        return jdbc.sql(SELECT + " where active order by lower(title), id").query(ResourceView.class).list();
    }

    @Transactional(readOnly = true)
    public ResourceView resource(long id) {
        requireStaffRole();
        return find(id);
    }

    /** Adds a resource. Team leaders and trainers (the URL rules allow only them). */
    public long add(NewResource r) {
        requireStaffRole();
        String url = r.url() == null || r.url().isBlank() ? null : r.url().trim();
        if (url != null && !isWebAddress(url)) {
            throw new InvalidInputException("url", "resource.url.invalid");
        }
        boolean hasFile = r.content() != null && r.content().length > 0;
        if (r.kind() == ResourceKind.LINK && url == null) {
            throw new InvalidInputException("url", "resource.url.required");
        }
        if (r.kind() == ResourceKind.LINK && hasFile) {
            throw new InvalidInputException("file", "resource.file.notForLink");
        }
        if (r.kind() == ResourceKind.DOCUMENT && !hasFile) {
            throw new InvalidInputException("file", "resource.file.required");
        }
        String contentType = null;
        String fileName = null;
        if (hasFile) {
            if (r.content().length > maxBytes) {
                throw new InvalidInputException("file", "resource.file.tooLarge");
            }
            fileName = UploadedFiles.safeName(r.fileName());
            contentType = UploadedFiles.contentType(fileName, r.content());
            if (contentType == null) {
                throw new InvalidInputException("file", "resource.file.type");
            }
        }
        Long actor = AuthenticatedActor.currentAccountId();
        long id = jdbc.sql("""
                        insert into programme_resource (kind, title, summary, url, file_name, content_type, size_bytes,
                                                        created_by, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(r.kind().name(), r.title().trim(), blankToNull(r.summary()), url, fileName, contentType,
                        hasFile ? (long) r.content().length : null, actor, actor)
                .query(Long.class).single();
        if (hasFile) {
            jdbc.sql("insert into programme_resource_file (resource_id, content) values (?, ?)")
                    .params(id, r.content()).update();
        }
        audit.record(AuditAction.CREATED, "programme_resource", id, null,
                r.kind() + (hasFile ? " file " + contentType + " " + r.content().length + " bytes" : ""));
        return id;
    }

    /**
     * The stored file: for staff, any active resource's; for a person who uses the service, only a
     * resource offered to them (anything else is "not found").
     */
    public FileContent file(long id) {
        CurrentUser user = CurrentUser.required();
        ResourceView resource = jdbc.sql(SELECT + " where id = ?").param(id).query(ResourceView.class).optional()
                .filter(ResourceView::hasFile).orElseThrow(() -> new NotFoundException("resource file"));
        Long personId = null;
        if (user.role() == Role.SERVICE_USER) {
            personId = user.personId();
            boolean offered = personId != null && jdbc.sql(
                            "select exists (select 1 from resource_offer where resource_id = ? and person_id = ?)")
                    .params(id, personId).query(Boolean.class).single();
            if (!offered) {
                audit.recordDenied(AuditAction.VIEWED, "programme_resource", id, personId);
                throw new NotFoundException("resource file");
            }
        } else {
            requireStaffRole();
        }
        byte[] content = jdbc.sql("select content from programme_resource_file where resource_id = ?").param(id)
                .query(byte[].class).single();
        audit.record(AuditAction.VIEWED, "programme_resource", id, personId, "file downloaded");
        return new FileContent(resource.fileName(), resource.contentType(), content);
    }

    /** What was offered to a person, newest first. Checks reach and audits the read. */
    public List<OfferView> offersTo(long personId) {
        people.requireReach(personId);
        List<OfferView> offers = jdbc.sql("""
                        select o.id, r.id as resource_id, r.kind, r.title, r.summary, r.url, r.file_name, r.content_type,
                               r.size_bytes, o.offered_on, o.note
                        from resource_offer o join programme_resource r on r.id = o.resource_id
                        where o.person_id = ? order by o.offered_on desc, o.id desc""")
                .param(personId).query(OfferView.class).list();
        audit.record(AuditAction.VIEWED, "resource_offer", null, personId, "offers=" + offers.size());
        return offers;
    }

    /** Records that a resource was offered to a person. Team leaders and practitioners within reach. */
    public long offer(long personId, long resourceId, LocalDate offeredOn, String note) {
        CurrentUser user = CurrentUser.required();
        if (!user.role().isTeamStaff()) {
            throw new NotFoundException("person");
        }
        PersonSummary person = people.requireReach(personId);
        ResourceView resource = find(resourceId);
        if (!resource.active()) {
            throw new InvalidInputException("resourceId", "offer.resource.required");
        }
        if (offeredOn.isAfter(programmes.today())) {
            throw new InvalidInputException("offeredOn", "offer.offeredOn.future");
        }
        long id = jdbc.sql("""
                        insert into resource_offer (resource_id, person_id, team_id, offered_on, note, offered_by)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(resourceId, personId, person.teamId(), Date.valueOf(offeredOn), blankToNull(note),
                        user.accountId())
                .query(Long.class).single();
        audit.record(AuditAction.CREATED, "resource_offer", id, personId, "resource " + resourceId);
        return id;
    }

    private ResourceView find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(ResourceView.class).optional()
                .orElseThrow(() -> new NotFoundException("resource"));
    }

    private void requireStaffRole() {
        if (!access.isStaffRole(CurrentUser.required().role())) {
            throw new NotFoundException("resource");
        }
    }

    /** Only http and https addresses with a host: no javascript:, data: or relative links. */
    static boolean isWebAddress(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            String scheme = uri.getScheme();
            return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
