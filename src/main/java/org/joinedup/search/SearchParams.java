package org.joinedup.search;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of the search endpoints, as sent; {@link SearchCriteriaParser} checks them. */
public class SearchParams {

    @QueryParam("q")
    @Parameter(description = "Full text over names, roles, record titles and summaries; vocabulary synonyms are expanded (GP also finds general practice and primary care)")
    public String q;

    @QueryParam("region")
    @Parameter(description = "NHS England region code, repeatable (any of)")
    public List<String> region;

    @QueryParam("icb")
    @Parameter(description = "ICB code, repeatable (any of); a superseded ICB stands for its successor")
    public List<String> icb;

    @QueryParam("area")
    @Parameter(description = "Upper-tier local authority or ICB code a record covered, repeatable (any of)")
    public List<String> area;

    @QueryParam("service")
    @Parameter(description = "Service code, repeatable: all of them joined up in the same record")
    public List<String> service;

    @QueryParam("approach")
    @Parameter(description = "Approach code, repeatable (any of)")
    public List<String> approach;

    @QueryParam("scope")
    @Parameter(description = "Scope code, repeatable (any of)")
    public List<String> scope;

    @QueryParam("programme")
    @Parameter(description = "Programme code, repeatable (any of)")
    public List<String> programme;

    @QueryParam("outcome")
    @Parameter(description = "Outcome metric code, repeatable (any of): records with a reported outcome on it")
    public List<String> outcome;

    @QueryParam("improved")
    @Parameter(description = "true: only records whose outcome (on one of the outcome metrics, if given) improved, judged by the metric's direction")
    public String improved;

    @QueryParam("verification")
    @Parameter(description = "Minimum verification level: self-reported, endorsed or verified")
    public String verification;

    @QueryParam("mentored")
    @Parameter(description = "yes: only leaders who have completed a mentorship as mentor; no: only those who have not")
    public List<String> mentored;

    @QueryParam("mentoring")
    @Parameter(description = "available: only leaders willing to mentor with capacity left")
    public String mentoring;

    @QueryParam("near")
    @Parameter(description = "A point as lat,lon, e.g. 53.14,-1.2")
    public String near;

    @QueryParam("nearArea")
    @Parameter(description = "An area code whose centroid is the point, e.g. E10000024")
    public String nearArea;

    @QueryParam("within")
    @Parameter(description = "Distance from near or nearArea, e.g. 50km or 30mi (at most 1000km)")
    public String within;

    @QueryParam("sort")
    @DefaultValue("relevance")
    @Parameter(description = "relevance (default), distance (needs near or nearArea) or recent")
    public String sort;

    @QueryParam("page")
    @DefaultValue("0")
    public String page;

    @QueryParam("size")
    @DefaultValue("20")
    public String size;
}
