package org.joinedup.apitour;

import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.joinedup.client.ApiClient;
import org.joinedup.client.ApiException;
import org.joinedup.client.api.AccountsAndAuditApi;
import org.joinedup.client.api.CohortMatchingApi;
import org.joinedup.client.api.IntegrationRecordsApi;
import org.joinedup.client.api.IntroductionsApi;
import org.joinedup.client.api.JobsApi;
import org.joinedup.client.api.LeadersApi;
import org.joinedup.client.api.LearningRequestsAndMatchesApi;
import org.joinedup.client.api.MentorshipsApi;
import org.joinedup.client.api.OrganisationsApi;
import org.joinedup.client.api.SearchAdministrationApi;
import org.joinedup.client.api.SearchApi;
import org.joinedup.client.api.SignInApi;
import org.joinedup.client.api.VocabulariesAndAreasApi;
import org.joinedup.client.api.YourAccountAndDataApi;
import org.joinedup.client.model.AccountInput;
import org.joinedup.client.model.AreaInput;
import org.joinedup.client.model.CohortMatchInput;
import org.joinedup.client.model.CorroborationRequestInput;
import org.joinedup.client.model.Credentials;
import org.joinedup.client.model.EndorsementInput;
import org.joinedup.client.model.IntroductionInput;
import org.joinedup.client.model.JobView;
import org.joinedup.client.model.LeaderInput;
import org.joinedup.client.model.MentoringInput;
import org.joinedup.client.model.MentorshipInput;
import org.joinedup.client.model.OutcomeInput;
import org.joinedup.client.model.PasswordChange;
import org.joinedup.client.model.Problem;
import org.joinedup.client.model.RecordInput;
import org.joinedup.client.model.VerificationInput;

/**
 * The README's "A short API tour", walked through the Java client that openapi-generator makes from
 * the API document (docs/api.md; src/test/api/check runs it against a service copy with the demo
 * data). Each step says what it did; the first that fails ends the run with status 1. The admin's
 * index rebuild is left out: it is a long job, not a tour step.
 *
 * <p>Arguments: the service's base URL, the demo accounts' password.
 */
public final class ApiTour {

    private static final String NEW_PASSWORD = "a-second-password-456";

    private final String base;
    private final String demoPassword;
    private int steps;

    private ApiTour(String base, String demoPassword) {
        this.base = base;
        this.demoPassword = demoPassword;
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ApiTour BASE_URL DEMO_PASSWORD");
            System.exit(2);
        }
        var tour = new ApiTour(args[0], args[1]);
        try {
            tour.walk();
        } catch (Exception | AssertionError e) {
            System.err.println("api tour: step " + (tour.steps + 1) + " failed: " + describe(e));
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println("api tour: all " + tour.steps + " steps passed");
    }

    private void walk() throws Exception {
        var admin = token("demo-admin", demoPassword);
        var programme = token("demo-programme", demoPassword);
        var leader = token("demo-leader", demoPassword);
        var commissioner = token("demo-commissioner", demoPassword);
        done("signed in as demo-admin, demo-programme, demo-leader and demo-commissioner");

        var reference = new VocabulariesAndAreasApi(client(null));
        var services = reference.getVocabulary("services");
        check(services.stream().anyMatch(item -> "gp".equals(item.getCode())), "the services vocabulary has gp");
        var icbs = reference.listAreas(VocabulariesAndAreasApi.APIListAreasRequest.newBuilder().type("icb").region("E40000011").build());
        check(!icbs.getAreas().isEmpty() && icbs.getAreas().stream().allMatch(a -> "icb".equals(a.getType())), "ICBs of the Midlands");
        done("vocabularies and areas: " + services.size() + " services, " + icbs.getAreas().size() + " ICBs in the Midlands");

        var leaders = new LeadersApi(client(null));
        var page = leaders.listLeaders(LeadersApi.APIListLeadersRequest.newBuilder().page("0").size("5").build());
        check(page.getItems().size() == 5 && page.getTotal() > 5, "a page of 5 leaders");
        var first = leaders.getLeader(1L);
        var records = new IntegrationRecordsApi(client(null)).listLeaderRecords(1L, "0", "20");
        var me = new YourAccountAndDataApi(client(leader)).getMe();
        check(me.getLeader() != null && me.getLeader().getId() == 1L, "demo-leader is leader 1");
        done("leaders: " + page.getTotal() + " in all; leader 1 is " + first.getName() + " with " + records.getTotal() + " records, signed in as demo-leader");

        var organisations = new OrganisationsApi(client(null)).searchOrganisations(
                OrganisationsApi.APISearchOrganisationsRequest.newBuilder().q("sherwood forest").build());
        check(organisations.getItems().stream().anyMatch(o -> "RK5".equals(o.getCode())), "Sherwood Forest is RK5");
        done("organisations: 'sherwood forest' finds RK5");

        var created = new LeadersApi(client(admin)).createLeaderWithHttpInfo(new LeaderInput().name("Sam Tester")
                .currentRole("Head of integrated care").organisation("E10000024").homeArea("E10000024").visibility("public")
                .mentoring(new MentoringInput().willing(true).capacity(2).formats(List.of("calls", "site-visit")).trained(false)));
        check(created.getStatusCode() == 201, "a new leader is 201");
        long samLeader = created.getData().getId();
        var record = new IntegrationRecordsApi(client(admin)).createRecordWithHttpInfo(samLeader, new RecordInput()
                .title("Integrated discharge team in Mansfield").areas(List.of(new AreaInput().code("E10000024")))
                .services(List.of("acute", "social-care", "community-health")).scope("organisations")
                .approaches(List.of("discharge-to-assess", "integrated-teams")).programme("bcf").role("led")
                .partnerOrganisations(List.of("RK5", "E54000060"))
                .periodStart(LocalDate.parse("2019-04-01")).periodEnd(LocalDate.parse("2022-03-31"))
                .outcomes(List.of(new OutcomeInput().metric("delayed-transfers").baseline(new BigDecimal("14.2"))
                        .result(new BigDecimal("9.8")).unit("delayed days per day").period("2019-2022"))));
        check(record.getStatusCode() == 201, "a new record is 201");
        long samRecord = record.getData().getId();
        done("logged leader " + samLeader + " and their record " + samRecord);

        var asked = new IntegrationRecordsApi(client(admin)).askCorroborationWithHttpInfo(samRecord,
                new CorroborationRequestInput().organisation("RK5"));
        check(asked.getStatusCode() == 201 && "RK5".equals(asked.getData().getOrganisation().getCode()), "RK5 asked");
        new AccountsAndAuditApi(client(admin)).createAccount(new AccountInput().username("tour-partner-rk5")
                .password("a-partner-password-123").roles(List.of("commissioner")).fullName("Pat Partner")
                .jobTitle("Discharge lead").organisation("RK5"));
        var partner = token("tour-partner-rk5", "a-partner-password-123");
        var mine = new IntegrationRecordsApi(client(partner)).listMyCorroborationRequests("0", "20");
        check(mine.getItems().stream().anyMatch(r -> r.getRecordId() == samRecord), "the partner sees the request");
        var endorsed = new IntegrationRecordsApi(client(partner)).endorseRecord(samRecord,
                new EndorsementInput().decision("confirmed").comment("We ran the discharge team together"));
        check(!endorsed.getEndorsements().isEmpty(), "the record shows the endorsement");
        var verified = new IntegrationRecordsApi(client(programme)).verifyRecordWithHttpInfo(samRecord,
                new VerificationInput().programme("bcf").decision("confirmed"));
        check(verified.getStatusCode() == 201, "verified");
        done("corroboration: RK5 asked, confirmed by its account; verified for bcf (" + verified.getData().getVerification() + ")");

        var mistake = failure(() -> new IntegrationRecordsApi(client(leader)).createRecord(1L, new RecordInput().title("x")
                .areas(List.of(new AreaInput().code("E10000024"))).services(List.of("gp")).scope("street").role("led")
                .periodStart(LocalDate.parse("2020-01-01"))));
        var problem = problem(mistake, 400);
        check(problem.getViolations().stream().anyMatch(v -> "scope".equals(v.getField()) && !v.getAllowed().isEmpty()),
                "the problem names scope and the values allowed: " + problem);
        done("a mistake is a 400 problem+json: " + problem.getDetail());

        problem(failure(() -> new LeadersApi(client(leader)).deleteLeader(2L, null)), 403);
        problem(failure(() -> new LeadersApi(client(null)).deleteLeader(2L, null)), 401);
        done("someone else's profile is a 403, without a token a 401");

        var search = new SearchApi(client(null));
        var joinedUp = waitForHits(() -> search.searchLeaders(SearchApi.APISearchLeadersRequest.newBuilder()
                .service(List.of("gp", "social-care")).region(List.of("E40000011")).size("3").build()).getTotal());
        var near = search.searchLeaders(SearchApi.APISearchLeadersRequest.newBuilder().q("family doctor").nearArea("E10000024")
                .within("30km").sort("distance").build());
        check(near.getTotal() > 0, "family doctors near Nottinghamshire");
        var regions = search.searchRegions(SearchApi.APISearchRegionsRequest.newBuilder().service(List.of("social-care"))
                .approach(List.of("pooled-budgets")).build());
        check(!regions.getRegions().isEmpty(), "regions with pooled budgets in social care");
        done("search: " + joinedUp + " leaders joined up GP and social care in the Midlands, " + near.getTotal()
                + " near Nottinghamshire, " + regions.getRegions().size() + " regions");

        var matching = new LearningRequestsAndMatchesApi(client(programme));
        var requests = matching.listLearningRequests(LearningRequestsAndMatchesApi.APIListLearningRequestsRequest.newBuilder()
                .status("open").size("10").build());
        check(requests.getItems().size() == 10, "ten open learning requests");
        long request = requests.getItems().get(0).getId();
        var matches = matching.listMentorMatches(request, "3");
        check(!matches.isEmpty(), "mentors for request " + request);
        var proposed = new MentorshipsApi(client(programme)).proposeMentorshipWithHttpInfo(new MentorshipInput().requestId(request)
                .mentorId(matches.get(0).getMentor().getId()));
        check(proposed.getStatusCode() == 201 && "proposed".equals(proposed.getData().getStatus()), "a proposed mentorship");
        var cohort = new CohortMatchingApi(client(programme)).runCohortMatch(new CohortMatchInput()
                .requests(requests.getItems().stream().map(r -> r.getId()).toList()));
        check(!cohort.getAssignments().isEmpty() && cohort.getTotalScore() >= cohort.getGreedyTotalScore(), "an exact cohort");
        done("matching: " + matches.size() + " mentors for request " + request + ", one proposed; a cohort of 10 with "
                + cohort.getAssignments().size() + " pairings, total " + cohort.getTotalScore() + " against greedy " + cohort.getGreedyTotalScore());

        var introduction = new IntroductionsApi(client(commissioner)).askIntroductionWithHttpInfo(new IntroductionInput().leaderId(1L)
                .message("Could we talk about your neighbourhood teams?"));
        check(introduction.getStatusCode() == 201, "an introduction asked");
        long introductionId = introduction.getData().getId();
        var asPriya = new IntroductionsApi(client(leader));
        check(asPriya.listIntroductions("0", "20").getItems().stream().anyMatch(i -> i.getId() == introductionId), "Priya sees it");
        asPriya.acceptIntroduction(introductionId, null);
        check(new IntroductionsApi(client(commissioner)).getIntroduction(introductionId).getContact() != null, "contact details once accepted");
        done("introduction " + introductionId + " asked, accepted, contact details shown");

        var searchAdmin = new SearchAdministrationApi(client(admin));
        var compared = searchAdmin.checkIndex((String) null);
        searchAdmin.fixIndex();
        var audit = new AccountsAndAuditApi(client(admin)).listAuditEntries(AccountsAndAuditApi.APIListAuditEntriesRequest.newBuilder()
                .size("5").build());
        check(compared.getInDatabase() > 0 && !audit.getItems().isEmpty(), "index check and audit trail");
        var rebuild = followJob(admin, searchAdmin.rebuildIndex());
        check(rebuild.getState() == JobView.StateEnum.SUCCEEDED && rebuild.getDone().equals(compared.getInDatabase()), "the rebuild job succeeded");
        done("admin: the index holds " + compared.getInIndex() + " of " + compared.getInDatabase() + " leaders; rebuilt as job "
                + rebuild.getId() + " (" + rebuild.getDone() + " documents); " + audit.getTotal() + " audit entries");

        var accounts = new AccountsAndAuditApi(client(admin));
        var sam = accounts.createAccountWithHttpInfo(new AccountInput().username("sam-commissioner").password("a-first-password-123")
                .roles(List.of("commissioner")));
        check(sam.getStatusCode() == 201, "an account made");
        var samToken = token("sam-commissioner", "a-first-password-123");
        var changed = new SignInApi(client(samToken)).changePassword(new PasswordChange().currentPassword("a-first-password-123")
                .newPassword(NEW_PASSWORD)).getAccessToken();
        problem(failure(() -> new YourAccountAndDataApi(client(samToken)).getMe()), 401);
        check("sam-commissioner".equals(new YourAccountAndDataApi(client(changed)).getMe().getAccount().getUsername()), "the new token works");
        new SignInApi(client(changed)).signOutEverywhere();
        problem(failure(() -> new YourAccountAndDataApi(client(changed)).getMe()), 401);
        long samAccount = sam.getData().getId();
        check(accounts.disableAccount(samAccount).getDisabledAt() != null, "disabled");
        check(accounts.enableAccount(samAccount).getDisabledAt() == null, "enabled");
        done("accounts: made, password changed (the old token refused), signed out everywhere, disabled and enabled");

        var keys = accounts.listSigningKeys();
        var rotated = accounts.rotateSigningKeyWithHttpInfo();
        check(!keys.isEmpty() && rotated.getStatusCode() == 201, "signing keys listed and rotated");
        done("signing keys: " + keys.size() + " listed, a new one published (" + rotated.getData().getState() + ")");
    }

    private ApiClient client(String token) {
        var client = new ApiClient();
        client.updateBaseUri(base);
        client.setReadTimeout(Duration.ofSeconds(30));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private String token(String username, String password) throws ApiException {
        return new SignInApi(client(null)).signIn(new Credentials().username(username).password(password)).getAccessToken();
    }

    private interface Call {
        void run() throws ApiException;
    }

    private interface Count {
        long get() throws ApiException;
    }

    private static ApiException failure(Call call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("the call succeeded; it should have been refused");
    }

    /** The problem+json an error answer carries, read with the client's own model. */
    private Problem problem(ApiException e, int status) throws Exception {
        check(e.getCode() == status, "status " + e.getCode() + ", expected " + status + ": " + e.getResponseBody());
        HttpHeaders headers = e.getResponseHeaders();
        check(headers.firstValue("Content-Type").orElse("").startsWith("application/problem+json"), "a problem+json answer");
        var problem = client(null).getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        check(problem.getStatus() == status && problem.getRequestId() != null && !problem.getRequestId().isBlank(), "a problem with its request id");
        return problem;
    }

    /** Search sees the demo data once the indexer has caught up after the start. */
    private static long waitForHits(Count count) throws Exception {
        var deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        for (var total = count.get(); total == 0; total = count.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("search found nothing for two minutes");
            }
            Thread.sleep(2000);
        }
        return count.get();
    }

    private void done(String what) {
        steps++;
        System.out.println("api tour " + steps + ": " + what);
    }

    /** Polls a job (the README: "follow it until state is succeeded") for up to two minutes. */
    private JobView followJob(String token, JobView job) throws ApiException, InterruptedException {
        var jobs = new JobsApi(client(token));
        for (int i = 0; i < 240 && (job.getState() == JobView.StateEnum.QUEUED || job.getState() == JobView.StateEnum.RUNNING); i++) {
            Thread.sleep(500);
            job = jobs.getJob(job.getId());
        }
        return job;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    private static String describe(Throwable e) {
        return e instanceof ApiException api ? "HTTP " + api.getCode() + " " + api.getResponseBody() : e.toString();
    }
}
