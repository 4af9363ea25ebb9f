package org.joinedup.job;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.Roles;

/** Long jobs and how they are going, read from PostgreSQL: any service copy answers for a job any copy runs. */
@Path(JobResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Jobs")
public class JobResource {

    static final String PATH = "/api/admin/jobs";

    @Inject
    JobService jobs;

    /** Where a job can be followed (the Location of a 202 that started it). */
    public static String path(long id) {
        return PATH + "/" + id;
    }

    @GET
    @Operation(operationId = "listJobs", summary = "Long jobs, newest first", description = "Jobs of every service copy (rebuilds of the search index today),"
            + " a page at a time, optionally of one kind. Each has its state, phase, progress, rate, time left, errors and, once done,"
            + " its result.")
    public Page<JobView> list(@Parameter(description = "Only jobs of this kind", example = "reindex") @QueryParam("kind") String kind,
            @Valid @BeanParam PageRequest paging) {
        return jobs.list(kind, paging);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getJob", summary = "One job and how it is going", description = "State (queued, running, succeeded, failed), phase, done of total,"
            + " rate and estimated seconds left while it runs; its result once it succeeded, or why it failed. Progress is written about"
            + " once a second; a job whose service copy stopped writing for longer than the lease (joinedup.jobs.lease, 60 s) reads as"
            + " failed.")
    public JobView find(@PathParam("id") long id) {
        return jobs.find(id).orElseThrow(() -> ProblemException.notFound("Job", id));
    }
}
