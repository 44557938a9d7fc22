package org.refocus.programme.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditTrail;
import org.refocus.identity.CurrentUser;
import org.refocus.identity.Role;
import org.refocus.people.People;
import org.refocus.people.PersonSummary;
import org.refocus.shared.AuthenticatedActor;
import org.refocus.shared.ConflictException;
import org.refocus.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raising expectations: a library of recovery stories, leaflets, links and documents, what was offered to
 * whom, and each person's own list of what was offered to them. Files are stored in the database (nodes
 * stay stateless) and accepted only when their bytes are an allow-listed type within the size limit.
 *
 * <p>Every resource belongs to one organisation: that of the team leader or trainer who added it (who
 * chooses when their teams span several). Staff and trainers browse the library of the organisations their
 * teams belong to; team leaders and trainers add to it, change a resource, retire it and bring it back; team
 * leaders and practitioners offer a resource to people within their reach whose team belongs to the
 * resource's organisation; a person who uses the service sees, and downloads, only what was offered to
 * them. A resource of another organisation is "not found", exactly like one that does not exist, and the
 * attempt is audited as denied.
 *
 * <p>Nothing is deleted. A retired resource leaves the library and cannot be offered any more, but people
 * it was offered to keep it in their list, marked as no longer recommended.
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

    /**
     * A resource to add. {@code organisationId} is the organisation it is for: required when the signed-in
     * user's teams belong to more than one organisation, otherwise ignored (it is theirs).
     */
    public record NewResource(Long organisationId, ResourceKind kind, String title, String summary, String url,
            String fileName, byte[] content) {
    }

    /** What can be changed about a resource. Its file cannot: a new file is a new resource. */
    public record ResourceChange(ResourceKind kind, String title, String summary, String url) {
    }

    public record FileContent(String fileName, String contentType, byte[] content) {
    }

    /** An offer; {@code active} false when the resource has since been retired (no longer recommended). */
    public record OfferView(long id, long resourceId, ResourceKind kind, String title, String summary, String url,
            String fileName, String contentType, Long sizeBytes, boolean active, LocalDate offeredOn, String note) {

        public ResourceView resource() {
            return new ResourceView(resourceId, kind, title, summary, url, fileName, contentType, sizeBytes, active, 0);
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

    /** The resources in use of the organisations the signed-in member of staff or trainer works in. */
    @Transactional(readOnly = true)
    public List<ResourceView> library() {
        requireStaffRole();
        return jdbc.sql(SELECT + " where active and organisation_id = any(?) order by lower(title), id")
                .param(myOrganisations()).query(ResourceView.class).list();
    }

    /** Retired resources of the caller's organisations, for staff to look back at and bring back. */
    @Transactional(readOnly = true)
    public List<ResourceView> retired() {
        requireStaffRole();
        return jdbc.sql(SELECT + " where not active and organisation_id = any(?) order by lower(title), id")
                .param(myOrganisations()).query(ResourceView.class).list();
    }

    /** The resources that may be offered to a person in reach: those in use of the person's organisation. */
    @Transactional(readOnly = true)
    public List<ResourceView> offerableTo(long personId) {
        requireStaffRole();
        long organisationId = access.organisationOf(people.requireReach(personId).teamId());
        return jdbc.sql(SELECT + " where active and organisation_id = ? order by lower(title), id")
                .param(organisationId).query(ResourceView.class).list();
    }

    /** A resource of one of the caller's organisations; any other is "not found", and audited as denied. */
    @Transactional(readOnly = true)
    public ResourceView resource(long id) {
        requireStaffRole();
        return findInReach(id);
    }

    /**
     * The organisations a new resource may be for (id to name): those of the signed-in team leader's or
     * trainer's teams. More than one means the form asks which; none means they cannot add any ("not found").
     */
    @Transactional(readOnly = true)
    public Map<Long, String> organisationsForNew() {
        requireManager(null);
        Map<Long, String> mine = access.myOrganisations();
        if (mine.isEmpty()) {
            audit.recordDenied(AuditAction.CREATED, "programme_resource", null, null);
            throw new NotFoundException("resource");
        }
        return mine;
    }

    /** How many people a resource has been offered to (a count only). */
    @Transactional(readOnly = true)
    public int peopleOfferedTo(long id) {
        requireStaffRole();
        findInReach(id);
        return jdbc.sql("select count(distinct person_id) from resource_offer where resource_id = ?").param(id)
                .query(Integer.class).single();
    }

    /** Whether the signed-in user may change, retire and bring back resources: team leaders and trainers. */
    public boolean canManage() {
        Role role = CurrentUser.required().role();
        return role == Role.TEAM_LEADER || role == Role.TRAINER;
    }

    /**
     * Adds a resource for the caller's organisation (the chosen one, when their teams belong to several).
     * Team leaders and trainers.
     */
    public long add(NewResource r) {
        Map<Long, String> organisations = organisationsForNew();
        long organisationId;
        if (organisations.size() == 1) {
            organisationId = organisations.keySet().iterator().next();
        } else if (r.organisationId() != null && organisations.containsKey(r.organisationId())) {
            organisationId = r.organisationId();
        } else {
            throw new InvalidInputException("organisationId", "resource.organisation.required");
        }
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
                        insert into programme_resource (organisation_id, kind, title, summary, url, file_name,
                                                        content_type, size_bytes, created_by, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(organisationId, r.kind().name(), r.title().trim(), blankToNull(r.summary()), url, fileName,
                        contentType, hasFile ? (long) r.content().length : null, actor, actor)
                .query(Long.class).single();
        if (hasFile) {
            jdbc.sql("insert into programme_resource_file (resource_id, content) values (?, ?)")
                    .params(id, r.content()).update();
        }
        audit.record(AuditAction.CREATED, "programme_resource", id, null,
                "organisation " + organisationId + " " + r.kind()
                        + (hasFile ? " file " + contentType + " " + r.content().length + " bytes" : ""));
        return id;
    }

    /**
     * Changes a resource's kind, title, summary and web address. Team leaders and trainers. Every change is
     * audited with the names of the fields that changed.
     *
     * @throws ConflictException if someone else saved a change first
     */
    public void change(long id, ResourceChange change, int version) {
        requireManager(id);
        ResourceView before = findInReach(id);
        String url = blankToNull(change.url());
        if (url != null && !isWebAddress(url)) {
            throw new InvalidInputException("url", "resource.url.invalid");
        }
        if (change.kind() == ResourceKind.LINK && url == null) {
            throw new InvalidInputException("url", "resource.url.required");
        }
        if (change.kind() == ResourceKind.LINK && before.hasFile()) {
            throw new InvalidInputException("kind", "resource.kind.hasFile");
        }
        if (change.kind() == ResourceKind.DOCUMENT && !before.hasFile()) {
            throw new InvalidInputException("kind", "resource.kind.needsFile");
        }
        String title = change.title().trim();
        String summary = blankToNull(change.summary());
        int rows = jdbc.sql("""
                        update programme_resource set kind = ?, title = ?, summary = ?, url = ?, updated_at = now(),
                               updated_by = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(change.kind().name(), title, summary, url, AuthenticatedActor.currentAccountId(), id, version)
                .update();
        if (rows != 1) {
            throw new ConflictException("programme resource");
        }
        List<String> changed = new ArrayList<>();
        if (before.kind() != change.kind()) {
            changed.add("kind");
        }
        if (!before.title().equals(title)) {
            changed.add("title");
        }
        if (!Objects.equals(before.summary(), summary)) {
            changed.add("summary");
        }
        if (!Objects.equals(before.url(), url)) {
            changed.add("url");
        }
        audit.record(AuditAction.CHANGED, "programme_resource", id, null,
                changed.isEmpty() ? "saved without changes" : "changed " + String.join(", ", changed));
    }

    /**
     * Retires a resource: it leaves the library and cannot be offered again; people it was offered to keep
     * it, marked as no longer recommended. Team leaders and trainers.
     *
     * @throws ConflictException if someone else changed or retired it first
     */
    public void retire(long id, int version) {
        setActive(id, version, false);
        audit.record(AuditAction.DEACTIVATED, "programme_resource", id, null, "retired from the library");
    }

    /** Brings a retired resource back into the library. Team leaders and trainers. */
    public void bringBack(long id, int version) {
        setActive(id, version, true);
        audit.record(AuditAction.REACTIVATED, "programme_resource", id, null, "back in the library");
    }

    private void setActive(long id, int version, boolean active) {
        requireManager(id);
        findInReach(id);
        int rows = jdbc.sql("""
                        update programme_resource set active = ?, updated_at = now(), updated_by = ?,
                               version = version + 1
                        where id = ? and version = ? and active = ?""")
                .params(active, AuthenticatedActor.currentAccountId(), id, version, !active).update();
        if (rows != 1) {
            throw new ConflictException("programme resource");
        }
    }

    /**
     * The stored file: for staff, that of a resource of their organisations (retired ones too); for a person
     * who uses the service, only that of a resource offered to them, retired or not. Anything else is "not
     * found", and audited as denied.
     */
    public FileContent file(long id) {
        CurrentUser user = CurrentUser.required();
        Long personId = null;
        ResourceView resource;
        if (user.role() == Role.SERVICE_USER) {
            personId = user.personId();
            resource = personId == null ? null : jdbc.sql(SELECT + " where id = ? and id in "
                            + "(select resource_id from resource_offer where person_id = ?)")
                    .params(id, personId).query(ResourceView.class).optional().orElse(null);
            if (resource == null) {
                audit.recordDenied(AuditAction.VIEWED, "programme_resource", id, personId);
                throw new NotFoundException("resource file");
            }
        } else {
            requireStaffRole();
            resource = findInReach(id);
        }
        if (!resource.hasFile()) {
            throw new NotFoundException("resource file");
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
                               r.size_bytes, r.active, o.offered_on, o.note
                        from resource_offer o join programme_resource r on r.id = o.resource_id
                        where o.person_id = ? order by o.offered_on desc, o.id desc""")
                .param(personId).query(OfferView.class).list();
        audit.record(AuditAction.VIEWED, "resource_offer", null, personId, "offers=" + offers.size());
        return offers;
    }

    /**
     * Records that a resource was offered to a person. Team leaders and practitioners within reach, and only
     * a resource in use of the person's team's organisation: any other (of another organisation, or none)
     * is refused like a retired one, as not in the library, and audited as denied.
     */
    public long offer(long personId, long resourceId, LocalDate offeredOn, String note) {
        CurrentUser user = CurrentUser.required();
        if (!user.role().isTeamStaff()) {
            throw new NotFoundException("person");
        }
        PersonSummary person = people.requireReach(personId);
        ResourceView resource = jdbc.sql(SELECT + " where id = ? and organisation_id = ?")
                .params(resourceId, access.organisationOf(person.teamId())).query(ResourceView.class).optional()
                .orElse(null);
        if (resource == null) {
            audit.recordDenied(AuditAction.CREATED, "programme_resource", resourceId, personId);
            throw new InvalidInputException("resourceId", "offer.resource.required");
        }
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

    /**
     * A resource of one of the caller's organisations. Any other, like one that does not exist, is "not
     * found" and the attempt is audited as denied (in its own transaction, so it survives the rollback).
     */
    private ResourceView findInReach(long id) {
        return jdbc.sql(SELECT + " where id = ? and organisation_id = any(?)").params(id, myOrganisations())
                .query(ResourceView.class).optional()
                .orElseGet(() -> {
                    audit.recordDenied(AuditAction.VIEWED, "programme_resource", id, null);
                    throw new NotFoundException("resource");
                });
    }

    private Long[] myOrganisations() {
        return access.myOrganisations().keySet().toArray(Long[]::new);
    }

    /** Team leaders and trainers; anyone else is told it does not exist, and the attempt is audited. */
    private void requireManager(Long id) {
        requireStaffRole();
        if (!canManage()) {
            audit.recordDenied(AuditAction.CHANGED, "programme_resource", id, null);
            throw new NotFoundException("resource");
        }
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
