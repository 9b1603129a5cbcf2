package org.skillgraph.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** skillgraph's own terms, defined in {@code ontology/skillgraph.ttl}. */
public final class SG {
    public static final String NS = "https://w3id.org/skillgraph/ontology#";
    public static final String PREFIX = "sg";
    /** The ontology itself, also the name of the named graph that holds it. */
    public static final String ONTOLOGY = "https://w3id.org/skillgraph/ontology";

    public static final Resource OccupationalFramework = ResourceFactory.createResource(NS + "OccupationalFramework");
    public static final Resource AiUsageFramework = ResourceFactory.createResource(NS + "AiUsageFramework");
    public static final Resource DurableSkillsFramework = ResourceFactory.createResource(NS + "DurableSkillsFramework");
    public static final Resource DurableSkillDomain = ResourceFactory.createResource(NS + "DurableSkillDomain");
    public static final Resource OnetAnchor = ResourceFactory.createResource(NS + "OnetAnchor");
    public static final Resource OnetSkill = ResourceFactory.createResource(NS + "OnetSkill");
    public static final Resource OnetKnowledge = ResourceFactory.createResource(NS + "OnetKnowledge");
    public static final Resource OnetAbility = ResourceFactory.createResource(NS + "OnetAbility");
    public static final Resource OnetWorkStyle = ResourceFactory.createResource(NS + "OnetWorkStyle");
    public static final Resource OnetTechnology = ResourceFactory.createResource(NS + "OnetTechnology");
    public static final Resource OnetTask = ResourceFactory.createResource(NS + "OnetTask");
    public static final Resource Apprenticeship = ResourceFactory.createResource(NS + "Apprenticeship");
    public static final Resource TaskListing = ResourceFactory.createResource(NS + "TaskListing");
    public static final Resource InstructionalProgram = ResourceFactory.createResource(NS + "InstructionalProgram");
    public static final Resource SocMajorGroup = ResourceFactory.createResource(NS + "SocMajorGroup");
    public static final Resource EvidencePack = ResourceFactory.createResource(NS + "EvidencePack");
    public static final Resource EvidenceMetric = ResourceFactory.createResource(NS + "EvidenceMetric");
    public static final Resource SourceDocument = ResourceFactory.createResource(NS + "SourceDocument");
    public static final Property forOccupation = ResourceFactory.createProperty(NS + "forOccupation");
    public static final Property hasFramework = ResourceFactory.createProperty(NS + "hasFramework");
    public static final Property jobZone = ResourceFactory.createProperty(NS + "jobZone");
    public static final Property jobZoneLabel = ResourceFactory.createProperty(NS + "jobZoneLabel");
    public static final Property jobZoneInferred = ResourceFactory.createProperty(NS + "jobZoneInferred");
    public static final Property instructionalProgram = ResourceFactory.createProperty(NS + "instructionalProgram");
    public static final Property naicsSector = ResourceFactory.createProperty(NS + "naicsSector");
    public static final Property contextCovered = ResourceFactory.createProperty(NS + "contextCovered");
    public static final Property roleLabel = ResourceFactory.createProperty(NS + "roleLabel");
    public static final Property rank = ResourceFactory.createProperty(NS + "rank");
    public static final Property position = ResourceFactory.createProperty(NS + "position");
    public static final Property domain = ResourceFactory.createProperty(NS + "domain");
    public static final Property declaredStatementCount = ResourceFactory.createProperty(NS + "declaredStatementCount");
    public static final Property declaredAnchorCount = ResourceFactory.createProperty(NS + "declaredAnchorCount");
    public static final Property sourceText = ResourceFactory.createProperty(NS + "sourceText");
    public static final Property hasAnchor = ResourceFactory.createProperty(NS + "hasAnchor");
    public static final Property hasSkill = ResourceFactory.createProperty(NS + "hasSkill");
    public static final Property hasKnowledge = ResourceFactory.createProperty(NS + "hasKnowledge");
    public static final Property hasAbility = ResourceFactory.createProperty(NS + "hasAbility");
    public static final Property hasWorkStyle = ResourceFactory.createProperty(NS + "hasWorkStyle");
    public static final Property usesTechnology = ResourceFactory.createProperty(NS + "usesTechnology");
    public static final Property hasTask = ResourceFactory.createProperty(NS + "hasTask");
    public static final Property hasApprenticeship = ResourceFactory.createProperty(NS + "hasApprenticeship");
    public static final Property taskListing = ResourceFactory.createProperty(NS + "taskListing");
    public static final Property task = ResourceFactory.createProperty(NS + "task");
    public static final Property evidencePack = ResourceFactory.createProperty(NS + "evidencePack");
    public static final Property aeiTaskObservations = ResourceFactory.createProperty(NS + "aeiTaskObservations");
    public static final Property aeiAugmentSharePercent = ResourceFactory.createProperty(NS + "aeiAugmentSharePercent");
    public static final Property aeiTimeSavedPercent = ResourceFactory.createProperty(NS + "aeiTimeSavedPercent");
    public static final Property aeiAutonomy = ResourceFactory.createProperty(NS + "aeiAutonomy");
    public static final Property safiTopSkill = ResourceFactory.createProperty(NS + "safiTopSkill");
    public static final Property safiTopSkillAnchor = ResourceFactory.createProperty(NS + "safiTopSkillAnchor");
    public static final Property safiScore = ResourceFactory.createProperty(NS + "safiScore");
    public static final Property safiPrecision = ResourceFactory.createProperty(NS + "safiPrecision");
    public static final Property wefCluster = ResourceFactory.createProperty(NS + "wefCluster");
    public static final Property wefClusterKey = ResourceFactory.createProperty(NS + "wefClusterKey");
    public static final Property metric = ResourceFactory.createProperty(NS + "metric");
    public static final Property metricGroup = ResourceFactory.createProperty(NS + "metricGroup");
    public static final Property rawValue = ResourceFactory.createProperty(NS + "rawValue");
    public static final Property unit = ResourceFactory.createProperty(NS + "unit");
    public static final Property citationLabel = ResourceFactory.createProperty(NS + "citationLabel");
    public static final Property citationDetail = ResourceFactory.createProperty(NS + "citationDetail");
    public static final Property fileName = ResourceFactory.createProperty(NS + "fileName");
    public static final Property sha256 = ResourceFactory.createProperty(NS + "sha256");
    public static final Property generator = ResourceFactory.createProperty(NS + "generator");
    public static final Property schemaVersion = ResourceFactory.createProperty(NS + "schemaVersion");
    public static final Property mappingVersion = ResourceFactory.createProperty(NS + "mappingVersion");
    public static final Property onetVersion = ResourceFactory.createProperty(NS + "onetVersion");
    public static final Property anchorCrosswalk = ResourceFactory.createProperty(NS + "anchorCrosswalk");
    public static final Property needsReview = ResourceFactory.createProperty(NS + "needsReview");
    public static final Property reviewNote = ResourceFactory.createProperty(NS + "reviewNote");

    private SG() {
    }
}
