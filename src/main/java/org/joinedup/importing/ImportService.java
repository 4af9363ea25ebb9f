package org.joinedup.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.joinedup.job.JobService;
import org.joinedup.job.JobView;
import org.joinedup.job.Progress;
import org.joinedup.leader.LeaderService;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;

/**
 * Bulk import of leaders and their records from a CSV file (docs/import.md): a dry run that writes
 * nothing, and the import as a job. A file is checked whole before anything is written; a file
 * with any problem imports nothing.
 */
@ApplicationScoped
public class ImportService {

    public static final String KIND = "import";
    private static final Logger LOG = Logger.getLogger(ImportService.class);

    @Inject
    ImportChecker checker;

    @Inject
    ImportWriter writer;

    @Inject
    ImportInvitations invitations;

    @Inject
    LeaderService leaders;

    @Inject
    JobService jobs;

    @Inject
    ImportConfig config;

    /** The largest file taken, in bytes. */
    public long maxBytes() {
        return config.maxSize().asLongValue();
    }

    /** Reads and checks the file and says what an import would do; writes nothing. */
    public ImportReport dryRun(String fileName, InputStream file, boolean invite) {
        var plan = plan(fileName, file, invite);
        if (!plan.valid()) {
            return new ImportReport(plan.fileName(), plan.rows(), false, plan.problemCount(), plan.problems(), null, null);
        }
        // leaders not in the registry yet are created with all their records: counted, not rehearsed
        var known = new HashMap<String, Long>();
        var ids = plan.leaders().stream().map(ImportPlan.PlannedLeader::externalId).toList();
        for (int i = 0; i < ids.size(); i += 1000) {
            known.putAll(leaders.idsByExternalId(ids.subList(i, Math.min(ids.size(), i + 1000))));
        }
        var existing = plan.leaders().stream().filter(l -> known.containsKey(l.externalId())).toList();
        var fresh = plan.leaders().stream().filter(l -> !known.containsKey(l.externalId())).toList();
        var rehearsal = writer.write(new ImportPlan(plan.fileName(), plan.rows(), existing, List.of(), 0), "dry run", true, rows -> {
        });
        int freshRecords = fresh.stream().mapToInt(l -> l.records().size()).sum();
        return new ImportReport(plan.fileName(), plan.rows(), true, 0, List.of(),
                new ImportCounts(fresh.size(), rehearsal.leadersUpdated, rehearsal.leadersUnchanged, rehearsal.leadersKept),
                new ImportCounts(freshRecords + rehearsal.records.created, rehearsal.records.updated, rehearsal.records.unchanged,
                        rehearsal.records.keptByLeader));
    }

    /**
     * Checks the whole file, then (only if it has no problem) starts the import as a job and answers
     * at once; 400 listing the problems otherwise, 409 while another import runs in any copy.
     */
    public JobView start(String fileName, InputStream file, boolean invite, String startedBy) {
        var plan = plan(fileName, file, invite);
        if (!plan.valid()) {
            throw invalid(plan);
        }
        int total = plan.leaders().stream().mapToInt(l -> Math.max(1, l.records().size())).sum();
        return jobs.start(KIND, "rows", startedBy, progress -> run(plan, invite, startedBy, total, progress));
    }

    /**
     * Imports in the caller's thread and transaction, all or nothing (the demo data at start: the
     * same checks and writes as a job, without one); 400 with the problems of a file that has any.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ImportOutcome importNow(String fileName, InputStream file, String actor) {
        var plan = plan(fileName, file, false);
        if (!plan.valid()) {
            throw invalid(plan);
        }
        long started = System.nanoTime();
        var tally = writer.write(plan, actor, false, true, rows -> {
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new ImportOutcome(plan.fileName(), plan.rows(), tally.leaders(), tally.recordCounts(), 0, 0, millis,
                millis == 0 ? tally.rowsDone : tally.rowsDone * 1000.0 / millis);
    }

    /** Import jobs, newest first. */
    public Page<JobView> jobs(PageRequest paging) {
        return jobs.list(KIND, paging);
    }

    /** One import job; empty when there is none of that id or it is not an import. */
    public Optional<JobView> job(long id) {
        return jobs.find(id).filter(job -> KIND.equals(job.kind()));
    }

    private ImportPlan plan(String fileName, InputStream file, boolean invite) {
        var read = CsvRows.read(file, maxBytes());
        return checker.check(fileName(fileName), read, invite);
    }

    private ImportOutcome run(ImportPlan plan, boolean invite, String startedBy, int total, Progress progress) {
        long started = System.nanoTime();
        progress.phase("writing");
        progress.total(total);
        var actor = startedBy + " (imported from " + plan.fileName() + ")";
        ImportWriter.Tally tally;
        var done = new int[1];
        try {
            tally = writer.write(plan, actor, false, rows -> {
                done[0] += rows;
                progress.advance(rows);
                progress.checkStopped();
            });
        } catch (RuntimeException e) {
            // batches before the failing one are committed; their rows are found by external id and left alone on a re-run.
            // The cause is the log's, not the job's: programme staff read the job, and a database's words are not for them
            var incident = UUID.randomUUID().toString();
            LOG.errorf(e, "Import of %s stopped after %d of %d rows, incident %s", plan.fileName(), done[0], total, incident);
            throw new ProblemException(Problem.of("import-stopped", "Import stopped", 500, "the import stopped after " + done[0] + " of "
                    + total + " rows (incident " + incident + " in the service's log); batches written before it stay written. Import the"
                    + " same file again to finish: rows already written are found by their external ids and left unchanged"));
        }
        int queued = 0;
        var toInvite = new ArrayList<Long>();
        if (invite) {
            var byExternalId = new HashMap<String, Long>();
            for (int i = 0; i < plan.leaders().size(); i++) {
                byExternalId.put(plan.leaders().get(i).externalId(), tally.written.get(i));
            }
            plan.leaders().stream().filter(ImportPlan.PlannedLeader::hasEmail).forEach(l -> toInvite.add(byExternalId.get(l.externalId())));
            progress.phase("inviting");
            queued = invitations.invite(toInvite, startedBy);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("Imported %s: %d rows in %d ms; leaders %s, records %s", plan.fileName(), tally.rowsDone, millis, tally.leaders(),
                tally.recordCounts());
        return new ImportOutcome(plan.fileName(), plan.rows(), tally.leaders(), tally.recordCounts(), toInvite.size(), queued, millis,
                millis == 0 ? tally.rowsDone : tally.rowsDone * 1000.0 / millis);
    }

    /** The problems as a 400: each names its row and column as the field. */
    private static ProblemException invalid(ImportPlan plan) {
        var violations = plan.problems().stream()
                .map(p -> new Violation((p.row() == null ? "file" : "row " + p.row()) + (p.column() == null ? "" : ": " + p.column()), "body",
                        p.value() == null ? p.message() : p.message() + " (was '" + p.value() + "')", p.allowed()))
                .toList();
        var problem = ProblemException.invalid(violations).problem();
        return new ProblemException(Problem.of("invalid-request", "Invalid request", 400,
                plan.problemCount() + " problem(s) in " + plan.fileName() + "; nothing was imported. A dry run (dryRun=true) lists them all")
                .withViolations(problem.violations()));
    }

    /** A name for the audit trail and the job: the file's own name, without any path a browser sent. */
    static String fileName(String given) {
        if (given == null || given.isBlank()) {
            return "upload.csv";
        }
        var name = given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        name = name.replaceAll("[\\p{Cntrl}]", "");
        return name.isEmpty() ? "upload.csv" : name.length() > 200 ? name.substring(0, 200) : name;
    }
}
