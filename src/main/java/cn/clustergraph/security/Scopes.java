package cn.clustergraph.security;

import cn.clustergraph.account.Role;
import cn.clustergraph.account.UserAccount;
import cn.clustergraph.web.NotFoundException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Who may write what — the one place the scope rules of issue 13 live, checked on the server for every write:
 * the 工业强市办 (coordinator) everything; a department the tasks it leads (its co-owned part, for co-owners);
 * a chain office its own chains; a town its own town. The UI asks the same class (via {@code /api/me} and
 * {@code canEdit} flags), so it never shows an edit form the server would refuse.
 */
@Component
public class Scopes {

    private final Neo4jClient client;

    Scopes(Neo4jClient client) {
        this.client = client;
    }

    /** A task's lead department and co-owners in listed order (the responsibility facts of 附件2). */
    public record TaskResponsibility(long no, String lead, List<String> coOwners) {
    }

    /** What a user may edit, for the UI. */
    public record Editable(boolean allTasks, List<Long> taskPlans, List<Long> coOwnedTasks, boolean allChains,
                           List<String> chains, boolean allTowns, String town) {
    }

    public static boolean coordinator(UserAccount user) {
        return user.has(Role.COORDINATOR);
    }

    @SuppressWarnings("unchecked")
    public TaskResponsibility task(long no) {
        return client.query("""
                        MATCH (t:Task {no: $no})
                        RETURN t.no AS no, head(COLLECT { MATCH (t)-[:LED_BY]->(d:Department) RETURN d.name }) AS lead,
                               COLLECT { MATCH (t)-[r:CO_OWNED_BY]->(d:Department) RETURN d.name ORDER BY r.order } AS coOwners""")
                .bind(no).to("no").fetch().one()
                .map(r -> new TaskResponsibility(((Number) r.get("no")).longValue(), (String) r.get("lead"),
                        (List<String>) r.get("coOwners")))
                .orElseThrow(() -> new NotFoundException("No task " + no + " (tasks are 1–62)"));
    }

    /** Plans, progress and figures of a task: its lead department, or the coordinator. */
    public boolean canWriteTask(UserAccount user, TaskResponsibility task) {
        return coordinator(user) || user.has(Role.DEPARTMENT) && user.department() != null && user.department().equals(task.lead());
    }

    /** A co-owner's own part of a task (issue 16): the lead, a co-owner, or the coordinator. */
    public boolean canWriteTaskPart(UserAccount user, TaskResponsibility task) {
        return canWriteTask(user, task) || user.has(Role.DEPARTMENT) && task.coOwners().contains(user.department());
    }

    /** A chain's segment map and key-enterprise list: users bound to that chain, or the coordinator. */
    public boolean canWriteChain(UserAccount user, String chain) {
        return coordinator(user) || user.has(Role.CHAIN) && user.chains().contains(chain);
    }

    /** A town's own figures: users bound to that town, or the coordinator. */
    public boolean canWriteTown(UserAccount user, String town) {
        return coordinator(user) || user.has(Role.TOWN) && town != null && town.equals(user.town());
    }

    public void requireTask(UserAccount user, TaskResponsibility task) {
        if (!canWriteTask(user, task)) {
            throw new AccessDeniedException("Only the lead department of task " + task.no() + " (" + task.lead()
                    + ") or the coordinator (工业强市办) may write its plans; you are " + who(user));
        }
    }

    public void requireChain(UserAccount user, String chain) {
        if (!canWriteChain(user, chain)) {
            throw new AccessDeniedException("Only users bound to chain " + chain + " or the coordinator (工业强市办) may edit it; you are "
                    + who(user));
        }
    }

    public void requireTown(UserAccount user, String town) {
        if (!canWriteTown(user, town)) {
            throw new AccessDeniedException("Only users bound to " + town + " or the coordinator may report its figures; you are " + who(user));
        }
    }

    // ---- the 招商 pipeline (issue 17): leads and projects are internal ------------------------------------------------

    /** Who sees leads at all: 招商 staff and the coordinator (every lead), chain offices (the leads of their chains). */
    public boolean canSeeLeads(UserAccount user) {
        return coordinator(user) || user.has(Role.INVESTMENT) || user.has(Role.CHAIN);
    }

    /** The chains whose leads the user sees: null for every chain (招商, coordinator), else the chain office's own chains. */
    public List<String> leadChains(UserAccount user) {
        return coordinator(user) || user.has(Role.INVESTMENT) ? null : user.has(Role.CHAIN) ? user.chains() : List.of();
    }

    /** Whether the user sees a lead of {@code chain}. */
    public boolean canSeeLead(UserAccount user, String chain) {
        List<String> chains = leadChains(user);
        return canSeeLeads(user) && (chains == null || chains.contains(chain));
    }

    /** A new lead: 招商 staff (as its owner) or the coordinator. */
    public boolean canCreateLead(UserAccount user) {
        return coordinator(user) || user.has(Role.INVESTMENT);
    }

    /** A lead's moves, notes and figures: its owner (招商) or the coordinator. */
    public boolean canEditLead(UserAccount user, String owner) {
        return coordinator(user) || user.has(Role.INVESTMENT) && user.username().equals(owner);
    }

    /** Giving a lead to another owner: the coordinator only. */
    public boolean canReassignLead(UserAccount user) {
        return coordinator(user);
    }

    public void requireSeeLeads(UserAccount user) {
        if (!canSeeLeads(user)) {
            throw new AccessDeniedException("Leads and projects (招商线索) are internal: only 招商 staff, the coordinator (工业强市办) and chain"
                    + " offices see them; you are " + who(user));
        }
    }

    public void requireSeeLead(UserAccount user, String lead, String chain) {
        if (!canSeeLead(user, chain)) {
            throw new AccessDeniedException("Lead " + lead + " (" + chain + ") is not visible to you: chain offices see the leads of their"
                    + " own chains only; you are " + who(user));
        }
    }

    public void requireCreateLead(UserAccount user) {
        if (!canCreateLead(user)) {
            throw new AccessDeniedException("Only 招商 staff or the coordinator (工业强市办) may create leads; you are " + who(user));
        }
    }

    public void requireEditLead(UserAccount user, String lead, String owner) {
        if (!canEditLead(user, owner)) {
            throw new AccessDeniedException("Only the owner of lead " + lead + " (" + owner + ") or the coordinator (工业强市办) may change it;"
                    + " you are " + who(user));
        }
    }

    public void requireReassignLead(UserAccount user, String lead) {
        if (!canReassignLead(user)) {
            throw new AccessDeniedException("Only the coordinator (工业强市办) may give lead " + lead + " to another owner; you are " + who(user));
        }
    }

    /** Everything the user may edit (task numbers led and co-owned by their department, chains, town). */
    @SuppressWarnings("unchecked")
    public Editable editable(UserAccount user) {
        boolean all = coordinator(user);
        List<Long> led = List.of();
        List<Long> coOwned = List.of();
        if (!all && user.has(Role.DEPARTMENT) && user.department() != null) {
            Map<String, Object> r = client.query("""
                            MATCH (d:Department {name: $name})
                            RETURN COLLECT { MATCH (t:Task)-[:LED_BY]->(d) RETURN t.no ORDER BY t.no } AS led,
                                   COLLECT { MATCH (t:Task)-[:CO_OWNED_BY]->(d) RETURN t.no ORDER BY t.no } AS coOwned""")
                    .bind(user.department()).to("name").fetch().one().orElse(Map.of("led", List.of(), "coOwned", List.of()));
            led = ((List<Number>) r.get("led")).stream().map(Number::longValue).toList();
            coOwned = ((List<Number>) r.get("coOwned")).stream().map(Number::longValue).toList();
        }
        return new Editable(all, led, coOwned, all, all ? List.of() : user.has(Role.CHAIN) ? user.chains() : List.of(),
                all, !all && user.has(Role.TOWN) ? user.town() : null);
    }

    /** An indicator's owning department (first 责任单位), co-owners, and whether it has a town breakdown (附件3). */
    public record IndicatorResponsibility(String id, String name, String lead, List<String> coOwners, boolean towns) {
    }

    /** Who owns an indicator (issue 16); 404 for an unknown id. */
    @SuppressWarnings("unchecked")
    public IndicatorResponsibility indicator(String id) {
        return client.query("""
                        MATCH (i:Indicator {id: $id})
                        RETURN i.id AS id, i.name AS name, head(COLLECT { MATCH (i)-[r:LED_BY]->(d:Department) RETURN d.name ORDER BY r.order }) AS lead,
                               COLLECT { MATCH (i)-[r:CO_OWNED_BY]->(d:Department) RETURN d.name ORDER BY r.order } AS coOwners,
                               EXISTS { MATCH (i)-[:HAS_TARGET]->(:Target)-[:IN_TOWN]->(:Town) } AS towns""")
                .bind(id).to("id").fetch().one()
                .map(r -> new IndicatorResponsibility((String) r.get("id"), (String) r.get("name"), (String) r.get("lead"),
                        (List<String>) r.get("coOwners"), Boolean.TRUE.equals(r.get("towns"))))
                .orElseThrow(() -> new NotFoundException("No indicator '" + id + "' (try GET /api/indicators)"));
    }

    /**
     * An indicator's figure (指标实绩): the city figure by the owning department, a town's figure by that town, either by
     * the coordinator.
     */
    public boolean canWriteIndicator(UserAccount user, IndicatorResponsibility indicator, String town) {
        if (town == null) {
            return coordinator(user) || user.has(Role.DEPARTMENT) && user.department() != null && user.department().equals(indicator.lead());
        }
        return canWriteTown(user, town);
    }

    public void requireIndicator(UserAccount user, IndicatorResponsibility indicator, String town) {
        if (!canWriteIndicator(user, indicator, town)) {
            throw new AccessDeniedException(town == null
                    ? "Only the department owning indicator " + indicator.id() + " (" + indicator.lead()
                    + ") or the coordinator (工业强市办) may report its city figure; you are " + who(user)
                    : "Only users bound to " + town + " or the coordinator may report its figure of " + indicator.id() + "; you are " + who(user));
        }
    }

    /** A co-owner's 配合情况 on a task: the co-owner departments (and the lead), or the coordinator. */
    public void requireTaskPart(UserAccount user, TaskResponsibility task) {
        if (!canWriteTaskPart(user, task)) {
            throw new AccessDeniedException("Only the departments responsible for task " + task.no() + " (" + task.lead()
                    + (task.coOwners().isEmpty() ? "" : ", " + String.join(", ", task.coOwners()))
                    + ") or the coordinator may add to its report; you are " + who(user));
        }
    }

    /** Accepting or returning reports and closing 督办: the coordinator (工业强市办) only. */
    public void requireCoordinator(UserAccount user, String what) {
        if (!coordinator(user)) {
            throw new AccessDeniedException("Only the coordinator (工业强市办) may " + what + "; you are " + who(user));
        }
    }

    /** Indicators whose city figure the user's department reports (issue 16; all for the coordinator: empty + allTasks). */
    public List<String> ownedIndicators(UserAccount user) {
        if (!user.has(Role.DEPARTMENT) || user.department() == null) {
            return List.of();
        }
        return List.copyOf(client.query("""
                        MATCH (i:Indicator)-[:LED_BY]->(:Department {name: $name}) WHERE NOT coalesce(i.sample, false)
                        RETURN i.id AS id ORDER BY id""")
                .bind(user.department()).to("name").fetchAs(String.class).all());
    }

    private static String who(UserAccount user) {
        return user.username() + " " + user.roles() + (user.department() != null ? " of " + user.department() : "")
                + (!user.chains().isEmpty() ? " for " + user.chains() : "");
    }
}
